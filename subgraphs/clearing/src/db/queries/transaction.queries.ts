/**
 * The network's leg of each payment (clearing.transactions, unique by payment id). Its
 * status only moves by conditional UPDATEs (`WHERE status = ANY(…)`), so of two outcomes
 * racing for a leg exactly one wins.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { returnedRows } from '@cardweave/subgraph-kit';
import type { TransactionEntity } from '../entities/transaction.entity';

export type LegStatus = TransactionEntity['status'];

export interface LegRow {
  id: string;
  status: LegStatus;
  /** The canonical error as JSON, when declined. */
  decline: string | null;
  /** The limit windows reserved (JSON), once reserved. */
  reservations: string | null;
}

export async function legOfPayment(db: SqlRunner, paymentId: string): Promise<LegRow | null> {
  const rows = (await db.query(`SELECT id, status, decline, reservations FROM clearing.transactions WHERE payment_id = $1`, [
    paymentId,
  ])) as LegRow[];
  return rows[0] ?? null;
}

export interface NewLeg {
  id: string;
  paymentId: string;
  cardId: string;
  walletPlatform: string;
  networkPlatform: string;
  merchantName: string;
  merchantCategory: string;
  amountFen: string;
  status: LegStatus;
  at: Date;
}

/** Inserts the payment's leg unless it has one; true when this call inserted it. */
export async function insertLegOnce(db: SqlRunner, leg: NewLeg): Promise<boolean> {
  const rows = (await db.query(
    `INSERT INTO clearing.transactions
       (id, payment_id, card_id, wallet_platform, network_platform, merchant_name, merchant_category, amount_fen, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (payment_id) DO NOTHING RETURNING id`,
    [
      leg.id,
      leg.paymentId,
      leg.cardId,
      leg.walletPlatform,
      leg.networkPlatform,
      leg.merchantName,
      leg.merchantCategory,
      leg.amountFen,
      leg.status,
      leg.at,
    ],
  )) as unknown[];
  return rows.length === 1;
}

/** `decline` is the canonical error as JSON; `declineCode` its code. */
export async function declineLeg(m: SqlRunner, paymentId: string, declineCode: string, decline: string): Promise<void> {
  await m.query(`UPDATE clearing.transactions SET status = 'DECLINED', decline_code = $2, decline = $3 WHERE payment_id = $1`, [
    paymentId,
    declineCode,
    decline,
  ]);
}

/** `reservations`: the limit windows the amount was counted in, as JSON. */
export async function recordReservations(m: SqlRunner, paymentId: string, reservations: string): Promise<void> {
  await m.query(`UPDATE clearing.transactions SET reservations = $2 WHERE payment_id = $1`, [paymentId, reservations]);
}

/** A leg as its settlement leaves it: what it had reserved, and when (the windows it counted in). */
export interface SettledLeg {
  /** The limit windows reserved (JSON), once reserved. */
  reservations: string | null;
  /** When the leg was claimed and its limits reserved. */
  createdAt: Date;
}

/**
 * Moves the leg from one of `from` to `to` (keeping a decline already recorded unless one is
 * given); what it had reserved, or null when the leg was not in `from` (another outcome won).
 */
export async function settleLeg(
  m: SqlRunner,
  settle: { paymentId: string; to: LegStatus; from: LegStatus[]; declineCode: string | null; decline: string | null; at: Date },
): Promise<SettledLeg | null> {
  const rows = returnedRows<{ reservations: string | null; created_at: Date | string }>(
    await m.query(
      `UPDATE clearing.transactions SET status = $2, decline_code = COALESCE($3, decline_code), decline = COALESCE($4, decline), updated_at = $5
        WHERE payment_id = $1 AND status = ANY($6) RETURNING reservations, created_at`,
      [settle.paymentId, settle.to, settle.declineCode, settle.decline, settle.at, settle.from],
    ),
  );
  return rows[0] ? { reservations: rows[0].reservations, createdAt: new Date(rows[0].created_at) } : null;
}
