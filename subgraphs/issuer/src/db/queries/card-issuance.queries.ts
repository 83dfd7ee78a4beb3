/** Card issuances: a credit line's way to a virtual card, step by verification step. */
import type { SqlRunner } from '@cardweave/subgraph-kit';

export interface CardIssuanceRow {
  id: string;
  customerId: string;
  creditLineId: string;
  issuerPlatform: string;
  status: 'VERIFYING' | 'VERIFIED' | 'ISSUED';
  passedSteps: string[];
  failedAttempts: number;
  cardId: string | null;
}

function toRow(raw: Record<string, unknown>): CardIssuanceRow {
  return {
    id: String(raw.id),
    customerId: String(raw.customer_id),
    creditLineId: String(raw.credit_line_id),
    issuerPlatform: String(raw.issuer_platform),
    status: raw.status as CardIssuanceRow['status'],
    passedSteps: (raw.passed_steps as string[]) ?? [],
    failedAttempts: Number(raw.failed_attempts),
    cardId: (raw.card_id as string | null) ?? null,
  };
}

/** The issuance; with `lock`, FOR UPDATE (a step or the issue changes it). */
export async function issuanceById(db: SqlRunner, id: string, lock = false): Promise<CardIssuanceRow | null> {
  const rows = (await db.query(`SELECT * FROM issuer.card_issuances WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as Array<
    Record<string, unknown>
  >;
  return rows[0] ? toRow(rows[0]) : null;
}

/** A new issuance, VERIFYING with no step passed. */
export async function insertIssuance(
  m: SqlRunner,
  issuance: { id: string; customerId: string; creditLineId: string; issuerPlatform: string; at: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO issuer.card_issuances (id, customer_id, credit_line_id, issuer_platform, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'VERIFYING', $5, $5)`,
    [issuance.id, issuance.customerId, issuance.creditLineId, issuance.issuerPlatform, issuance.at],
  );
}

export async function recordPassedSteps(
  m: SqlRunner,
  id: string,
  passedSteps: string[],
  status: 'VERIFYING' | 'VERIFIED',
  at: Date,
): Promise<void> {
  await m.query(`UPDATE issuer.card_issuances SET passed_steps = $2, status = $3, updated_at = $4 WHERE id = $1`, [
    id,
    passedSteps,
    status,
    at,
  ]);
}

export async function countFailedAttempt(m: SqlRunner, id: string, at: Date): Promise<void> {
  await m.query(`UPDATE issuer.card_issuances SET failed_attempts = failed_attempts + 1, updated_at = $2 WHERE id = $1`, [id, at]);
}

export async function markIssued(m: SqlRunner, id: string, cardId: string, at: Date): Promise<void> {
  await m.query(`UPDATE issuer.card_issuances SET status = 'ISSUED', card_id = $2, updated_at = $3 WHERE id = $1`, [id, cardId, at]);
}
