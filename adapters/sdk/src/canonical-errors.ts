/**
 * The one error language every client sees, whatever platform produced the failure.
 * Each adapter maps its own dialect onto these codes in its error table. Beside the codes:
 * the canonical table (which decisions and remedies each code allows) and the codes each
 * role's adapter must map, both checked by the conformance kit on every adapter.
 */
import type { AdapterRole, ErrorTableRow, LimitWindow } from './contract';

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
  // The phone cannot pay this way (no NFC, too old, a PC): the wallet offers another way.
  'DEVICE_NOT_SUPPORTED',
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
  'PAY_BY_QR_CODE',
  'USE_ANOTHER_WALLET',
  'LOWER_AMOUNT',
  // No account at this wallet yet: open one (or add the card, which opens it).
  'OPEN_WALLET_ACCOUNT',
] as const;
export type Remedy = (typeof REMEDIES)[number];

export function isCanonicalErrorCode(value: unknown): value is CanonicalErrorCode {
  return typeof value === 'string' && (CANONICAL_ERROR_CODES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------
// The canonical table: what each code implies.

export interface CanonicalCodeRule {
  /** What the code means, in one line. */
  meaning: string;
  /**
   * Transient: the platform is busy, unavailable or timed out, and the same request may
   * succeed later. A transient row's decision is always RETRY.
   */
  transient?: true;
  /** The decisions a row with this code may carry. */
  decisions: readonly Decision[];
  /** The remedies a row with this code may carry. */
  remedies: readonly Remedy[];
  /** The code reports a breached limit; its rows may name the windows they report (`limitWindows`). */
  limit?: 'WINDOWS_REQUIRED' | 'WINDOWS_ALLOWED';
}

const USER: readonly Decision[] = ['USER_ACTION'];
const FINAL: readonly Decision[] = ['DO_NOT_RETRY'];
const USER_OR_FINAL: readonly Decision[] = ['USER_ACTION', 'DO_NOT_RETRY'];

/** One declared table: every canonical code, the decisions and the remedies it allows. */
export const CANONICAL_ERROR_RULES: { readonly [C in CanonicalErrorCode]: CanonicalCodeRule } = {
  VERIFICATION_FAILED: {
    meaning: 'a verification step (face, SMS code, CVV2, password) did not pass',
    decisions: USER,
    remedies: ['CORRECT_INPUT', 'REVERIFY_IDENTITY', 'CONTACT_SUPPORT'],
  },
  SYSTEM_BUSY: { meaning: 'the platform is busy', transient: true, decisions: ['RETRY'], remedies: ['RETRY_LATER'] },
  MERCHANT_RESTRICTED: {
    meaning: 'the merchant or the account is restricted',
    decisions: USER_OR_FINAL,
    remedies: ['CHANGE_PAYMENT_SCENE', 'CONTACT_SUPPORT'],
  },
  INVALID_FORMAT: { meaning: 'input or message format error', decisions: USER_OR_FINAL, remedies: ['CORRECT_INPUT', 'CONTACT_SUPPORT'] },
  CARD_LOCKED: { meaning: 'the card is locked', decisions: USER, remedies: ['UNLOCK_CARD', 'CONTACT_SUPPORT', 'USE_ANOTHER_CARD'] },
  INVALID_CARD_NUMBER: {
    meaning: 'no such card, or a malformed card number',
    decisions: USER_OR_FINAL,
    remedies: ['CORRECT_INPUT', 'USE_ANOTHER_CARD'],
  },
  INSUFFICIENT_CREDIT: {
    meaning: 'not enough credit available on the credit line',
    decisions: USER,
    remedies: ['REPAY_AT_ISSUER', 'LOWER_AMOUNT', 'USE_ANOTHER_CARD'],
  },
  LIMIT_EXCEEDED: {
    meaning: 'a payment limit (per payment or per window) is used up',
    decisions: USER,
    remedies: ['WAIT_FOR_NEXT_WINDOW', 'LOWER_AMOUNT', 'USE_ANOTHER_CARD', 'USE_ANOTHER_WALLET', 'CHANGE_PAYMENT_SCENE'],
    limit: 'WINDOWS_REQUIRED',
  },
  FREQUENCY_LIMITED: {
    meaning: 'too many attempts in a period',
    decisions: ['RETRY', 'USER_ACTION'],
    remedies: ['RETRY_LATER', 'WAIT_FOR_NEXT_WINDOW'],
    limit: 'WINDOWS_ALLOWED',
  },
  ACCOUNT_FROZEN: {
    meaning: 'the account is frozen (risk control, manual review)',
    decisions: USER_OR_FINAL,
    remedies: ['CONTACT_SUPPORT'],
  },
  CARD_NOT_ACTIVE: {
    meaning: 'the card is not (yet) active',
    decisions: USER_OR_FINAL,
    remedies: ['REVERIFY_IDENTITY', 'CONTACT_SUPPORT', 'USE_ANOTHER_CARD'],
  },
  CARD_EXPIRED: { meaning: 'the card has expired', decisions: USER_OR_FINAL, remedies: ['USE_ANOTHER_CARD', 'CONTACT_SUPPORT'] },
  OVERDUE_DEBT: { meaning: 'a bill is overdue', decisions: USER, remedies: ['REPAY_OVERDUE_BILL', 'REPAY_AT_ISSUER'] },
  NOT_ELIGIBLE: {
    meaning: 'the person does not meet the platform rules (real-name level, age)',
    decisions: USER_OR_FINAL,
    remedies: ['RAISE_REAL_NAME_LEVEL', 'REVERIFY_IDENTITY', 'CONTACT_SUPPORT', 'NONE'],
  },
  BINDING_NOT_ACTIVE: {
    meaning: 'the card binding in the wallet is not active, or there is no account at the wallet yet',
    decisions: USER_OR_FINAL,
    remedies: ['CONTACT_SUPPORT', 'REVERIFY_IDENTITY', 'OPEN_WALLET_ACCOUNT'],
  },
  REPAYMENT_NOT_SUPPORTED: { meaning: 'this platform takes no repayments', decisions: USER, remedies: ['REPAY_AT_ISSUER'] },
  DUPLICATE_REQUEST: {
    meaning: 'the same request was already made',
    decisions: ['DO_NOT_RETRY', 'RETRY'],
    remedies: ['QUERY_STATUS', 'NONE', 'RETRY_LATER'],
  },
  IDEMPOTENCY_KEY_REUSED: {
    meaning: 'an idempotency key was reused with other input',
    decisions: FINAL,
    remedies: ['CORRECT_INPUT', 'NONE'],
  },
  SUSPECTED_FRAUD: {
    meaning: 'risk control refused the transaction',
    decisions: USER_OR_FINAL,
    remedies: ['CONTACT_SUPPORT', 'REVERIFY_IDENTITY'],
  },
  PIN_TRIES_EXCEEDED: {
    meaning: 'too many wrong PINs or passwords',
    decisions: USER_OR_FINAL,
    remedies: ['UNLOCK_CARD', 'CONTACT_SUPPORT', 'WAIT_FOR_NEXT_WINDOW'],
  },
  PLATFORM_UNAVAILABLE: {
    meaning: 'the platform, or the issuer behind it, is unavailable or timed out',
    transient: true,
    decisions: ['RETRY'],
    remedies: ['RETRY_LATER'],
  },
  PLATFORM_ERROR: { meaning: 'an error the table does not know', decisions: FINAL, remedies: ['CONTACT_SUPPORT'] },
  HOLDER_INFO_MISMATCH: {
    meaning: 'name, ID number or mobile does not match the card holder',
    decisions: USER,
    remedies: ['CORRECT_INPUT', 'REVERIFY_IDENTITY', 'CONTACT_SUPPORT'],
  },
  CARD_LOST: { meaning: 'the card is reported lost or stolen', decisions: FINAL, remedies: ['USE_ANOTHER_CARD', 'CONTACT_SUPPORT'] },
  CARD_RESTRICTED: { meaning: 'the card may not be used', decisions: USER_OR_FINAL, remedies: ['CONTACT_SUPPORT', 'USE_ANOTHER_CARD'] },
  INSUFFICIENT_FUNDS: {
    meaning: 'not enough balance or credit',
    decisions: USER,
    remedies: ['USE_ANOTHER_CARD', 'LOWER_AMOUNT', 'REPAY_AT_ISSUER'],
  },
  INCORRECT_PIN: { meaning: 'a wrong PIN or payment password', decisions: USER, remedies: ['CORRECT_INPUT'] },
  INVALID_AMOUNT: { meaning: 'the amount is not acceptable', decisions: USER_OR_FINAL, remedies: ['CORRECT_INPUT', 'LOWER_AMOUNT'] },
  INVALID_MERCHANT: {
    meaning: 'the merchant cannot take this payment',
    decisions: USER_OR_FINAL,
    remedies: ['CHANGE_PAYMENT_SCENE', 'CONTACT_SUPPORT'],
  },
  INVALID_TOKEN: { meaning: 'the card token is not valid', decisions: USER, remedies: ['REVERIFY_IDENTITY', 'CONTACT_SUPPORT'] },
  ISSUER_DECLINED: { meaning: 'the issuing bank declined', decisions: USER_OR_FINAL, remedies: ['CONTACT_SUPPORT', 'USE_ANOTHER_CARD'] },
  ORDER_CLOSED: { meaning: 'the order is closed', decisions: FINAL, remedies: ['NONE'] },
  TRANSACTION_IN_PROGRESS: {
    meaning: 'not finished yet: confirm in the app or query again',
    decisions: ['RETRY'],
    remedies: ['QUERY_STATUS', 'CONFIRM_IN_APP', 'RETRY_LATER'],
  },
  TRANSACTION_NOT_PERMITTED: {
    meaning: 'this transaction is not allowed',
    decisions: USER_OR_FINAL,
    remedies: ['CONTACT_SUPPORT', 'CHANGE_PAYMENT_SCENE', 'USE_ANOTHER_CARD'],
  },
  DAILY_QUOTA_REACHED: { meaning: 'no attempts left today', decisions: USER, remedies: ['WAIT_FOR_NEXT_WINDOW'], limit: 'WINDOWS_ALLOWED' },
  CONFIGURATION_ERROR: { meaning: 'our side is misconfigured', decisions: FINAL, remedies: ['CONTACT_SUPPORT'] },
  DEVICE_NOT_SUPPORTED: {
    meaning: 'this device cannot pay this way (no NFC, too old, a PC)',
    decisions: USER,
    remedies: ['PAY_BY_QR_CODE', 'USE_ANOTHER_WALLET', 'CHANGE_PAYMENT_SCENE'],
  },
};

/**
 * Platform wording that says "busy / unavailable / timed out / try later": a row whose
 * platform message reads like this is transient, whatever code it maps to.
 */
export const TRANSIENT_WORDING =
  /繁忙|暂不可用|暂时不可用|暂停服务|暂时无法|超时|稍后再试|稍后重试|\bbusy\b|temporarily|unavailable|timed? ?out|try again later/i;

const rowLabel = (row: ErrorTableRow) => `${row.platformCode} "${row.platformMessage}" (${row.code})`;

/** Every way a row disagrees with the canonical table; each problem names the row. */
export function errorRowProblems(row: ErrorTableRow): string[] {
  const rule = CANONICAL_ERROR_RULES[row.code];
  if (!rule) return [`${rowLabel(row)}: "${row.code}" is not a canonical code`];
  const problems: string[] = [];
  const label = rowLabel(row);
  if (rule.transient && row.decision !== 'RETRY') {
    problems.push(`${label}: ${row.code} is transient (${rule.meaning}), so its decision must be RETRY, not ${row.decision}`);
  } else if (!rule.decisions.includes(row.decision)) {
    problems.push(`${label}: decision ${row.decision} does not fit ${row.code} (${rule.meaning}); allowed: ${rule.decisions.join(', ')}`);
  }
  if (
    !rule.transient &&
    row.decision !== 'RETRY' &&
    (row.outcome ?? 'DECLINED') === 'DECLINED' &&
    TRANSIENT_WORDING.test(row.platformMessage)
  ) {
    problems.push(
      `${label}: the platform's message says the failure is transient (busy, unavailable, timed out or "try later"), so map it to SYSTEM_BUSY or PLATFORM_UNAVAILABLE with decision RETRY, not ${row.decision}`,
    );
  }
  if (!rule.remedies.includes(row.remedy)) {
    problems.push(`${label}: remedy ${row.remedy} does not fit ${row.code} (${rule.meaning}); allowed: ${rule.remedies.join(', ')}`);
  }
  if ((row.outcome === 'PENDING' || row.outcome === 'INDETERMINATE') && row.decision !== 'RETRY') {
    problems.push(`${label}: outcome ${row.outcome} is not final, so its decision must be RETRY, not ${row.decision}`);
  }
  const windows = row.limitWindows;
  if (windows !== undefined && !rule.limit)
    problems.push(
      `${label}: limitWindows belongs on a limit code (LIMIT_EXCEEDED, FREQUENCY_LIMITED, DAILY_QUOTA_REACHED), not ${row.code}`,
    );
  if (rule.limit === 'WINDOWS_REQUIRED' && (!windows || windows.length === 0)) {
    problems.push(`${label}: a ${row.code} row must name the limit windows whose breach it reports (limitWindows: PER_PAYMENT, DAILY, …)`);
  }
  if (row.remedy === 'WAIT_FOR_NEXT_WINDOW') {
    for (const never of ['PER_PAYMENT', 'ALL_TIME'] as LimitWindow[]) {
      if (windows?.includes(never)) {
        problems.push(
          `${label}: reports a ${never} limit but its remedy is WAIT_FOR_NEXT_WINDOW; a ${never === 'PER_PAYMENT' ? 'per-payment' : 'lifetime'} limit never resets with a window (use LOWER_AMOUNT or another remedy)`,
        );
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// The rows each role must map.

export interface RequiredErrorCode {
  code: CanonicalErrorCode;
  /** Why the role needs it: who asks the adapter for this code, or what the platform must be able to say. */
  why: string;
}

/**
 * The canonical codes an adapter of each role must map in its error table. The subgraphs
 * ask an adapter for its row of these codes (declineFor, platform eligibility) to decline in
 * the platform's own words; a missing row leaves the user with "The payment platform
 * returned an unknown error; contact support".
 */
export const REQUIRED_ERROR_CODES: { readonly [R in AdapterRole]: readonly RequiredErrorCode[] } = {
  issuer: [
    { code: 'SYSTEM_BUSY', why: 'the platform is busy: the client must be told to retry' },
    { code: 'VERIFICATION_FAILED', why: 'the issuance verification steps (verifyStep) fail with it' },
    { code: 'INSUFFICIENT_CREDIT', why: 'the issuer subgraph declines a payment beyond the credit available' },
    { code: 'OVERDUE_DEBT', why: 'the issuer subgraph blocks an overdue credit line; eligibility reports it' },
    { code: 'ACCOUNT_FROZEN', why: 'the issuer subgraph blocks a frozen customer; eligibility reports it' },
    { code: 'CARD_LOCKED', why: 'the issuer subgraph declines a payment on a locked card' },
    { code: 'CARD_NOT_ACTIVE', why: 'the issuer subgraph declines a card that is not active, and issuance before verification' },
    { code: 'CARD_EXPIRED', why: 'the issuer subgraph declines a payment on an expired card' },
    { code: 'NOT_ELIGIBLE', why: 'eligibility reports real-name level and age with it' },
    { code: 'TRANSACTION_NOT_PERMITTED', why: "the issuer subgraph declines a payment on a card that is not the customer's" },
    { code: 'INVALID_AMOUNT', why: 'the issuer subgraph refuses a repayment above what is owed' },
  ],
  wallet: [
    { code: 'SYSTEM_BUSY', why: 'the platform is busy: the client must be told to retry' },
    { code: 'INVALID_FORMAT', why: 'the wallet subgraph refuses malformed binding input with it' },
    { code: 'INVALID_CARD_NUMBER', why: 'the wallet subgraph refuses a card the issuer does not know' },
    {
      code: 'HOLDER_INFO_MISMATCH',
      why: 'the wallet subgraph refuses a binding whose name, ID number or card does not match the card holder',
    },
    { code: 'LIMIT_EXCEEDED', why: "the wallet subgraph declines a payment over the wallet's limits" },
    { code: 'MERCHANT_RESTRICTED', why: 'the wallet subgraph refuses a restricted wallet account' },
    {
      code: 'BINDING_NOT_ACTIVE',
      why: 'the wallet subgraph refuses a payment through a suspended binding; eligibility reports an inactive wallet with it',
    },
    { code: 'TRANSACTION_NOT_PERMITTED', why: 'the wallet subgraph refuses a binding when the wallet offers none' },
    { code: 'DUPLICATE_REQUEST', why: 'the wallet subgraph refuses a request whose key is still being processed' },
    { code: 'IDEMPOTENCY_KEY_REUSED', why: 'the wallet subgraph refuses a key reused with other input' },
    { code: 'DEVICE_NOT_SUPPORTED', why: 'a phone the wallet cannot pay with (no NFC, too old, a PC) needs another way to pay' },
    { code: 'CARD_LOCKED', why: 'the wallet subgraph refuses to bind a card the issuer has locked (卡片锁定)' },
    { code: 'CARD_NOT_ACTIVE', why: 'the wallet subgraph refuses to bind a card the issuer has frozen or closed' },
  ],
  clearing: [
    { code: 'SYSTEM_BUSY', why: 'the network is busy: the client must be told to retry' },
    { code: 'PLATFORM_UNAVAILABLE', why: 'the network or the issuer behind it cannot be reached: retry later' },
    { code: 'LIMIT_EXCEEDED', why: "the clearing subgraph declines a payment over the network's limits" },
    { code: 'INVALID_CARD_NUMBER', why: 'the network routes by card number and refuses unknown ones (无效卡号)' },
    { code: 'CARD_LOCKED', why: 'the network reports a locked card (卡片锁定)' },
    { code: 'VERIFICATION_FAILED', why: 'the network checks CVV2 and SMS codes' },
    { code: 'TRANSACTION_IN_PROGRESS', why: 'a status query may answer "still processing"' },
  ],
};

/** The required codes a table lacks for a role, each with why it is required. */
export function missingRequiredErrorCodes(role: AdapterRole, rows: readonly ErrorTableRow[]): RequiredErrorCode[] {
  const mapped = new Set(rows.map((r) => r.code));
  return (REQUIRED_ERROR_CODES[role] ?? []).filter((r) => !mapped.has(r.code));
}
