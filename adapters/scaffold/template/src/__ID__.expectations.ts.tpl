/** What the conformance suite expects of __ID__: valid inputs per operation and the declared figures. */
import { yuan } from '__SDK__';
import type { ConformanceExpectations } from '__TESTKIT__';
import { __PASCAL__Simulator } from './__ID__.simulator';

export const __CAMEL__Expectations: ConformanceExpectations = {
  id: '__ID__',
  role: '__ROLE__',
  createSimulator: (clock) => new __PASCAL__Simulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `subject-${n}`, stepId: 'sms', fields: { smsCode: '480615' } }),
    authorize: (n) => ({ accountRef: 'account-1', cardToken: 'card-token-1', amountFen: yuan(10) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `reference-${n}` }),
  },
  limits: { '__ID__.per-payment': yuan(1_000), '__ID__.daily': yuan(5_000) },
  sensitiveValues: ['480615'],
};
