/** __ID__'s error dialect as data: one row per platform code. Add every code the platform documents. */
import type { ErrorTableRow } from '__SDK__';

export const __CAMEL__Errors: ErrorTableRow[] = [
  {
    platformCode: 'SYSTEM_BUSY',
    platformMessage: '系统繁忙',
    code: 'SYSTEM_BUSY',
    decision: 'RETRY',
    remedy: 'RETRY_LATER',
    message: { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' },
    iso8583: '96',
  },
  {
    platformCode: 'LIMIT_EXCEEDED',
    platformMessage: '超出限额',
    code: 'LIMIT_EXCEEDED',
    decision: 'USER_ACTION',
    remedy: 'WAIT_FOR_NEXT_WINDOW',
    message: { 'zh-CN': '超出支付限额', en: 'Over the payment limit' },
    iso8583: '61',
  },
  {
    platformCode: 'INSUFFICIENT_FUNDS',
    platformMessage: '余额不足',
    code: 'INSUFFICIENT_FUNDS',
    decision: 'USER_ACTION',
    remedy: 'USE_ANOTHER_CARD',
    message: { 'zh-CN': '余额不足，请更换付款方式', en: 'Not enough funds; use another payment method' },
    iso8583: '51',
  },
  {
    platformCode: 'SMS_CODE_WRONG',
    platformMessage: '验证码错误',
    code: 'VERIFICATION_FAILED',
    decision: 'USER_ACTION',
    remedy: 'CORRECT_INPUT',
    flows: ['verifyStep'],
    message: { 'zh-CN': '验证码错误，请重新输入', en: 'Wrong code; enter it again' },
  },
  {
    platformCode: 'PROCESSING',
    platformMessage: '处理中',
    code: 'TRANSACTION_IN_PROGRESS',
    decision: 'RETRY',
    remedy: 'QUERY_STATUS',
    outcome: 'PENDING',
    retryAfterSeconds: 5,
    message: { 'zh-CN': '处理中，请稍后查询结果', en: 'Processing; check the result shortly' },
  },
];
