/**
 * The normalized error every decline carries, and the lookup that turns a platform's
 * own code and message into it through the adapter's error table (data, not code).
 */
import type { CanonicalErrorCode, Decision, Remedy } from './canonical-errors';
import type { ErrorTableRow, LimitWindow, LocalizedText } from './contract';
import type { OperationName } from './operations';

export interface CanonicalError {
  code: CanonicalErrorCode;
  /** Adapter id that produced it. */
  platform: string;
  /** The platform's raw code and text, kept for support staff even when unmapped. */
  platformCode: string;
  platformMessage: string;
  decision: Decision;
  retryAfterSeconds?: number;
  remedy: Remedy;
  message: LocalizedText;
  iso8583?: string;
  /** For a broken limit: the rule that fired (its id and window), so the client sees which one and why the remedy fits. */
  limitRuleId?: string;
  limitWindow?: LimitWindow;
}

/** The catch-all for a code no table row knows: never dropped, always with its raw code. */
export const UNKNOWN_PLATFORM_ERROR: Omit<ErrorTableRow, 'platformCode' | 'platformMessage'> = {
  code: 'PLATFORM_ERROR',
  decision: 'DO_NOT_RETRY',
  remedy: 'CONTACT_SUPPORT',
  message: {
    'zh-CN': '支付平台返回了未知错误，请联系客服',
    en: 'The payment platform returned an unknown error; contact support',
  },
};

/**
 * Finds the row for a platform reply, keyed like a hyperswitch GSM table by (flow, code,
 * message). Order: rows naming this flow before rows for any flow; within each, the same
 * code and message, then the same code; last (for platforms that only show UI text) the
 * same message. One code may so carry several meanings told apart by the message, e.g.
 * UnionPay's 61 for a per-payment and for a daily breach.
 */
export function findErrorRow(
  table: readonly ErrorTableRow[],
  flow: OperationName,
  platformCode: string,
  platformMessage?: string,
): ErrorTableRow | undefined {
  const appliesTo = (row: ErrorTableRow) => !row.flows || row.flows.includes(flow);
  const applicable = table.filter(appliesTo);
  for (const tier of [applicable.filter((r) => !!r.flows), applicable.filter((r) => !r.flows)]) {
    const found =
      (platformMessage !== undefined
        ? tier.find((row) => row.platformCode === platformCode && row.platformMessage === platformMessage)
        : undefined) ?? tier.find((row) => row.platformCode === platformCode);
    if (found) return found;
  }
  return platformMessage
    ? [...applicable].sort((a, b) => Number(!!b.flows) - Number(!!a.flows)).find((row) => row.platformMessage === platformMessage)
    : undefined;
}

export function toCanonicalError(
  platform: string,
  row: Omit<ErrorTableRow, 'platformCode' | 'platformMessage'>,
  platformCode: string,
  platformMessage: string,
  retryAfterSeconds?: number,
): CanonicalError {
  const error: CanonicalError = {
    code: row.code,
    platform,
    platformCode,
    platformMessage,
    decision: row.decision,
    remedy: row.remedy,
    message: row.message,
  };
  const wait = retryAfterSeconds ?? row.retryAfterSeconds;
  if (row.decision === 'RETRY' && wait !== undefined) error.retryAfterSeconds = wait;
  if (row.iso8583) error.iso8583 = row.iso8583;
  return error;
}

/** Maps a platform reply through the table; unknown codes become PLATFORM_ERROR with the raw code kept. */
export function mapPlatformError(
  platform: string,
  table: readonly ErrorTableRow[],
  flow: OperationName,
  platformCode: string,
  platformMessage: string,
  retryAfterSeconds?: number,
): { row: ErrorTableRow | undefined; error: CanonicalError } {
  const row = findErrorRow(table, flow, platformCode, platformMessage);
  return { row, error: toCanonicalError(platform, row ?? UNKNOWN_PLATFORM_ERROR, platformCode, platformMessage, retryAfterSeconds) };
}
