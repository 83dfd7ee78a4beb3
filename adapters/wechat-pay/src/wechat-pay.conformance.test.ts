import { yuan } from '../../sdk/src';
import { describeConformance } from '../../testkit';
import adapter from '..';
import { WechatPaySimulator } from './wechat-pay.simulator';

describeConformance(adapter, {
  id: 'wechat-pay',
  role: 'wallet',
  createSimulator: (clock) => new WechatPaySimulator(clock),
  inputs: {
    bind: (n) => ({
      accountRef: `oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-${n}`,
      fields: { name: '张三', residentId: '11010519491231002X', mobile: '13800138000', cardNumber: '6253501234567897' },
    }),
    authorize: (n) => ({ accountRef: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', cardToken: 'wxcard_conformance', amountFen: yuan(100) + BigInt(n), currency: 'CNY' }),
    queryStatus: (n) => ({ reference: `conformance-ref-${n}` }),
  },
  requiredPlatformCodes: [
    'PARAM_ERROR',
    'INVALID_REQUEST',
    'SIGN_ERROR',
    'SYSTEM_ERROR',
    'FREQUENCY_LIMITED',
    'NOTENOUGH',
    'ORDER_CLOSED',
    'USERPAYING',
    'TRADE_ERROR',
    'RULELIMIT',
  ],
  requiredPlatformMessages: ['商户限制', '格式错误'],
  limits: { 'wechat-pay.per-payment': yuan(50_000), 'wechat-pay.yearly': yuan(200_000) },
  sensitiveValues: ['6253501234567897', '11010519491231002X', '13800138000'],
});
