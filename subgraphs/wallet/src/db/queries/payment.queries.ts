/**
 * The wallet's leg of each payment. Its status only moves by conditional UPDATEs
 * (`WHERE status = ANY(…)`), so of two outcomes racing for a leg exactly one wins.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows, returnedRows } from '@cardweave/subgraph-kit';
import { PaymentEntity, type PaymentStatus } from '../entities/payment.entity';

export async function paymentById(db: SqlRunner, id: string): Promise<PaymentEntity | null> {
  const rows = (await db.query(`SELECT * FROM wallet.payments WHERE id = $1`, [id])) as Record<string, unknown>[];
  return hydrateRows(db, PaymentEntity, rows)[0] ?? null;
}

export async function insertPayment(m: SqlRunner, p: PaymentEntity): Promise<void> {
  await m.query(
    `INSERT INTO wallet.payments (id, customer_id, binding_id, card_id, wallet_account_id, platform, amount_fen, merchant_name,
       merchant_category, status, decline, reservations, transaction_id, idempotency_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      p.id,
      p.customerId,
      p.bindingId,
      p.cardId,
      p.walletAccountId,
      p.platform,
      p.amountFen.toString(),
      p.merchantName,
      p.merchantCategory,
      p.status,
      p.decline,
      p.reservations,
      p.transactionId,
      p.idempotencyKey,
      p.createdAt,
      p.updatedAt,
    ],
  );
}

/** A RESERVED (or already REVERSING) leg becomes REVERSING. */
export async function markReversing(db: SqlRunner, id: string, at: Date): Promise<void> {
  await db.query(`UPDATE wallet.payments SET status = 'REVERSING', updated_at = $2 WHERE id = $1 AND status IN ('RESERVED', 'REVERSING')`, [
    id,
    at,
  ]);
}

/**
 * Moves the leg from one of `from` to `to`; the reservations it held (JSON), or null when
 * the leg was not in `from` (another outcome won).
 */
export async function settlePayment(
  m: SqlRunner,
  settle: { id: string; to: PaymentStatus; from: PaymentStatus[]; decline: string | null; transactionId: string | null; at: Date },
): Promise<string | null> {
  const rows = returnedRows<{ reservations: string }>(
    await m.query(
      `UPDATE wallet.payments SET status = $2, decline = $3, transaction_id = COALESCE($4, transaction_id), updated_at = $5
        WHERE id = $1 AND status = ANY($6) RETURNING reservations`,
      [settle.id, settle.to, settle.decline, settle.transactionId, settle.at, settle.from],
    ),
  );
  return rows[0]?.reservations ?? null;
}

/** Legs still RESERVED or REVERSING, untouched since `cutoff`: the oldest `limit` of them. */
export async function unfinishedPayments(db: SqlRunner, cutoff: Date, limit: number): Promise<PaymentEntity[]> {
  const rows = (await db.query(
    `SELECT * FROM wallet.payments WHERE status IN ('RESERVED', 'REVERSING') AND updated_at <= $1 ORDER BY updated_at LIMIT $2`,
    [cutoff, limit],
  )) as Record<string, unknown>[];
  return hydrateRows(db, PaymentEntity, rows);
}
