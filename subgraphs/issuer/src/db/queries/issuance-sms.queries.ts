/**
 * The SMS code of an issuance as the issuer counts it (the code itself is the platform's):
 * how many were sent, when the last one was and until when it holds, and how many tries it
 * had. Every change is one conditional statement or runs under the row's lock, so the
 * limits hold across replicas.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { returnedRows } from '@cardweave/subgraph-kit';

export interface SmsCodeRow {
  sends: number;
  lastSentAt: Date;
  expiresAt: Date;
  attempts: number;
}

function toRow(raw: Record<string, unknown>): SmsCodeRow {
  return {
    sends: Number(raw.sends),
    lastSentAt: new Date(raw.last_sent_at as string | Date),
    expiresAt: new Date(raw.expires_at as string | Date),
    attempts: Number(raw.attempts),
  };
}

export async function smsCodeOfIssuance(db: SqlRunner, issuanceId: string, lock = false): Promise<SmsCodeRow | null> {
  const rows = (await db.query(`SELECT * FROM issuer.issuance_sms_codes WHERE issuance_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
    issuanceId,
  ])) as Array<Record<string, unknown>>;
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Counts a send if the limits allow it, in one statement: the first send inserts the row, a
 * later one updates it only while fewer than `maxSends` were sent and the last was at or
 * before `resendBoundary`. A new code starts with no tries. Null when a limit refused it.
 */
export async function countSmsSend(
  m: SqlRunner,
  send: { issuanceId: string; at: Date; expiresAt: Date; resendBoundary: Date; maxSends: number },
): Promise<SmsCodeRow | null> {
  const counted = await m.query(
    `INSERT INTO issuer.issuance_sms_codes AS c (issuance_id, sends, last_sent_at, expires_at, attempts) VALUES ($1, 1, $2, $3, 0)
     ON CONFLICT (issuance_id) DO UPDATE SET sends = c.sends + 1, last_sent_at = EXCLUDED.last_sent_at, expires_at = EXCLUDED.expires_at, attempts = 0
     WHERE c.sends < $4 AND c.last_sent_at <= $5
     RETURNING *`,
    [send.issuanceId, send.at, send.expiresAt, send.maxSends, send.resendBoundary],
  );
  const [row] = returnedRows(counted) as Array<Record<string, unknown>>;
  return row ? toRow(row) : null;
}

/**
 * Gives back a send the platform did not make: it does not count, the next may follow at
 * once, and no code is live (the one before it, if any, is not known to still hold).
 */
export async function uncountSmsSend(m: SqlRunner, issuanceId: string, at: Date): Promise<void> {
  await m.query(
    `UPDATE issuer.issuance_sms_codes SET sends = sends - 1, last_sent_at = '-infinity', expires_at = $2 WHERE issuance_id = $1 AND sends > 0`,
    [issuanceId, at],
  );
}

/** The send a try with this key was counted against, if it was. */
export async function attemptSendNumber(m: SqlRunner, issuanceId: string, key: string): Promise<number | null> {
  const [row] = (await m.query(`SELECT send_number FROM issuer.issuance_sms_attempts WHERE issuance_id = $1 AND idempotency_key = $2`, [
    issuanceId,
    key,
  ])) as Array<{ send_number: number }>;
  return row ? Number(row.send_number) : null;
}

/** Counts a try of the current code under its key. Run with the code's row locked (smsCodeOfIssuance with lock). */
export async function countSmsAttempt(m: SqlRunner, issuanceId: string, key: string, sendNumber: number, at: Date): Promise<void> {
  await m.query(`UPDATE issuer.issuance_sms_codes SET attempts = attempts + 1 WHERE issuance_id = $1`, [issuanceId]);
  await m.query(
    `INSERT INTO issuer.issuance_sms_attempts (issuance_id, idempotency_key, send_number, claimed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (issuance_id, idempotency_key) DO UPDATE SET send_number = EXCLUDED.send_number, claimed_at = EXCLUDED.claimed_at`,
    [issuanceId, key, sendNumber, at],
  );
}

/** Gives back a try the platform did not judge (bad input, busy, unreachable), so it does not count. */
export async function uncountSmsAttempt(m: SqlRunner, issuanceId: string, key: string): Promise<void> {
  const removed = await m.query(
    `DELETE FROM issuer.issuance_sms_attempts WHERE issuance_id = $1 AND idempotency_key = $2 RETURNING send_number`,
    [issuanceId, key],
  );
  const [row] = returnedRows(removed) as Array<{ send_number: number }>;
  if (row) {
    await m.query(`UPDATE issuer.issuance_sms_codes SET attempts = attempts - 1 WHERE issuance_id = $1 AND sends = $2 AND attempts > 0`, [
      issuanceId,
      row.send_number,
    ]);
  }
}

/** A code that passed is used up. */
export async function useUpSmsCode(m: SqlRunner, issuanceId: string, at: Date): Promise<void> {
  await m.query(`UPDATE issuer.issuance_sms_codes SET expires_at = LEAST(expires_at, $2) WHERE issuance_id = $1`, [issuanceId, at]);
}
