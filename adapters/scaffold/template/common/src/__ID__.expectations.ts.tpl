/**
 * What the conformance suite expects of __ID__, written from the platform's own documentation
 * (cite it beside each figure), never copied from the adapter's declaration or the simulator:
 * the suite checks both against these values, so a mistake in either one fails.
 *
 * Fill in: the limits (amount in fen, window, scope, and the platform's code and message when
 * a payment breaks each), the platform codes and UI messages the documentation names, and an
 * error trigger for each error the simulator raises by itself (a frozen account, a spent
 * credit line), with the platform's code and message.
 */
import { yuan } from '__SDK__';
import type { ConformanceExpectations } from '__TESTKIT__';
import { __PASCAL__Simulator } from './__ID__.simulator';

export const __CAMEL__Expectations: ConformanceExpectations<__PASCAL__Simulator> = {
  id: '__ID__',
  role: '__ROLE__',
  createSimulator: (clock) => new __PASCAL__Simulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `subject-${n}`, stepId: 'sms', fields: { smsCode: '480615' } }),
    authorize: (n) => ({ accountRef: 'account-1', cardToken: 'card-token-1', amountFen: yuan(10) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `reference-${n}` }),
  },
  // The platform's codes and UI messages its documentation names: the error table must hold each.
  requiredPlatformCodes: ['SYSTEM_BUSY'],
  requiredPlatformMessages: ['系统繁忙'],
  // The platform's documented limits. Placeholder figures: replace them with the documentation's.
  limits: {
    '__ID__.per-payment': { amountFen: yuan(1_000), window: 'PER_PAYMENT', scope: '__SCOPE__', platformCode: 'AMOUNT_OVER_LIMIT', platformMessage: '超出单笔限额' },
    '__ID__.daily': { amountFen: yuan(5_000), window: 'DAILY', scope: '__SCOPE__', platformCode: 'LIMIT_EXCEEDED', platformMessage: '超出单日限额' },
  },
  // Errors the simulator raises by itself, e.g.:
  // { name: 'a frozen account', operation: 'authorize', arrange: (sim) => sim.freeze('account-1'),
  //   platformCode: 'ACCOUNT_FROZEN', platformMessage: '账户已冻结', code: 'ACCOUNT_FROZEN' },
  errorTriggers: [],
};
