import { graphqlError } from '@cardweave/service-kit';
/**
 * Cursor pagination over a keyset (sort value, id): a page costs the same whatever
 * the offset, and cursors stay valid while rows are added.
 */

export const MAX_PAGE_SIZE = 100;

export interface Keyset {
  /** The sort value of the row, as text (ISO instant or date). */
  sort: string;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.sort, key.id]), 'utf8').toString('base64url');
}

/** What orders a connection's pages: a row's instant (timestamptz or date as PostgreSQL prints it), or its id. */
export type CursorSort = 'instant' | 'id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// YYYY-MM-DD, optionally a time to the microsecond and an offset: PostgreSQL's ISO output, or JSON's.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/** Whether `text` is an instant PostgreSQL reads without error: a real calendar day, a real time, an offset it accepts. */
function isInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false;
  return m[8] === undefined || (Number(m[8]) <= 15 && Number(m[9] ?? 0) <= 59);
}

/**
 * The keyset a cursor stands for. A cursor is opaque to clients but not secret, so its parts are
 * checked to be what this API puts there (an instant or an id, and an id) before they are bound
 * into SQL: anything else is a cursor this API did not issue, refused as bad input of `argument`.
 */
export function decodeCursor(cursor: string | null | undefined, sort: CursorSort = 'instant', argument = 'after'): Keyset | null {
  if (cursor == null) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      const [key, id] = parsed as [string, string];
      if ((sort === 'id' ? UUID.test(key) : isInstant(key)) && UUID.test(id)) return { sort: key, id };
    }
  } catch {
    // fall through to the error below
  }
  throw graphqlError('BAD_USER_INPUT', `${argument}: not a cursor this API issued`, { field: argument });
}

/** The smallest page: a page of none would say there is more with no cursor to go on, and a loop over pages would never end. */
export const MIN_PAGE_SIZE = 1;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
    throw graphqlError('BAD_USER_INPUT', `first: must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}; got ${size}`, { field: 'first' });
  }
  return size;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a connection from up to `size + 1` rows fetched in page order. */
export function toConnection<T>(rows: T[], size: number, keyOf: (row: T) => Keyset): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
