/**
 * A card holder's search of a card's transactions: the filter as the client sends it, checked
 * field by field (a refused filter is a BAD_USER_INPUT naming the field, and nothing is read),
 * and normalized into what the SQL binds. Every field given must match; omitted ones match all.
 */
import type { AdapterRegistry } from '@cardweave/adapter-sdk';
import { graphqlError } from '@cardweave/service-kit';
import type { LegStatus } from '../db/queries/transaction.queries';

/** Longest merchant text accepted, in characters: longer than any merchant name a network sends. */
export const MAX_MERCHANT_TEXT = 100;

export interface TransactionFilterArgs {
  from?: Date | string | null;
  to?: Date | string | null;
  walletPlatform?: string | null;
  status?: readonly LegStatus[] | null;
  merchantText?: string | null;
  minAmountFen?: bigint | null;
  maxAmountFen?: bigint | null;
}

/** The filter checked: each part null when it matches everything. */
export interface TransactionSearch {
  from: Date | null;
  to: Date | null;
  walletPlatform: string | null;
  statuses: LegStatus[] | null;
  /** The merchant text as typed (trimmed); the SQL matches it as a substring, any case. */
  merchantText: string | null;
  minAmountFen: bigint | null;
  maxAmountFen: bigint | null;
}

export const MATCH_ALL: TransactionSearch = {
  from: null,
  to: null,
  walletPlatform: null,
  statuses: null,
  merchantText: null,
  minAmountFen: null,
  maxAmountFen: null,
};

function badInput(field: string, message: string): never {
  throw graphqlError('BAD_USER_INPUT', `filter.${field}: ${message}`, { field: `filter.${field}` });
}

// The instants a search can name: JavaScript reads years PostgreSQL refuses (before 4713 BC), and no payment is older or newer.
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function instant(field: 'from' | 'to', value: Date | string | null | undefined): Date | null {
  if (value == null) return null;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() < EARLIEST || at.getTime() > LATEST) {
    badInput(field, 'must be an instant of the years 0001 to 9999 (UTC)');
  }
  return at;
}

// NUL is refused by PostgreSQL in text, and no merchant name holds a control character.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** The search a filter asks for, or a field-level BAD_USER_INPUT. */
export function transactionSearch(filter: TransactionFilterArgs | null | undefined, registry: AdapterRegistry): TransactionSearch {
  if (!filter) return MATCH_ALL;
  const from = instant('from', filter.from);
  const to = instant('to', filter.to);
  if (from && to && from.getTime() > to.getTime()) badInput('from', 'must not be after filter.to');

  const walletPlatform = filter.walletPlatform ?? null;
  if (walletPlatform !== null && !registry.byRole('wallet').some((w) => w.manifest.id === walletPlatform)) {
    badInput('walletPlatform', 'not a wallet platform');
  }

  let statuses: LegStatus[] | null = null;
  if (filter.status != null) {
    if (filter.status.length === 0) badInput('status', 'name at least one status, or leave it out for every status');
    statuses = [...new Set(filter.status)];
  }

  // A cleared search box sends "": that searches no merchant text rather than failing.
  const merchantText = filter.merchantText?.trim() || null;
  if (merchantText !== null && [...merchantText].length > MAX_MERCHANT_TEXT) {
    badInput('merchantText', `at most ${MAX_MERCHANT_TEXT} characters`);
  }
  if (merchantText !== null && CONTROL_CHARACTER.test(merchantText)) badInput('merchantText', 'must not hold control characters');

  const minAmountFen = filter.minAmountFen ?? null;
  const maxAmountFen = filter.maxAmountFen ?? null;
  if (minAmountFen !== null && minAmountFen < 0n) badInput('minAmountFen', 'must not be negative');
  if (maxAmountFen !== null && maxAmountFen < 0n) badInput('maxAmountFen', 'must not be negative');
  if (minAmountFen !== null && maxAmountFen !== null && minAmountFen > maxAmountFen) {
    badInput('minAmountFen', 'must not be above filter.maxAmountFen');
  }
  return { from, to, walletPlatform, statuses, merchantText, minAmountFen, maxAmountFen };
}

/** A key equal for equal searches, so requests for the same search share one statement. */
export function searchKey(search: TransactionSearch): string {
  return JSON.stringify([
    search.from?.toISOString() ?? null,
    search.to?.toISOString() ?? null,
    search.walletPlatform,
    search.statuses ? [...search.statuses].sort() : null,
    search.merchantText,
    search.minAmountFen?.toString() ?? null,
    search.maxAmountFen?.toString() ?? null,
  ]);
}

/** `text` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
