/**
 * __ID__'s error dialect as data: one row per platform code (and message, where one code
 * carries several meanings). Add every code the platform documents, with the platform's own
 * code and message. Where the platform gives no code for an outcome a __ROLE__ must map
 * (REQUIRED_ERROR_CODES in the SDK, listed in adapters/README.md), keep a code of ours with
 * the CW_ prefix and say so. The conformance suite checks each row's decision and remedy
 * against the canonical table (CANONICAL_ERROR_RULES).
 */
import type { ErrorTableRow, LocalizedText } from '__SDK__';

const row = (
  platformCode: string,
  platformMessage: string,
  code: ErrorTableRow['code'],
  decision: ErrorTableRow['decision'],
  remedy: ErrorTableRow['remedy'],
  message: LocalizedText,
  extra: Partial<ErrorTableRow> = {},
): ErrorTableRow => ({ platformCode, platformMessage, code, decision, remedy, message, ...extra });

export const __CAMEL__Errors: ErrorTableRow[] = [
  // Transient: always RETRY.
  row('SYSTEM_BUSY', '系统繁忙', 'SYSTEM_BUSY', 'RETRY', 'RETRY_LATER', { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' }, { iso8583: '96' }),
  // A used-up window resets: WAIT_FOR_NEXT_WINDOW. A per-payment limit never does: LOWER_AMOUNT.
  row('LIMIT_EXCEEDED', '超出单日限额', 'LIMIT_EXCEEDED', 'USER_ACTION', 'WAIT_FOR_NEXT_WINDOW', { 'zh-CN': '已达到单日支付限额，次日0点恢复', en: 'The daily limit is used up; it resets at midnight, Beijing time' }, {
    iso8583: '61',
    limitWindows: ['DAILY'],
  }),
  row('AMOUNT_OVER_LIMIT', '超出单笔限额', 'LIMIT_EXCEEDED', 'USER_ACTION', 'LOWER_AMOUNT', { 'zh-CN': '超出单笔支付限额，请减少金额', en: 'Over the per-payment limit; pay a smaller amount' }, {
    iso8583: '61',
    limitWindows: ['PER_PAYMENT'],
  }),
  row('INSUFFICIENT_FUNDS', '余额不足', 'INSUFFICIENT_FUNDS', 'USER_ACTION', 'USE_ANOTHER_CARD', { 'zh-CN': '余额不足，请更换付款方式', en: 'Not enough funds; use another payment method' }, { iso8583: '51' }),
  row('SMS_CODE_WRONG', '验证码错误', 'VERIFICATION_FAILED', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '验证码错误，请重新输入', en: 'Wrong code; enter it again' }, { flows: ['verifyStep'] }),
  row('PROCESSING', '处理中', 'TRANSACTION_IN_PROGRESS', 'RETRY', 'QUERY_STATUS', { 'zh-CN': '处理中，请稍后查询结果', en: 'Processing; check the result shortly' }, {
    outcome: 'PENDING',
    retryAfterSeconds: 5,
  }),
  // The rows every __ROLE__ must map: replace each code and message with the platform's own.
/*__ROLE_ROWS__*/];
