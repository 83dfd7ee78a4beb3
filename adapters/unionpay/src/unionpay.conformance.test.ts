import { yuan } from '../../sdk/src';
import { describeConformance } from '../../testkit';
import adapter from '..';
import { UnionPaySimulator } from './unionpay.simulator';

describeConformance(adapter, {
  id: 'unionpay',
  role: 'clearing',
  createSimulator: (clock) => new UnionPaySimulator(clock),
  inputs: {
    verifyStep: (n) => ({ subjectRef: `card-token-${n}`, stepId: 'cvv2-sms', fields: { cvv2: '739', smsCode: '480615' } }),
    authorize: (n) => ({ accountRef: 'wallet-account-1', cardNumber: '6253501234567897', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `order-${n}` }),
  },
  requiredPlatformCodes: ['03', '04', '05', '14', '30', '32', '33', '41', '43', '51', '54', '55', '57', '59', '61', '62', '65', '75', '87', '89', '91', '94', '96'],
  requiredPlatformMessages: ['卡片锁定', '无效卡号'],
  limits: { 'unionpay.per-payment': yuan(1_000), 'unionpay.daily': yuan(5_000), 'unionpay.yearly': yuan(500_000) },
  sensitiveValues: ['6253501234567897', '739', '480615'],
});
