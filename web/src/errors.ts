/**
 * Errors on the page take the canonical form the graph speaks (adapters/sdk canonical
 * codes and remedies): a code, the decision, the remedy, and a message in zh-CN and en.
 * A blocked payment rule (LimitStatus.blockedCode) and a failed request both end up here.
 */
import type { CanonicalErrorCode, Decision, Remedy } from '@cardweave/adapter-sdk/canonical-errors';

export interface LocalizedText {
  zhCN: string;
  en: string;
}

export interface PageError {
  code: CanonicalErrorCode;
  decision: Decision;
  remedy: Remedy;
  message: LocalizedText;
  /** The platform that reported it, when known (e.g. jd-finance). */
  platform?: string;
  /** The code as it arrived, when it was not canonical (kept for support staff). */
  platformCode?: string;
  /** The input field at fault, for input errors (e.g. input.dailyFen). */
  field?: string;
  /** Seconds to wait before trying again, when the platform says. */
  retryAfterSeconds?: number;
}

type Row = { decision: Decision; remedy: Remedy; message: LocalizedText };

/** The codes a card view can show, with their decision, remedy and words. */
const CATALOG: Partial<Record<CanonicalErrorCode, Row>> = {
  OVERDUE_DEBT: {
    decision: 'USER_ACTION',
    remedy: 'REPAY_OVERDUE_BILL',
    message: { zhCN: '账户有逾期欠款，暂不能支付', en: 'The account has overdue debt; payments are blocked' },
  },
  ACCOUNT_FROZEN: {
    decision: 'USER_ACTION',
    remedy: 'CONTACT_SUPPORT',
    message: { zhCN: '账户已被风控冻结，等待人工审核', en: 'The account is frozen by risk controls, pending manual review' },
  },
  CARD_LOCKED: {
    decision: 'USER_ACTION',
    remedy: 'UNLOCK_CARD',
    message: { zhCN: '卡片已锁定', en: 'The card is locked' },
  },
  CARD_NOT_ACTIVE: {
    decision: 'DO_NOT_RETRY',
    remedy: 'USE_ANOTHER_CARD',
    message: { zhCN: '卡片不可用', en: 'The card is not active' },
  },
  CARD_EXPIRED: {
    decision: 'DO_NOT_RETRY',
    remedy: 'USE_ANOTHER_CARD',
    message: { zhCN: '卡片已过期', en: 'The card has expired' },
  },
  BINDING_NOT_ACTIVE: {
    decision: 'USER_ACTION',
    remedy: 'CONTACT_SUPPORT',
    message: { zhCN: '钱包绑定不可用', en: 'The wallet binding is not active' },
  },
  MERCHANT_RESTRICTED: {
    decision: 'USER_ACTION',
    remedy: 'CHANGE_PAYMENT_SCENE',
    message: { zhCN: '商户限制', en: 'Merchant restriction' },
  },
  LIMIT_EXCEEDED: {
    decision: 'USER_ACTION',
    remedy: 'WAIT_FOR_NEXT_WINDOW',
    message: { zhCN: '已达到支付限额', en: 'A payment limit is used up' },
  },
  INSUFFICIENT_CREDIT: {
    decision: 'USER_ACTION',
    remedy: 'REPAY_AT_ISSUER',
    message: { zhCN: '可用额度不足', en: 'Not enough credit available' },
  },
  INVALID_TOKEN: {
    decision: 'USER_ACTION',
    remedy: 'REVERIFY_IDENTITY',
    message: { zhCN: '登录已失效，请重新登录', en: 'Your sign-in is no longer valid; sign in again' },
  },
  INVALID_FORMAT: {
    decision: 'USER_ACTION',
    remedy: 'CORRECT_INPUT',
    message: { zhCN: '格式错误', en: 'Format error' },
  },
  SYSTEM_BUSY: {
    decision: 'RETRY',
    remedy: 'RETRY_LATER',
    message: { zhCN: '系统繁忙，请稍后再试', en: 'The system is busy; try again later' },
  },
  PLATFORM_UNAVAILABLE: {
    decision: 'RETRY',
    remedy: 'RETRY_LATER',
    message: { zhCN: '服务暂时不可用，请稍后再试', en: 'The service is unavailable for now; try again later' },
  },
  PLATFORM_ERROR: {
    decision: 'DO_NOT_RETRY',
    remedy: 'CONTACT_SUPPORT',
    message: { zhCN: '支付平台返回了未知错误，请联系客服', en: 'The payment platform returned an unknown error; contact support' },
  },
};

/** What each remedy asks of the card holder. */
export const REMEDY_TEXT: Record<Remedy, LocalizedText> = {
  NONE: { zhCN: '无需处理', en: 'Nothing to do' },
  RETRY_LATER: { zhCN: '请稍后重试', en: 'Try again later' },
  CHANGE_PAYMENT_SCENE: {
    zhCN: '更换支付场景，或联系客服解除异常状态',
    en: 'Pay in another scene, or ask support to lift the restriction',
  },
  CONTACT_SUPPORT: { zhCN: '请联系客服', en: 'Contact support' },
  REPAY_OVERDUE_BILL: { zhCN: '请先在发卡方处还清逾期账单', en: 'Repay the overdue bill at the issuer first' },
  UNLOCK_CARD: { zhCN: '请先解锁卡片', en: 'Unlock the card first' },
  REVERIFY_IDENTITY: { zhCN: '请重新验证身份', en: 'Verify your identity again' },
  RAISE_REAL_NAME_LEVEL: { zhCN: '请提升实名认证等级', en: 'Raise your real-name verification level' },
  USE_ANOTHER_CARD: { zhCN: '请使用其他卡片', en: 'Use another card' },
  REPAY_AT_ISSUER: { zhCN: '请在发卡方处还款', en: 'Repay at the issuer' },
  CORRECT_INPUT: { zhCN: '请检查并更正输入', en: 'Check and correct the input' },
  WAIT_FOR_NEXT_WINDOW: { zhCN: '请等待限额周期重置', en: 'Wait for the limit window to reset' },
  QUERY_STATUS: { zhCN: '请稍后查询结果', en: 'Check the status later' },
  CONFIRM_IN_APP: { zhCN: '请在应用内确认', en: 'Confirm in the app' },
  PAY_BY_QR_CODE: { zhCN: '请改用扫码支付', en: 'Pay by QR code instead' },
  USE_ANOTHER_WALLET: { zhCN: '请使用其他钱包', en: 'Use another wallet' },
  LOWER_AMOUNT: { zhCN: '请减少支付金额', en: 'Pay a smaller amount' },
  OPEN_WALLET_ACCOUNT: {
    zhCN: '请先开通该钱包账户，或在钱包中添加银行卡',
    en: 'Open an account at this wallet first, or add the card in the wallet',
  },
};

const FALLBACK = CATALOG.PLATFORM_ERROR!;

/** A canonical code from the graph (e.g. LimitStatus.blockedCode) in its full form. */
export function canonicalError(code: string, platform?: string): PageError {
  const row = CATALOG[code as CanonicalErrorCode];
  if (row) return { code: code as CanonicalErrorCode, ...row, platform };
  return { code: 'PLATFORM_ERROR', ...FALLBACK, platform, platformCode: code };
}

/** A GraphQL error (or a failed request) in canonical form. */
export function errorFromGraphQL(error: { message?: string; extensions?: Record<string, unknown> }): PageError {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const platform = typeof ext.platform === 'string' ? ext.platform : undefined;
  const field = typeof ext.field === 'string' ? { field: ext.field } : {};
  // An error that already carries the canonical form keeps it.
  if (typeof ext.remedy === 'string' && ext.message && typeof ext.message === 'object') {
    const message = ext.message as Record<string, string>;
    const base = canonicalError(code, platform);
    return {
      ...base,
      ...field,
      ...(code ? { code: code as CanonicalErrorCode, platformCode: undefined } : {}),
      decision: (ext.decision as Decision) ?? base.decision,
      remedy: ext.remedy as Remedy,
      message: { zhCN: message.zhCN ?? message['zh-CN'] ?? base.message.zhCN, en: message.en ?? base.message.en },
    };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return { ...canonicalError('INVALID_TOKEN', platform), platformCode: code };
  if (code === 'BAD_USER_INPUT') return { ...canonicalError('INVALID_FORMAT', platform), platformCode: code, ...field };
  return canonicalError(code || 'PLATFORM_ERROR', platform);
}

/** A CanonicalError the graph returned as data (`{ ok: false, error }`), as it came: code, remedy, words. */
export function errorFromData(error: {
  code: string;
  remedy: string;
  message: LocalizedText;
  decision?: string | null;
  platform?: string | null;
  field?: string | null;
  retryAfterSeconds?: number | null;
}): PageError {
  const base = canonicalError(error.code, error.platform ?? undefined);
  return {
    code: error.code as CanonicalErrorCode,
    decision: (error.decision as Decision | null | undefined) ?? base.decision,
    remedy: error.remedy as Remedy,
    message: { zhCN: error.message.zhCN, en: error.message.en },
    ...(error.platform ? { platform: error.platform } : {}),
    ...(error.field ? { field: error.field } : {}),
    ...(error.retryAfterSeconds != null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

export function unreachable(): PageError {
  return canonicalError('PLATFORM_UNAVAILABLE');
}
