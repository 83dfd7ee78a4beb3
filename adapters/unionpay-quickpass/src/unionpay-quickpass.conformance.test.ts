import { yuan } from '../../sdk/src';
import { describeConformance } from '../../testkit';
import adapter from '..';
import { QuickPassSimulator } from './unionpay-quickpass.simulator';

describeConformance(adapter, {
  id: 'unionpay-quickpass',
  role: 'wallet',
  createSimulator: (clock) => new QuickPassSimulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `qp-user-${n}`, stepId: 'card-cvv2', fields: { cardNumber: '6253501234567897', cvv2: '739' } }),
    bind: (n) => ({ accountRef: `qp-user-${n}`, fields: { cardNumber: '6253501234567897', cvv2: '739', smsCode: '480615' } }),
    authorize: (n) => ({ accountRef: 'qp-user-1', cardToken: 'qp_card_token_1', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `qp-request-${n}` }),
  },
  requiredPlatformMessages: ['卡片锁定', '无效卡号'],
  limits: { 'unionpay-quickpass.per-payment': yuan(1_000), 'unionpay-quickpass.daily': yuan(5_000) },
  sensitiveValues: ['6253501234567897', '739', '480615'],
});
