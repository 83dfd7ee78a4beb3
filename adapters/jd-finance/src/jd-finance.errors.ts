/**
 * JD Finance's dialect as data. The source names only UI texts (银行验证失败, 系统繁忙);
 * the codes beside them are stable synthetic codes of ours for the outcomes the source
 * and the Baitiao rules describe (credit, overdue, freeze + manual review, real-name level, age,
 * the card's own state).
 */
import type { ErrorTableRow, LocalizedText } from '@cardweave/adapter-sdk';

const row = (
  platformCode: string,
  platformMessage: string,
  code: ErrorTableRow['code'],
  decision: ErrorTableRow['decision'],
  remedy: ErrorTableRow['remedy'],
  message: LocalizedText,
  extra: Partial<ErrorTableRow> = {},
): ErrorTableRow => ({ platformCode, platformMessage, code, decision, remedy, message, ...extra });

export const jdFinanceErrors: ErrorTableRow[] = [
  row('BANK_VERIFY_FAILED', '银行验证失败', 'VERIFICATION_FAILED', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '银行验证失败，请重新验证身份', en: 'The bank could not verify you; verify your identity again' }, { iso8583: '05' }),
  row('SYSTEM_BUSY', '系统繁忙', 'SYSTEM_BUSY', 'RETRY', 'RETRY_LATER', { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' }, { iso8583: '91' }),
  row('FACE_NOT_MATCHED', '人脸识别未通过', 'VERIFICATION_FAILED', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '人脸识别未通过，请重新识别', en: 'Face recognition failed; try it again' }, { flows: ['verifyStep'] }),
  row('SMS_CODE_ERROR', '短信验证码错误', 'VERIFICATION_FAILED', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '短信验证码错误，请重新输入', en: 'Wrong SMS code; enter it again' }, { flows: ['verifyStep'] }),
  row('SMS_CODE_EXPIRED', '短信验证码已过期', 'VERIFICATION_FAILED', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '短信验证码已过期，请重新获取', en: 'The SMS code has expired; request a new one' }, { flows: ['verifyStep'] }),
  row('PAY_PASSWORD_ERROR', '支付密码错误', 'INCORRECT_PIN', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '支付密码错误，请重新输入', en: 'Wrong payment password; enter it again' }, { iso8583: '55' }),
  row('PAY_PASSWORD_LOCKED', '支付密码错误次数过多', 'PIN_TRIES_EXCEEDED', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '支付密码错误次数过多，已锁定', en: 'Too many wrong payment passwords; it is locked' }, { iso8583: '75' }),
  row('CREDIT_NOT_ENOUGH', '白条可用额度不足', 'INSUFFICIENT_CREDIT', 'USER_ACTION', 'REPAY_AT_ISSUER', { 'zh-CN': '白条可用额度不足，请先还款', en: 'Not enough Baitiao credit available; repay first' }, { iso8583: '51' }),
  row('ACCOUNT_OVERDUE', '存在逾期未还款', 'OVERDUE_DEBT', 'USER_ACTION', 'REPAY_OVERDUE_BILL', { 'zh-CN': '存在逾期账单，请先在京东金融还款', en: 'A bill is overdue; repay it in the JD Finance app first' }, { iso8583: '57' }),
  // Risk response: a temporary freeze with manual review.
  row('ACCOUNT_FROZEN', '账户已冻结', 'ACCOUNT_FROZEN', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '账户已临时冻结，正在人工审核，请联系客服', en: 'The account is temporarily frozen for manual review; contact support' }, { iso8583: '62' }),
  row('RISK_REJECTED', '交易存在风险', 'SUSPECTED_FRAUD', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '交易存在风险，请联系客服', en: 'The transaction looks risky; contact support' }, { iso8583: '59' }),
  row('REAL_NAME_LEVEL_LOW', '实名认证等级不足', 'NOT_ELIGIBLE', 'USER_ACTION', 'RAISE_REAL_NAME_LEVEL', { 'zh-CN': '需完成三级实名认证（身份证+人脸识别）', en: 'Level-3 real-name verification (ID card + face) is required' }),
  row('AGE_NOT_ELIGIBLE', '年龄不符合要求', 'NOT_ELIGIBLE', 'DO_NOT_RETRY', 'NONE', { 'zh-CN': '白条闪付仅面向18至55周岁用户', en: 'Baitiao Shanfu is for people aged 18 to 55' }),
  row('CARD_NOT_ACTIVE', '闪付卡未开通', 'CARD_NOT_ACTIVE', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '请先在京东金融开通白条闪付', en: 'Upgrade to Baitiao Shanfu in the JD Finance app first' }),
  row('REPAY_AMOUNT_EXCEEDS', '还款金额超过应还金额', 'INVALID_AMOUNT', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '还款金额超过应还金额', en: 'The repayment is more than what is owed' }, { iso8583: '13' }),
  row('DUPLICATE_REQUEST', '重复请求', 'DUPLICATE_REQUEST', 'DO_NOT_RETRY', 'QUERY_STATUS', { 'zh-CN': '重复请求，请查询原交易结果', en: 'Duplicate request; check the original result' }, { iso8583: '94' }),
  row('PROCESSING', '处理中', 'TRANSACTION_IN_PROGRESS', 'RETRY', 'QUERY_STATUS', { 'zh-CN': '处理中，请稍后查询结果', en: 'Processing; check the result shortly' }, { outcome: 'PENDING', retryAfterSeconds: 5 }),
  // The card's own state, which the issuer subgraph declines payments for (every issuer maps these).
  row('CARD_LOCKED', '卡片已锁定', 'CARD_LOCKED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '白条闪付卡已锁定，请在京东金融解锁', en: 'The Baitiao Shanfu card is locked; unlock it in the JD Finance app' }, { iso8583: '62' }),
  row('CARD_EXPIRED', '卡片已过期', 'CARD_EXPIRED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '白条闪付卡已过期，请联系客服换卡', en: 'The Baitiao Shanfu card has expired; contact support for a new one' }, { iso8583: '54' }),
  row('TRANSACTION_NOT_PERMITTED', '交易不被允许', 'TRANSACTION_NOT_PERMITTED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '该卡不允许此交易，请联系客服', en: 'This card may not make this transaction; contact support' }, { iso8583: '57' }),
];
