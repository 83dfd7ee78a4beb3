/**
 * JD Finance (京东金融) as the issuer of the Baitiao Shanfu virtual card, issued with
 * Bank of Shanghai. Figures from PLATFORMS.md; values the source leaves vague
 * (statement day, grace period, minimum due, rounding, allocation) are assumptions,
 * marked as such, and meant to be overridden by configuration.
 */
import { yuan, type PlatformAdapter } from '../../sdk/src';

export const jdFinanceAdapter: PlatformAdapter = {
  manifest: {
    id: 'jd-finance',
    role: 'issuer',
    displayName: { 'zh-CN': '京东金融', en: 'JD Finance' },
    currencies: ['CNY'],
    cardNetworks: ['UNIONPAY'],
    // Assumption: an example UnionPay credit BIN range for the virtual card.
    binRanges: [{ from: '625350', to: '625359', length: 16 }],
  },
  // The issuer's only spending bound is the credit available, which is account state, not a rule.
  limits: [],
  verification: {
    purpose: 'ISSUANCE',
    steps: [
      {
        id: 'face',
        kind: 'FACE_RECOGNITION',
        label: { 'zh-CN': '人脸识别', en: 'Face recognition' },
        fields: [{ name: 'faceToken', kind: 'FACE_TOKEN', label: { 'zh-CN': '人脸识别凭证', en: 'Face token' }, secret: true }],
      },
      {
        id: 'sms',
        kind: 'SMS_CODE',
        label: { 'zh-CN': '短信验证码', en: 'SMS code' },
        fields: [{ name: 'smsCode', kind: 'SMS_CODE', label: { 'zh-CN': '验证码', en: 'Code' }, secret: true }],
      },
      {
        id: 'payment-password',
        kind: 'PAYMENT_PASSWORD',
        label: { 'zh-CN': '支付密码', en: 'Payment password' },
        fields: [{ name: 'paymentPassword', kind: 'PAYMENT_PASSWORD', label: { 'zh-CN': '支付密码', en: 'Payment password' }, secret: true }],
      },
    ],
    typicalDurationSeconds: { min: 180, max: 300 },
  },
  eligibility: {
    minRealNameLevel: 3,
    minAge: 18,
    maxAge: 55,
    requireNoOverdueDebt: true,
    requireAccountNotFrozen: true,
    requireWalletActive: false,
  },
  devices: [
    { os: 'IOS', nfc: { supported: true, minVersion: 'iPhone 6' }, qr: { supported: true } },
    { os: 'ANDROID', nfc: { supported: true, minVersion: '5.0' }, qr: { supported: true } },
    { os: 'WINDOWS', nfc: { supported: false }, qr: { supported: false } },
  ],
  errors: [
    {
      platformCode: 'BANK_VERIFY_FAILED',
      platformMessage: '银行验证失败',
      code: 'VERIFICATION_FAILED',
      decision: 'USER_ACTION',
      remedy: 'REVERIFY_IDENTITY',
      message: { 'zh-CN': '银行验证失败，请重新验证身份', en: 'The bank could not verify you; verify your identity again' },
      iso8583: '05',
    },
    {
      platformCode: 'SYSTEM_BUSY',
      platformMessage: '系统繁忙',
      code: 'SYSTEM_BUSY',
      decision: 'RETRY',
      remedy: 'RETRY_LATER',
      message: { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' },
      iso8583: '91',
    },
  ],
  issuerTerms: {
    maxCreditLineFen: yuan(50_000),
    penaltyPerDay: { numerator: 5n, denominator: 10_000n },
    statementDay: 1, // assumption
    gracePeriodDays: 9, // assumption: due on the 10th
    minimumDue: { numerator: 10n, denominator: 100n }, // assumption
    rounding: 'HALF_UP', // assumption: the common convention
    repaymentAllocation: ['PENALTY', 'PRINCIPAL'], // assumption
    issuingBank: { 'zh-CN': '上海银行', en: 'Bank of Shanghai' },
    repaymentChannel: { 'zh-CN': '京东金融 App', en: 'the JD Finance app' },
  },
};
