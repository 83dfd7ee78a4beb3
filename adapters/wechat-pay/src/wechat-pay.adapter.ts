/** WeChat Pay (微信支付) as a wallet: four-element binding, wallet limits per account. */
import { yuan, type PlatformAdapter } from '../../sdk/src';

export const wechatPayAdapter: PlatformAdapter = {
  manifest: {
    id: 'wechat-pay',
    role: 'wallet',
    displayName: { 'zh-CN': '微信支付', en: 'WeChat Pay' },
    currencies: ['CNY'],
    cardNetworks: ['UNIONPAY', 'VISA', 'MASTERCARD'],
    binRanges: [],
  },
  limits: [
    {
      id: 'wechat-pay.per-payment',
      window: 'PER_PAYMENT',
      amountFen: yuan(50_000),
      scope: 'WALLET_ACCOUNT',
      timezone: 'Asia/Shanghai',
      description: { 'zh-CN': '微信支付单笔限额', en: 'WeChat Pay per-payment limit' },
    },
    {
      id: 'wechat-pay.yearly',
      window: 'YEARLY',
      amountFen: yuan(200_000),
      scope: 'WALLET_ACCOUNT',
      timezone: 'Asia/Shanghai',
      description: { 'zh-CN': '微信支付年度限额（每个钱包账户）', en: 'WeChat Pay yearly limit per wallet account' },
    },
  ],
  verification: {
    purpose: 'BINDING',
    steps: [
      {
        id: 'four-elements',
        kind: 'FOUR_ELEMENTS',
        label: { 'zh-CN': '银行卡四要素验证', en: 'Bank card four-element check' },
        fields: [
          { name: 'name', kind: 'NAME', label: { 'zh-CN': '姓名', en: 'Name' }, secret: false },
          { name: 'residentId', kind: 'RESIDENT_ID', label: { 'zh-CN': '身份证号', en: 'Resident ID number' }, secret: true },
          { name: 'mobile', kind: 'MOBILE', label: { 'zh-CN': '手机号', en: 'Mobile number' }, secret: true },
          { name: 'cardNumber', kind: 'CARD_NUMBER', label: { 'zh-CN': '卡号', en: 'Card number' }, secret: true },
        ],
      },
    ],
    typicalDurationSeconds: { min: 120, max: 180 },
  },
  eligibility: {
    minRealNameLevel: 2,
    minAge: 18,
    requireNoOverdueDebt: false,
    requireAccountNotFrozen: false,
    requireWalletActive: true,
  },
  devices: [
    { os: 'IOS', nfc: { supported: false }, qr: { supported: true, note: { 'zh-CN': '需要相机权限', en: 'Needs camera permission' } } },
    { os: 'ANDROID', nfc: { supported: false }, qr: { supported: true } },
    { os: 'WINDOWS', nfc: { supported: false }, qr: { supported: false, note: { 'zh-CN': '仅网页支付', en: 'Web payments only' } } },
  ],
  errors: [
    {
      platformCode: 'RULELIMIT',
      platformMessage: '商户限制',
      code: 'MERCHANT_RESTRICTED',
      decision: 'USER_ACTION',
      remedy: 'CHANGE_PAYMENT_SCENE',
      message: {
        'zh-CN': '商户限制：请更换支付场景，或联系客服解除异常状态',
        en: 'Merchant restriction: change the payment scene, or contact support to lift the abnormal state',
      },
      iso8583: '57',
    },
    {
      platformCode: 'PARAM_ERROR',
      platformMessage: '格式错误',
      code: 'INVALID_FORMAT',
      decision: 'USER_ACTION',
      remedy: 'CORRECT_INPUT',
      message: { 'zh-CN': '格式错误，请检查输入', en: 'Format error; check what you entered' },
      iso8583: '30',
    },
  ],
};
