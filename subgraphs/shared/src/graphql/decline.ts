/**
 * A decline in a platform's own dialect: the adapter's error-table row for a canonical
 * code, so a limit declined by UnionPay carries UnionPay's code and words.
 */
import {
  toCanonicalError,
  UNKNOWN_PLATFORM_ERROR,
  type CanonicalError,
  type CanonicalErrorCode,
  type PlatformAdapter,
} from '@cardweave/adapter-sdk';

export function declineFor(adapter: PlatformAdapter, code: CanonicalErrorCode, preferIso8583?: string): CanonicalError {
  const rows = adapter.errors.filter((r) => r.code === code);
  // Several rows may share a code (a token-service and a card limit): prefer the platform's
  // own ISO 8583 code asked for, then a row mapped to it.
  const row =
    rows.find((r) => r.platformCode === preferIso8583) ?? rows.find((r) => preferIso8583 && r.iso8583 === preferIso8583) ?? rows[0];
  if (row) return toCanonicalError(adapter.manifest.id, row, row.platformCode, row.platformMessage, row.retryAfterSeconds);
  // No row for this code: keep the canonical code, say so in the platform fields.
  return toCanonicalError(adapter.manifest.id, { ...UNKNOWN_PLATFORM_ERROR, code }, code, code);
}
