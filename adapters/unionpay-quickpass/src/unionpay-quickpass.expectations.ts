/**
 * What the conformance suite expects of unionpay-quickpass, written from Cloud QuickPass's
 * documentation (PLATFORMS.md), never from the adapter's declaration.
 */
import { yuan } from '@cardweave/adapter-sdk';
import { testCardNumber, type ConformanceExpectations } from '@cardweave/adapter-testkit';
import { QuickPassSimulator } from './unionpay-quickpass.simulator';

const CARD = testCardNumber('625350', 16, 123_456_789); // 6253501234567897

export const quickPassExpectations: ConformanceExpectations<QuickPassSimulator> = {
  id: 'unionpay-quickpass',
  role: 'wallet',
  createSimulator: (clock) => new QuickPassSimulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `qp-user-${n}`, stepId: 'card-cvv2', fields: { cardNumber: CARD, cvv2: '739' } }),
    bind: (n) => ({ accountRef: `qp-user-${n}`, fields: { cardNumber: CARD, cvv2: '739', smsCode: '480615' } }),
    authorize: (n) => ({ accountRef: 'qp-user-1', cardToken: 'qp_card_token_1', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `qp-request-${n}` }),
  },
  // PLATFORMS.md §3: what the app shows.
  requiredPlatformMessages: ['卡片锁定', '无效卡号'],
  // PLATFORMS.md §1: 1,000 CNY a payment, 5,000 CNY a day; ISO 8583 61 "exceeds amount limit".
  limits: {
    'unionpay-quickpass.per-payment': {
      amountFen: yuan(1_000),
      window: 'PER_PAYMENT',
      scope: 'WALLET_ACCOUNT',
      platformCode: '61',
      platformMessage: '超出单笔金额限制',
    },
    'unionpay-quickpass.daily': {
      amountFen: yuan(5_000),
      window: 'DAILY',
      scope: 'WALLET_ACCOUNT',
      platformCode: '61',
      platformMessage: '超出金额限制',
    },
  },
};
