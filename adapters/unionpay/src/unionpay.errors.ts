/**
 * UnionPay's dialect as data: ISO 8583 field-39 style `respCode`s. `03`/`04`/`05` mean
 * "still processing, query again" on a status query but are declines on a payment,
 * so those rows name their flow. Token-service codes 32/33/87/89 are UnionPay's.
 * The UI texts 卡片锁定 and 无效卡号 are what users see for 62 and 14. Code 61 carries two
 * messages: the wording that tells a per-payment breach from a used-up day or year is ours.
 */
import type { ErrorTableRow, LocalizedText } from '@cardweave/adapter-sdk';

const PAYMENT_FLOWS: ErrorTableRow['flows'] = ['authorize', 'verifyStep'];

const row = (
  platformCode: string,
  platformMessage: string,
  code: ErrorTableRow['code'],
  decision: ErrorTableRow['decision'],
  remedy: ErrorTableRow['remedy'],
  message: LocalizedText,
  extra: Partial<ErrorTableRow> = {},
): ErrorTableRow => ({ platformCode, platformMessage, code, decision, remedy, message, ...extra });

const stillProcessing = (platformCode: string): ErrorTableRow =>
  row(platformCode, '交易处理中，请稍后查询', 'TRANSACTION_IN_PROGRESS', 'RETRY', 'QUERY_STATUS', { 'zh-CN': '交易处理中，请稍后查询结果', en: 'Still processing; check the result shortly' }, {
    flows: ['queryStatus'],
    outcome: 'PENDING',
    retryAfterSeconds: 5,
  });

export const unionPayErrors: ErrorTableRow[] = [
  row('01', '请持卡人与发卡银行联系', 'ISSUER_DECLINED', 'USER_ACTION', 'CONTACT_SUPPORT', { 'zh-CN': '请联系发卡银行', en: 'Contact the issuing bank' }, { iso8583: '01' }),
  row('03', '无效商户', 'INVALID_MERCHANT', 'DO_NOT_RETRY', 'CHANGE_PAYMENT_SCENE', { 'zh-CN': '该商户暂不支持银联支付', en: 'This merchant cannot take UnionPay payments' }, { iso8583: '03', flows: PAYMENT_FLOWS }),
  row('04', '没收卡', 'CARD_RESTRICTED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '该卡已被限制使用，请联系发卡银行', en: 'This card may not be used; contact the issuing bank' }, { flows: PAYMENT_FLOWS }),
  row('05', '不予承兑', 'ISSUER_DECLINED', 'DO_NOT_RETRY', 'USE_ANOTHER_CARD', { 'zh-CN': '发卡银行拒绝了交易，请更换银行卡', en: 'The issuing bank declined; use another card' }, { iso8583: '05', flows: PAYMENT_FLOWS }),
  stillProcessing('03'),
  stillProcessing('04'),
  stillProcessing('05'),
  row('12', '无效交易', 'TRANSACTION_NOT_PERMITTED', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '无效交易', en: 'Invalid transaction' }, { iso8583: '12' }),
  row('13', '无效金额', 'INVALID_AMOUNT', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '金额无效，请检查', en: 'The amount is not valid; check it' }, { iso8583: '13' }),
  row('14', '无效卡号', 'INVALID_CARD_NUMBER', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '无效卡号，请检查卡号', en: 'Invalid card number; check it' }, { iso8583: '14' }),
  row('15', '无此发卡行', 'INVALID_CARD_NUMBER', 'USER_ACTION', 'USE_ANOTHER_CARD', { 'zh-CN': '找不到发卡银行，请更换银行卡', en: 'No such issuing bank; use another card' }, { iso8583: '15' }),
  row('30', '格式错误', 'INVALID_FORMAT', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '报文格式错误，请联系客服', en: 'Message format error; contact support' }, { iso8583: '30' }),
  row('32', '商户不支持此交易', 'MERCHANT_RESTRICTED', 'USER_ACTION', 'CHANGE_PAYMENT_SCENE', { 'zh-CN': '该商户不支持此支付方式，请更换支付场景', en: 'The merchant does not accept this payment; change the payment scene' }, { iso8583: '57' }),
  // The token service's amount limit is per payment: a smaller amount passes, waiting does not help.
  row('33', '交易金额超限', 'LIMIT_EXCEEDED', 'USER_ACTION', 'LOWER_AMOUNT', { 'zh-CN': '超出令牌单笔支付限额，请减少金额', en: 'Over the token per-payment limit; pay a smaller amount' }, {
    iso8583: '61',
    limitWindows: ['PER_PAYMENT'],
  }),
  row('41', '挂失卡', 'CARD_LOST', 'DO_NOT_RETRY', 'USE_ANOTHER_CARD', { 'zh-CN': '该卡已挂失，请更换银行卡', en: 'This card is reported lost; use another card' }, { iso8583: '41' }),
  row('43', '被窃卡', 'CARD_LOST', 'DO_NOT_RETRY', 'USE_ANOTHER_CARD', { 'zh-CN': '该卡已报失窃，请更换银行卡', en: 'This card is reported stolen; use another card' }, { iso8583: '43' }),
  row('51', '余额不足', 'INSUFFICIENT_FUNDS', 'USER_ACTION', 'USE_ANOTHER_CARD', { 'zh-CN': '可用额度不足', en: 'Not enough available credit' }, { iso8583: '51' }),
  row('54', '过期卡', 'CARD_EXPIRED', 'USER_ACTION', 'USE_ANOTHER_CARD', { 'zh-CN': '该卡已过期', en: 'This card has expired' }, { iso8583: '54' }),
  row('55', '密码错误', 'INCORRECT_PIN', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': '密码错误，请重新输入', en: 'Wrong PIN; enter it again' }, { iso8583: '55' }),
  row('57', '不允许持卡人进行的交易', 'TRANSACTION_NOT_PERMITTED', 'USER_ACTION', 'CHANGE_PAYMENT_SCENE', { 'zh-CN': '该卡不支持此交易', en: 'This card does not allow this transaction' }, { iso8583: '57' }),
  row('59', '有作弊嫌疑', 'SUSPECTED_FRAUD', 'DO_NOT_RETRY', 'CONTACT_SUPPORT', { 'zh-CN': '交易存在风险，请联系客服', en: 'The transaction looks risky; contact support' }, { iso8583: '59' }),
  row('61', '超出金额限制', 'LIMIT_EXCEEDED', 'USER_ACTION', 'WAIT_FOR_NEXT_WINDOW', { 'zh-CN': '已达到银联单日或年度限额，限额周期结束后恢复', en: 'The UnionPay daily or yearly limit is used up; it resets when its window ends' }, {
    iso8583: '61',
    limitWindows: ['DAILY', 'YEARLY'],
  }),
  row('61', '超出单笔金额限制', 'LIMIT_EXCEEDED', 'USER_ACTION', 'LOWER_AMOUNT', { 'zh-CN': '超出银联单笔限额（1000元），请减少金额', en: 'Over the UnionPay per-payment limit (1,000 CNY); pay a smaller amount' }, {
    iso8583: '61',
    limitWindows: ['PER_PAYMENT'],
  }),
  row('62', '卡片锁定', 'CARD_LOCKED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '卡片已锁定，请先解锁', en: 'The card is locked; unlock it first' }, { iso8583: '62' }),
  row('65', '超出交易次数限制', 'FREQUENCY_LIMITED', 'USER_ACTION', 'WAIT_FOR_NEXT_WINDOW', { 'zh-CN': '超出交易次数限制', en: 'Too many transactions for now' }, { iso8583: '65' }),
  row('75', '密码错误次数超限', 'PIN_TRIES_EXCEEDED', 'USER_ACTION', 'UNLOCK_CARD', { 'zh-CN': '密码错误次数过多，卡片已锁定', en: 'Too many wrong PINs; the card is locked' }, { iso8583: '75' }),
  row('87', '令牌使用次数超限', 'FREQUENCY_LIMITED', 'USER_ACTION', 'WAIT_FOR_NEXT_WINDOW', { 'zh-CN': '令牌使用次数已达上限', en: 'The token has been used too many times' }, { iso8583: '65' }),
  row('89', '无效令牌', 'INVALID_TOKEN', 'USER_ACTION', 'REVERIFY_IDENTITY', { 'zh-CN': '卡片绑定已失效，请重新绑卡', en: 'The card binding is no longer valid; bind the card again' }),
  row('91', '发卡行或交换中心不能操作', 'PLATFORM_UNAVAILABLE', 'RETRY', 'RETRY_LATER', { 'zh-CN': '发卡银行暂时无法处理，请稍后再试', en: 'The issuer is unavailable; try again later' }, { iso8583: '91' }),
  row('94', '重复交易', 'DUPLICATE_REQUEST', 'DO_NOT_RETRY', 'QUERY_STATUS', { 'zh-CN': '重复交易，请查询原交易结果', en: 'Duplicate transaction; check the original result' }, { iso8583: '94' }),
  row('96', '系统异常', 'SYSTEM_BUSY', 'RETRY', 'RETRY_LATER', { 'zh-CN': '系统繁忙，请稍后再试', en: 'The system is busy; try again later' }, { iso8583: '96' }),
  // Ours: the CVV2 + SMS step failing; UnionPay's own code for it is not public.
  row('CW01', 'CVN2或短信验证码错误', 'VERIFICATION_FAILED', 'USER_ACTION', 'CORRECT_INPUT', { 'zh-CN': 'CVV2或短信验证码错误，请重新输入', en: 'Wrong CVV2 or SMS code; enter them again' }, { flows: ['verifyStep'] }),
];
