/** Bill items: postings on a card, unbilled (bill_id NULL) until a statement takes them. */
import type { SqlRunner } from '@cardweave/subgraph-kit';

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

/** The line's unbilled postings (on any of its cards) dated before `before`. */
export async function unbilledItemsBefore(
  m: SqlRunner,
  creditLineId: string,
  before: Date,
): Promise<Array<{ id: string; amountFen: bigint }>> {
  const rows = (await m.query(
    `SELECT bi.id, bi.amount_fen::text AS amount FROM issuer.bill_items bi JOIN issuer.cards c ON c.id = bi.card_id
      WHERE c.credit_line_id = $1 AND bi.bill_id IS NULL AND bi.posted_at < $2`,
    [creditLineId, before],
  )) as Array<{ id: string; amount: string }>;
  return rows.map((r) => ({ id: r.id, amountFen: BigInt(r.amount) }));
}

/** Puts the items on the bill, in one statement. */
export async function attachItemsToBill(m: SqlRunner, billId: string, itemIds: string[]): Promise<void> {
  await m.query(`UPDATE issuer.bill_items SET bill_id = $1 WHERE id = ANY($2)`, [billId, itemIds]);
}
