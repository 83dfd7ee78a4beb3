/** The issuer's leg of each payment (issuer.authorizations), keyed by the wallet's payment id. */
import type { SqlRunner } from '@cardweave/subgraph-kit';

export interface AuthorizationRow {
  status: 'APPROVED' | 'REFUSED' | 'REVERSED';
  decline: string | null;
  amount_fen: string;
  card_id: string;
  transaction_id: string | null;
  /** The holder's limit usage the leg reserved (JSON), when it was approved. */
  reservations?: string | null;
}

export async function authorizationOf(db: SqlRunner, paymentId: string): Promise<AuthorizationRow | null> {
  const [row] = (await db.query(`SELECT * FROM issuer.authorizations WHERE payment_id = $1`, [paymentId])) as AuthorizationRow[];
  return row ?? null;
}

/** The leg, FOR UPDATE (a reversal changes it). */
export async function lockAuthorization(m: SqlRunner, paymentId: string): Promise<AuthorizationRow> {
  const [row] = (await m.query(
    `SELECT status, amount_fen, card_id, transaction_id, reservations FROM issuer.authorizations WHERE payment_id = $1 FOR UPDATE`,
    [paymentId],
  )) as AuthorizationRow[];
  return row;
}

/**
 * Records the payment's leg with `status` unless one exists; true when this call created it.
 * A concurrent claim of the same payment waits on the primary key, then finds it taken.
 */
export async function claimAuthorization(
  m: SqlRunner,
  leg: { paymentId: string; cardId: string; transactionId: string | null; amountFen: string; status: 'APPROVED' | 'REVERSED'; at: Date },
): Promise<boolean> {
  const rows = (await m.query(
    `INSERT INTO issuer.authorizations (payment_id, card_id, transaction_id, amount_fen, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id`,
    [leg.paymentId, leg.cardId, leg.transactionId, leg.amountFen, leg.status, leg.at],
  )) as unknown[];
  return rows.length === 1;
}

/** `decline` is the canonical error as JSON. */
export async function markRefused(m: SqlRunner, paymentId: string, decline: string): Promise<void> {
  await m.query(`UPDATE issuer.authorizations SET status = 'REFUSED', decline = $2 WHERE payment_id = $1`, [paymentId, decline]);
}

export async function markReversed(m: SqlRunner, paymentId: string, at: Date): Promise<void> {
  await m.query(`UPDATE issuer.authorizations SET status = 'REVERSED', updated_at = $2 WHERE payment_id = $1`, [paymentId, at]);
}

/** The limit usage the leg reserved for the holder's limits (JSON), given back if the leg is reversed. */
export async function recordReservations(m: SqlRunner, paymentId: string, reservations: string): Promise<void> {
  await m.query(`UPDATE issuer.authorizations SET reservations = $2 WHERE payment_id = $1`, [paymentId, reservations]);
}

/**
 * A savepoint in the authorization's transaction: a decline after the holder's limits were
 * (partly) reserved rolls back to it, so the refusal is recorded and nothing stays reserved.
 */
export async function savepoint(m: SqlRunner, name: string): Promise<void> {
  await m.query(`SAVEPOINT ${name}`);
}

export async function rollbackToSavepoint(m: SqlRunner, name: string): Promise<void> {
  await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
}
