/**
 * A decline in a platform's own dialect: the adapter's error-table row for a canonical
 * code, so a limit declined by UnionPay carries UnionPay's code and words.
 */
import {
  toCanonicalError,
  UNKNOWN_PLATFORM_ERROR,
  type CanonicalError,
  type CanonicalErrorCode,
  type LimitRule,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';

/**
 * `preferIso8583`: several rows may share a code (a token-service and a card limit), so the
 * platform's own ISO 8583 code asked for wins, then a row mapped to it.
 * `brokenLimit`: the limit rule that fired. One platform code may answer several windows
 * (UnionPay's 61 for a per-payment and a daily breach) with different remedies, so the row
 * whose `limitWindows` include the rule's window wins over any other, and the decline names
 * the rule and its window.
 */
export function declineFor(
  adapter: PlatformAdapter,
  code: CanonicalErrorCode,
  preferIso8583?: string,
  brokenLimit?: Pick<LimitRule, 'id' | 'window'>,
): CanonicalError {
  const rows = adapter.errors.filter((r) => r.code === code);
  const forWindow = brokenLimit ? rows.filter((r) => r.limitWindows?.includes(brokenLimit.window)) : [];
  const candidates = forWindow.length > 0 ? forWindow : rows;
  const row =
    candidates.find((r) => r.platformCode === preferIso8583) ??
    candidates.find((r) => preferIso8583 && r.iso8583 === preferIso8583) ??
    candidates[0];
  const error = row
    ? toCanonicalError(adapter.manifest.id, row, row.platformCode, row.platformMessage, row.retryAfterSeconds)
    : // No row for this code: keep the canonical code, say so in the platform fields.
      toCanonicalError(adapter.manifest.id, { ...UNKNOWN_PLATFORM_ERROR, code }, code, code);
  return brokenLimit ? { ...error, limitRuleId: brokenLimit.id, limitWindow: brokenLimit.window } : error;
}
