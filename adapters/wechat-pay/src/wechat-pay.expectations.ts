/**
 * What the conformance suite expects of wechat-pay, written from WeChat Pay's documentation
 * (PLATFORMS.md, ERRORS-AND-RULES.md), never from the adapter's declaration: the declaration
 * and the simulator are both checked against these figures.
 */
import { yuan } from '@cardweave/adapter-sdk';
import { testCardNumber, testMobile, testResidentId, type ConformanceExpectations } from '@cardweave/adapter-testkit';
import { WechatPaySimulator } from './wechat-pay.simulator';

export const WECHAT_TEST_CARD = testCardNumber('625350', 16, 123_456_789); // 6253501234567897

export const wechatPayExpectations: ConformanceExpectations<WechatPaySimulator> = {
  id: 'wechat-pay',
  role: 'wallet',
  createSimulator: (clock) => new WechatPaySimulator(clock),
  inputs: {
    bind: (n) => ({
      accountRef: `oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-${n}`,
      fields: { name: '张三', residentId: testResidentId(), mobile: testMobile(), cardNumber: WECHAT_TEST_CARD },
    }),
    authorize: (n) => ({
      accountRef: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      cardToken: 'wxcard_conformance',
      amountFen: yuan(100) + BigInt(n),
      currency: 'CNY',
    }),
    queryStatus: (n) => ({ reference: `conformance-ref-${n}` }),
  },
  // ERRORS-AND-RULES.md §1: the API v3 shared codes and the business codes of secondary sources.
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
  // PLATFORMS.md §3: what users see.
  requiredPlatformMessages: ['商户限制', '格式错误'],
  // PLATFORMS.md §4: 50,000 CNY a payment; 200,000 CNY a year per wallet account.
  limits: {
    'wechat-pay.per-payment': {
      amountFen: yuan(50_000),
      window: 'PER_PAYMENT',
      scope: 'WALLET_ACCOUNT',
      platformCode: 'SINGLE_QUOTA_EXCEEDED',
      platformMessage: '超出单笔支付限额',
    },
    'wechat-pay.yearly': {
      amountFen: yuan(200_000),
      window: 'YEARLY',
      scope: 'WALLET_ACCOUNT',
      platformCode: 'QUOTA_EXCEEDED',
      platformMessage: '超出年度支付限额',
    },
  },
};
