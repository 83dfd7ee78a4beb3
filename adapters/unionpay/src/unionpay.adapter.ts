/** UnionPay / Cloud QuickPass (银联云闪付) as the clearing network: routing and network limits per card. */
import { yuan, type PlatformAdapter } from '../../sdk/src';

export const unionPayAdapter: PlatformAdapter = {
  manifest: {
    id: 'unionpay',
    role: 'clearing',
    displayName: { 'zh-CN': '中国银联', en: 'UnionPay' },
    currencies: ['CNY'],
    cardNetworks: ['UNIONPAY'],
    binRanges: [{ from: '62', to: '62', length: 16 }, { from: '81', to: '81', length: 16 }],
  },
  limits: [
    {
      id: 'unionpay.per-payment',
      window: 'PER_PAYMENT',
      amountFen: yuan(1_000),
      scope: 'CARD',
      timezone: 'Asia/Shanghai',
      description: { 'zh-CN': '云闪付单笔限额', en: 'QuickPass per-payment limit' },
    },
    {
      id: 'unionpay.daily',
      window: 'DAILY',
      amountFen: yuan(5_000),
      scope: 'CARD',
      timezone: 'Asia/Shanghai',
      description: { 'zh-CN': '银联单日限额', en: 'UnionPay daily limit' },
    },
    {
      id: 'unionpay.yearly',
      window: 'YEARLY',
      amountFen: yuan(500_000),
      scope: 'CARD',
      timezone: 'Asia/Shanghai',
      description: { 'zh-CN': '银联年度限额', en: 'UnionPay yearly limit' },
    },
  ],
  verification: {
    purpose: 'PAYMENT',
    steps: [
      {
        id: 'cvv2-sms',
        kind: 'CVV2',
        label: { 'zh-CN': 'CVV2 与短信验证码', en: 'CVV2 and SMS code' },
        fields: [
          { name: 'cvv2', kind: 'CVV2', label: { 'zh-CN': 'CVV2', en: 'CVV2' }, secret: true },
          { name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '短信验证码', en: 'SMS code' }, secret: true },
        ],
      },
    ],
    typicalDurationSeconds: { min: 60, max: 120 },
  },
  devices: [
    { os: 'IOS', nfc: { supported: true, minVersion: 'iPhone 6' }, qr: { supported: true } },
    { os: 'ANDROID', nfc: { supported: true, minVersion: '5.0' }, qr: { supported: true } },
    { os: 'WINDOWS', nfc: { supported: false }, qr: { supported: false } },
  ],
  errors: [
    {
      platformCode: '62',
      platformMessage: '卡片锁定',
      code: 'CARD_LOCKED',
      decision: 'USER_ACTION',
      remedy: 'UNLOCK_CARD',
      message: { 'zh-CN': '卡片已锁定，请先解锁', en: 'The card is locked; unlock it first' },
      iso8583: '62',
    },
    {
      platformCode: '14',
      platformMessage: '无效卡号',
      code: 'INVALID_CARD_NUMBER',
      decision: 'USER_ACTION',
      remedy: 'CORRECT_INPUT',
      message: { 'zh-CN': '无效卡号，请检查卡号', en: 'Invalid card number; check it' },
      iso8583: '14',
    },
    {
      platformCode: '61',
      platformMessage: '超出金额限制',
      code: 'LIMIT_EXCEEDED',
      decision: 'USER_ACTION',
      remedy: 'WAIT_FOR_NEXT_WINDOW',
      message: { 'zh-CN': '超出银联限额', en: 'Over the UnionPay limit' },
      iso8583: '61',
    },
  ],
};
