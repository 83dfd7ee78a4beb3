/**
 * Cloud QuickPass's dialect as data. The app shows 卡片锁定 and 无效卡号 (PLATFORMS.md §3);
 * its backend answers with ISO 8583-style codes, and "still processing" (03/04/05) on a
 * payment query. CVN2_ERROR / SMS_* are stable codes of ours for the CVV2 + SMS step, and so
 * are the CW_* codes (outcomes the wallet subgraph declines in QuickPass's name). Code 61
 * carries two messages: the wording that tells a per-payment breach from a used-up day is ours.
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

const VERIFYING: ErrorTableRow['flows'] = ['bind', 'verifyStep'];

const stillProcessing = (platformCode: string): ErrorTableRow =>
  row(
    platformCode,
    '交易处理中',
    'TRANSACTION_IN_PROGRESS',
    'RETRY',
    'QUERY_STATUS',
    { 'zh-CN': '交易处理中，请稍后查询', en: 'Still processing; check shortly' },
    {
      flows: ['queryStatus'],
      outcome: 'PENDING',
      retryAfterSeconds: 5,
    },
  );

export const quickPassErrors: ErrorTableRow[] = [
  row(
    '62',
    '卡片锁定',
    'CARD_LOCKED',
    'USER_ACTION',
    'UNLOCK_CARD',
    { 'zh-CN': '卡片已锁定，请先解锁', en: 'The card is locked; unlock it first' },
    { iso8583: '62' },
  ),
  row(
    '14',
    '无效卡号',
    'INVALID_CARD_NUMBER',
    'USER_ACTION',
    'CORRECT_INPUT',
    { 'zh-CN': '无效卡号，请检查卡号', en: 'Invalid card number; check it' },
    { iso8583: '14' },
  ),
  row(
    'CVN2_ERROR',
    'CVN2错误',
    'VERIFICATION_FAILED',
    'USER_ACTION',
    'CORRECT_INPUT',
    { 'zh-CN': 'CVV2 错误，请核对卡背面的三位数字', en: 'Wrong CVV2; check the three digits on the back of the card' },
    { flows: VERIFYING },
  ),
  row(
    'SMS_ERROR',
    '短信验证码错误',
    'VERIFICATION_FAILED',
    'USER_ACTION',
    'CORRECT_INPUT',
    { 'zh-CN': '短信验证码错误，请重新输入', en: 'Wrong SMS code; enter it again' },
    { flows: VERIFYING },
  ),
  row(
    'SMS_EXPIRED',
    '短信验证码已失效',
    'VERIFICATION_FAILED',
    'USER_ACTION',
    'REVERIFY_IDENTITY',
    { 'zh-CN': '短信验证码已失效，请重新获取', en: 'The SMS code has expired; request a new one' },
    { flows: VERIFYING },
  ),
  row(
    'CARD_BOUND',
    '该卡已添加',
    'DUPLICATE_REQUEST',
    'DO_NOT_RETRY',
    'NONE',
    { 'zh-CN': '该卡已在卡管理中', en: 'This card is already in card management' },
    { flows: ['bind'] },
  ),
  row(
    '51',
    '余额不足',
    'INSUFFICIENT_FUNDS',
    'USER_ACTION',
    'USE_ANOTHER_CARD',
    { 'zh-CN': '可用额度不足，请更换银行卡', en: 'Not enough available credit; use another card' },
    { iso8583: '51' },
  ),
  row(
    '54',
    '过期卡',
    'CARD_EXPIRED',
    'USER_ACTION',
    'USE_ANOTHER_CARD',
    { 'zh-CN': '该卡已过期', en: 'This card has expired' },
    { iso8583: '54' },
  ),
  row(
    '57',
    '不允许持卡人进行的交易',
    'TRANSACTION_NOT_PERMITTED',
    'USER_ACTION',
    'CHANGE_PAYMENT_SCENE',
    { 'zh-CN': '该卡不支持此交易', en: 'This card does not allow this transaction' },
    { iso8583: '57' },
  ),
  row(
    '61',
    '超出金额限制',
    'LIMIT_EXCEEDED',
    'USER_ACTION',
    'WAIT_FOR_NEXT_WINDOW',
    {
      'zh-CN': '已达到云闪付单日限额（5000元），次日0点恢复',
      en: 'The QuickPass daily limit (5,000 CNY) is used up; it resets at midnight, Beijing time',
    },
    {
      iso8583: '61',
      limitWindows: ['DAILY'],
    },
  ),
  row(
    '61',
    '超出单笔金额限制',
    'LIMIT_EXCEEDED',
    'USER_ACTION',
    'LOWER_AMOUNT',
    { 'zh-CN': '超出云闪付单笔限额（1000元），请减少金额', en: 'Over the QuickPass per-payment limit (1,000 CNY); pay a smaller amount' },
    {
      iso8583: '61',
      limitWindows: ['PER_PAYMENT'],
    },
  ),
  row(
    '75',
    '密码错误次数超限',
    'PIN_TRIES_EXCEEDED',
    'USER_ACTION',
    'UNLOCK_CARD',
    { 'zh-CN': '密码错误次数过多，卡片已锁定', en: 'Too many wrong PINs; the card is locked' },
    { iso8583: '75' },
  ),
  row(
    '91',
    '发卡行不能操作',
    'PLATFORM_UNAVAILABLE',
    'RETRY',
    'RETRY_LATER',
    { 'zh-CN': '发卡银行暂时无法处理，请稍后再试', en: 'The issuer is unavailable; try again later' },
    { iso8583: '91' },
  ),
  row(
    '96',
    '系统异常',
    'SYSTEM_BUSY',
    'RETRY',
    'RETRY_LATER',
    { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' },
    { iso8583: '96' },
  ),
  row(
    '30',
    '格式错误',
    'INVALID_FORMAT',
    'USER_ACTION',
    'CORRECT_INPUT',
    { 'zh-CN': '格式错误，请检查输入', en: 'Format error; check what you entered' },
    { iso8583: '30' },
  ),
  // UnionPay's token service: 32 merchant not supported (ERRORS-AND-RULES.md §1).
  row(
    '32',
    '商户不支持此交易',
    'MERCHANT_RESTRICTED',
    'USER_ACTION',
    'CHANGE_PAYMENT_SCENE',
    { 'zh-CN': '商户限制：请更换支付场景，或联系客服', en: 'Merchant restriction: change the payment scene, or contact support' },
    { iso8583: '57' },
  ),
  row(
    '94',
    '重复交易',
    'DUPLICATE_REQUEST',
    'DO_NOT_RETRY',
    'QUERY_STATUS',
    { 'zh-CN': '重复交易，请查询原交易结果', en: 'Duplicate transaction; check the original result' },
    { iso8583: '94' },
  ),
  stillProcessing('03'),
  stillProcessing('04'),
  stillProcessing('05'),
  // Ours (CW_*): outcomes the wallet subgraph declines in QuickPass's name; every wallet maps them.
  row(
    'CW_HOLDER_MISMATCH',
    '持卡人信息不符',
    'HOLDER_INFO_MISMATCH',
    'USER_ACTION',
    'CORRECT_INPUT',
    { 'zh-CN': '卡号与持卡人信息不一致，请核对', en: 'The card does not match the card holder; check what you entered' },
    { iso8583: '05' },
  ),
  row('CW_BINDING_NOT_ACTIVE', '卡片绑定已暂停', 'BINDING_NOT_ACTIVE', 'USER_ACTION', 'CONTACT_SUPPORT', {
    'zh-CN': '该卡在云闪付中的绑定已暂停，请联系客服',
    en: 'This card binding in QuickPass is suspended; contact support',
  }),
  row('CW_CARD_NOT_ACTIVE', '卡片状态异常', 'CARD_NOT_ACTIVE', 'USER_ACTION', 'CONTACT_SUPPORT', {
    'zh-CN': '该卡当前不可用，请联系发卡方',
    en: 'This card cannot be used now; contact the issuer',
  }),
  // No QuickPass account yet: adding the card under card management opens it (PLATFORMS.md §1).
  row('CW_NO_WALLET_ACCOUNT', '未开通云闪付账户', 'BINDING_NOT_ACTIVE', 'USER_ACTION', 'OPEN_WALLET_ACCOUNT', {
    'zh-CN': '尚未开通云闪付账户，请在云闪付“卡管理”中添加银行卡以开通',
    en: 'No QuickPass account yet; add the card under card management in QuickPass to open one',
  }),
  row('CW_KEY_REUSED', '请求号重复且内容不一致', 'IDEMPOTENCY_KEY_REUSED', 'DO_NOT_RETRY', 'CORRECT_INPUT', {
    'zh-CN': '该请求号已用于不同的请求，请重新发起',
    en: 'This request number was used for a different request; start a new one',
  }),
  // PLATFORMS.md §6: NFC needs an iPhone 6 or Android 5.0 or later; a PC cannot pay. QR payments need only the camera.
  row('CW_DEVICE_NOT_SUPPORTED', '当前设备不支持闪付', 'DEVICE_NOT_SUPPORTED', 'USER_ACTION', 'PAY_BY_QR_CODE', {
    'zh-CN': '此设备不支持云闪付 NFC 支付（需 iPhone 6 或 Android 5.0 以上），请改用扫码支付',
    en: 'This device cannot pay with QuickPass NFC (iPhone 6 or Android 5.0 or later needed); pay by QR code instead',
  }),
];
