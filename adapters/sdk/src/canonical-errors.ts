/**
 * The one error language every client sees, whatever platform produced the failure.
 * Each adapter maps its own dialect onto these codes in its error table.
 */
export const CANONICAL_ERROR_CODES = [
  'VERIFICATION_FAILED',
  'SYSTEM_BUSY',
  'MERCHANT_RESTRICTED',
  'INVALID_FORMAT',
  'CARD_LOCKED',
  'INVALID_CARD_NUMBER',
  'INSUFFICIENT_CREDIT',
  'LIMIT_EXCEEDED',
  'FREQUENCY_LIMITED',
  'ACCOUNT_FROZEN',
  'CARD_NOT_ACTIVE',
  'CARD_EXPIRED',
  'OVERDUE_DEBT',
  'NOT_ELIGIBLE',
  'BINDING_NOT_ACTIVE',
  'REPAYMENT_NOT_SUPPORTED',
  'DUPLICATE_REQUEST',
  'IDEMPOTENCY_KEY_REUSED',
  'SUSPECTED_FRAUD',
  'PIN_TRIES_EXCEEDED',
  'PLATFORM_UNAVAILABLE',
  'PLATFORM_ERROR',
  // Added with the full SDK: distinctions the seed platforms' dialects draw and a client can act on.
  'HOLDER_INFO_MISMATCH',
  'CARD_LOST',
  'CARD_RESTRICTED',
  'INSUFFICIENT_FUNDS',
  'INCORRECT_PIN',
  'INVALID_AMOUNT',
  'INVALID_MERCHANT',
  'INVALID_TOKEN',
  'ISSUER_DECLINED',
  'ORDER_CLOSED',
  'TRANSACTION_IN_PROGRESS',
  'TRANSACTION_NOT_PERMITTED',
  'DAILY_QUOTA_REACHED',
  'CONFIGURATION_ERROR',
] as const;
export type CanonicalErrorCode = (typeof CANONICAL_ERROR_CODES)[number];

export const DECISIONS = ['RETRY', 'USER_ACTION', 'DO_NOT_RETRY'] as const;
export type Decision = (typeof DECISIONS)[number];

export const REMEDIES = [
  'NONE',
  'RETRY_LATER',
  'CHANGE_PAYMENT_SCENE',
  'CONTACT_SUPPORT',
  'REPAY_OVERDUE_BILL',
  'UNLOCK_CARD',
  'REVERIFY_IDENTITY',
  'RAISE_REAL_NAME_LEVEL',
  'USE_ANOTHER_CARD',
  'REPAY_AT_ISSUER',
  'CORRECT_INPUT',
  'WAIT_FOR_NEXT_WINDOW',
  'QUERY_STATUS',
  'CONFIRM_IN_APP',
] as const;
export type Remedy = (typeof REMEDIES)[number];

export function isCanonicalErrorCode(value: unknown): value is CanonicalErrorCode {
  return typeof value === 'string' && (CANONICAL_ERROR_CODES as readonly string[]).includes(value);
}
