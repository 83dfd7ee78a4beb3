/**
 * Bill items: postings on a card, unbilled (bill_id NULL) until a statement takes them into
 * the bill of their cycle. Purchases are posted when the issuer approves a payment; penalties
 * and repayments belong to the credit line and are posted on its first card.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows } from '@cardweave/subgraph-kit';
import { BillItemEntity } from '../entities/bill-item.entity';

/** A purchase awaiting the next statement. */
export async function insertUnbilledPurchase(
  m: SqlRunner,
  item: { id: string; cardId: string; amountFen: string; postedAt: Date; transactionId: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id)
     VALUES ($1, NULL, $2, 'PURCHASE', $3, $4, $5)`,
    [item.id, item.cardId, item.amountFen, item.postedAt, item.transactionId],
  );
}

/** Removes the transaction's purchase while no statement has taken it. */
export async function deleteUnbilledPurchase(m: SqlRunner, transactionId: string | null): Promise<void> {
  await m.query(`DELETE FROM issuer.bill_items WHERE transaction_id = $1 AND kind = 'PURCHASE' AND bill_id IS NULL`, [transactionId]);
}

/** A penalty or a repayment of the credit line, awaiting the statement of its cycle, on the line's first card. */
export async function insertLinePosting(
  m: SqlRunner,
  item: { id: string; creditLineId: string; kind: 'PENALTY' | 'REPAYMENT'; amountFen: bigint; postedAt: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id)
     SELECT $1, NULL, c.id, $2, $3, $4, NULL FROM issuer.cards c WHERE c.credit_line_id = $5 ORDER BY c.created_at, c.id LIMIT 1`,
    [item.id, item.kind, item.amountFen.toString(), item.postedAt, item.creditLineId],
  );
}

export type BillItemKind = BillItemEntity['kind'];

/** The line's unbilled postings (on any of its cards) dated before `before`. */
export async function unbilledItemsBefore(
  m: SqlRunner,
  creditLineId: string,
  before: Date,
): Promise<Array<{ id: string; kind: BillItemKind; amountFen: bigint }>> {
  const rows = (await m.query(
    `SELECT bi.id, bi.kind, bi.amount_fen::text AS amount FROM issuer.bill_items bi JOIN issuer.cards c ON c.id = bi.card_id
      WHERE c.credit_line_id = $1 AND bi.bill_id IS NULL AND bi.posted_at < $2`,
    [creditLineId, before],
  )) as Array<{ id: string; kind: BillItemKind; amount: string }>;
  return rows.map((r) => ({ id: r.id, kind: r.kind, amountFen: BigInt(r.amount) }));
}

export interface UnbilledTotalsRow {
  creditLineId: string;
  chargesFen: bigint;
  penaltiesFen: bigint;
  repaymentsFen: bigint;
  items: number;
  /** The balance of the line's latest bill (0 before its first). */
  lastBalanceFen: bigint;
}

/** The unbilled postings of many credit lines summed by kind, with each line's last billed balance: one statement. */
export async function unbilledTotals(db: SqlRunner, creditLineIds: readonly string[]): Promise<UnbilledTotalsRow[]> {
  const rows = (await db.query(
    `SELECT l.id AS line,
            coalesce(sum(bi.amount_fen) FILTER (WHERE bi.kind = 'PURCHASE'), 0)::text AS charges,
            coalesce(sum(bi.amount_fen) FILTER (WHERE bi.kind = 'PENALTY'), 0)::text AS penalties,
            coalesce(sum(bi.amount_fen) FILTER (WHERE bi.kind = 'REPAYMENT'), 0)::text AS repayments,
            count(bi.id)::int AS items,
            coalesce((SELECT b.balance_fen FROM issuer.bills b WHERE b.credit_line_id = l.id ORDER BY b.statement_date DESC, b.id DESC LIMIT 1), 0)::text AS last_balance
       FROM issuer.credit_lines l
       LEFT JOIN issuer.cards c ON c.credit_line_id = l.id
       LEFT JOIN issuer.bill_items bi ON bi.card_id = c.id AND bi.bill_id IS NULL
      WHERE l.id = ANY($1)
      GROUP BY l.id`,
    [creditLineIds],
  )) as Array<{ line: string; charges: string; penalties: string; repayments: string; items: number; last_balance: string }>;
  return rows.map((r) => ({
    creditLineId: r.line,
    chargesFen: BigInt(r.charges),
    penaltiesFen: BigInt(r.penalties),
    repaymentsFen: BigInt(r.repayments),
    items: Number(r.items),
    lastBalanceFen: BigInt(r.last_balance),
  }));
}

/**
 * A keyset page (newest first by posted_at, id) of the unbilled postings of each of many credit
 * lines, cut per line in SQL at `limit` rows: one statement for every line of a request.
 */
export async function unbilledItemPages(
  db: SqlRunner,
  creditLineIds: readonly string[],
  limit: number,
  after: { sort: string; id: string } | null,
): Promise<Array<{ creditLineId: string; sort: string; item: BillItemEntity }>> {
  const params: unknown[] = [creditLineIds, limit];
  if (after) params.push(after.sort, after.id);
  const rows = (await db.query(
    `SELECT * FROM (
       SELECT bi.*, c.credit_line_id AS "__line", bi.posted_at::text AS "__sort",
              ROW_NUMBER() OVER (PARTITION BY c.credit_line_id ORDER BY bi.posted_at DESC, bi.id DESC) AS "__rank"
         FROM issuer.bill_items bi JOIN issuer.cards c ON c.id = bi.card_id
        WHERE c.credit_line_id = ANY($1) AND bi.bill_id IS NULL
              ${after ? 'AND (bi.posted_at, bi.id) < ($3::timestamptz, $4::uuid)' : ''}
     ) ranked
     WHERE "__rank" <= $2
     ORDER BY "__line", "__rank"`,
    params,
  )) as Array<Record<string, unknown>>;
  const items = hydrateRows(db, BillItemEntity, rows);
  return rows.map((r, i) => ({ creditLineId: String(r.__line), sort: String(r.__sort), item: items[i] }));
}

/** Puts the items on the bill, in one statement. */
export async function attachItemsToBill(m: SqlRunner, billId: string, itemIds: string[]): Promise<void> {
  await m.query(`UPDATE issuer.bill_items SET bill_id = $1 WHERE id = ANY($2)`, [billId, itemIds]);
}
