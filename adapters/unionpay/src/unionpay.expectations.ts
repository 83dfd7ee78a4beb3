/**
 * What the conformance suite expects of unionpay, written from UnionPay's documentation
 * (PLATFORMS.md, ERRORS-AND-RULES.md), never from the adapter's declaration.
 */
import { yuan } from '@cardweave/adapter-sdk';
import { testCardNumber, type ConformanceExpectations } from '@cardweave/adapter-testkit';
import { UnionPaySimulator } from './unionpay.simulator';

export const unionPayExpectations: ConformanceExpectations<UnionPaySimulator> = {
  id: 'unionpay',
  role: 'clearing',
  createSimulator: (clock) => new UnionPaySimulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `card-token-${n}`, stepId: 'cvv2-sms', fields: { cvv2: '739', smsCode: '480615' } }),
    authorize: (n) => ({
      accountRef: 'wallet-account-1',
      cardNumber: testCardNumber('625350', 16, 123_456_789),
      amountFen: yuan(100) + BigInt(n),
      currency: 'CNY',
    }),
    queryStatus: (n) => ({ reference: `order-${n}` }),
  },
  // ERRORS-AND-RULES.md §1: ISO 8583 field 39, "still processing" on a query, the token service's codes.
  requiredPlatformCodes: [
    '03',
    '04',
    '05',
    '14',
    '30',
    '32',
    '33',
    '41',
    '43',
    '51',
    '54',
    '55',
    '57',
    '59',
    '61',
    '62',
    '65',
    '75',
    '87',
    '89',
    '91',
    '94',
    '96',
  ],
  requiredPlatformMessages: ['卡片锁定', '无效卡号'],
  // PLATFORMS.md §1 and §4, per card: 1,000 CNY a payment, 5,000 a day, 500,000 a year; 61 "exceeds amount limit".
  limits: {
    'unionpay.per-payment': {
      amountFen: yuan(1_000),
      window: 'PER_PAYMENT',
      scope: 'CARD',
      platformCode: '61',
      platformMessage: '超出单笔金额限制',
    },
    'unionpay.daily': { amountFen: yuan(5_000), window: 'DAILY', scope: 'CARD', platformCode: '61', platformMessage: '超出金额限制' },
    'unionpay.yearly': { amountFen: yuan(500_000), window: 'YEARLY', scope: 'CARD', platformCode: '61', platformMessage: '超出金额限制' },
  },
};
