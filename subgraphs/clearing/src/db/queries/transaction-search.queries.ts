/**
 * Pages of a search of cards' transactions: one statement for every card of a request that
 * asks for the same search and page. Each card's page is its own branch of a UNION ALL, with
 * the card id as its own parameter and `ORDER BY created_at DESC, id DESC LIMIT n`: PostgreSQL
 * plans each branch with what it knows of that card (a card with a long history is one of its
 * most common values), so it walks one of the card's indexes (transactions_card_idx,
 * transactions_card_wallet_idx, transactions_card_status_idx) in page order and stops after
 * the page, however long the history. (A LATERAL join over the ids would plan every card as
 * an average one and, for a long history, read and sort all its matching rows for each page.)
 */
import { hydrateRows, type Keyset, type SqlRunner } from '@cardweave/subgraph-kit';
import { TransactionEntity } from '../entities/transaction.entity';
import { containsPattern, type TransactionSearch } from '../../transactions/transaction-search';

export interface SearchPageRequest {
  cardIds: string[];
  search: TransactionSearch;
  /** Rows to read per card: the page size plus one, which tells whether another page follows. */
  limit: number;
  after: Keyset | null;
}

export interface SearchRow {
  transaction: TransactionEntity;
  /** created_at as PostgreSQL prints it, to the microsecond: the cursor's sort value. */
  sort: string;
}

/** The statement and its parameters ($1 the limit, then the search's, then one per card). */
export function searchPageSql(request: SearchPageRequest): { sql: string; params: unknown[] } {
  const { search, after } = request;
  const params: unknown[] = [request.limit];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (after) conditions.push(`(x.created_at, x.id) < (${bind(after.sort)}::timestamptz, ${bind(after.id)}::uuid)`);
  if (search.from) conditions.push(`x.created_at >= ${bind(search.from)}::timestamptz`);
  if (search.to) conditions.push(`x.created_at <= ${bind(search.to)}::timestamptz`);
  if (search.walletPlatform) conditions.push(`x.wallet_platform = ${bind(search.walletPlatform)}`);
  // One status as an equality: with `= ANY(…)` PostgreSQL before 17 reads transactions_card_status_idx out of page order.
  if (search.statuses?.length === 1) conditions.push(`x.status = ${bind(search.statuses[0])}`);
  else if (search.statuses) conditions.push(`x.status = ANY(${bind(search.statuses)}::text[])`);
  if (search.merchantText) conditions.push(`x.merchant_name ILIKE ${bind(containsPattern(search.merchantText))} ESCAPE '\\'`);
  if (search.minAmountFen !== null) conditions.push(`x.amount_fen >= ${bind(search.minAmountFen.toString())}::bigint`);
  if (search.maxAmountFen !== null) conditions.push(`x.amount_fen <= ${bind(search.maxAmountFen.toString())}::bigint`);
  const filter = conditions.map((c) => `\n       AND ${c}`).join('');
  const branches = request.cardIds.map(
    (cardId) => `(SELECT x.*, x.created_at::text AS "__sort" FROM clearing.transactions x
     WHERE x.card_id = ${bind(cardId)}::uuid${filter}
     ORDER BY x.created_at DESC, x.id DESC
     LIMIT $1)`,
  );
  // A UNION ALL promises no order of its own: the pages are put in order again, a few rows each.
  return { sql: `SELECT * FROM (\n${branches.join('\nUNION ALL\n')}\n) page ORDER BY card_id, created_at DESC, id DESC`, params };
}

/** Each card's rows, newest first, at most `limit` of them. */
export async function searchTransactionPages(db: SqlRunner, request: SearchPageRequest): Promise<Map<string, SearchRow[]>> {
  const { sql, params } = searchPageSql(request);
  const raw = (await db.query(sql, params)) as Record<string, unknown>[];
  const entities = hydrateRows(db, TransactionEntity, raw);
  const byCard = new Map<string, SearchRow[]>(request.cardIds.map((id) => [id, []]));
  entities.forEach((transaction, i) => byCard.get(transaction.cardId)?.push({ transaction, sort: String(raw[i].__sort) }));
  return byCard;
}
