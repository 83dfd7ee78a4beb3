/** Card reveals: the audit rows, the hourly count under the card's lock, and the one-time redemption. */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { returnedRows } from '@cardweave/subgraph-kit';

export interface CardRevealRow {
  id: string;
  cardId: string;
  customerId: string;
  actorSubject: string;
  startedRequestId: string;
  startedAt: Date;
  expiresAt: Date;
  revealedRequestId: string | null;
  revealedAt: Date | null;
}

const COLUMNS = `id, card_id AS "cardId", customer_id AS "customerId", actor_subject AS "actorSubject",
  started_request_id AS "startedRequestId", started_at AS "startedAt", expires_at AS "expiresAt",
  revealed_request_id AS "revealedRequestId", revealed_at AS "revealedAt"`;

/**
 * Locks the card's row until the transaction ends, so replicas counting the same card's reveals
 * take turns: the count and the insert after it cannot interleave with another request's.
 */
export async function lockCardForReveal(m: SqlRunner, cardId: string): Promise<boolean> {
  const rows = (await m.query(`SELECT id FROM issuer.cards WHERE id = $1 FOR UPDATE`, [cardId])) as unknown[];
  return rows.length > 0;
}

/** Reveals started for the card since `since`, and the oldest of them (when the window frees one). */
export async function revealsSince(m: SqlRunner, cardId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const [row] = (await m.query(
    `SELECT count(*)::int AS count, min(started_at) AS oldest FROM issuer.card_reveals WHERE card_id = $1 AND started_at > $2`,
    [cardId, since],
  )) as Array<{ count: number; oldest: Date | string | null }>;
  return { count: row.count, oldest: row.oldest === null ? null : new Date(row.oldest) };
}

export interface NewCardReveal {
  id: string;
  cardId: string;
  customerId: string;
  actorSubject: string;
  tokenHash: string;
  startedRequestId: string;
  startedAt: Date;
  expiresAt: Date;
}

export async function insertCardReveal(m: SqlRunner, r: NewCardReveal): Promise<void> {
  await m.query(
    `INSERT INTO issuer.card_reveals (id, card_id, customer_id, actor_subject, token_hash, started_request_id, started_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.id, r.cardId, r.customerId, r.actorSubject, r.tokenHash, r.startedRequestId, r.startedAt, r.expiresAt],
  );
}

/**
 * Marks the reveal shown, once: only a token of this card and customer, not shown yet and not
 * expired at `at`, matches; a second use, or two at once, finds no row.
 */
export async function redeemCardReveal(
  m: SqlRunner,
  args: { tokenHash: string; cardId: string; customerId: string; requestId: string; at: Date },
): Promise<CardRevealRow | null> {
  const result = await m.query(
    `UPDATE issuer.card_reveals SET revealed_at = $5, revealed_request_id = $4
     WHERE token_hash = $1 AND card_id = $2 AND customer_id = $3 AND revealed_at IS NULL AND expires_at > $5
     RETURNING ${COLUMNS}`,
    [args.tokenHash, args.cardId, args.customerId, args.requestId, args.at],
  );
  return returnedRows<CardRevealRow>(result)[0] ?? null;
}

/** The audit of a card's reveals, newest first. */
export async function cardRevealsOf(db: SqlRunner, cardId: string): Promise<CardRevealRow[]> {
  return (await db.query(`SELECT ${COLUMNS} FROM issuer.card_reveals WHERE card_id = $1 ORDER BY started_at DESC`, [
    cardId,
  ])) as CardRevealRow[];
}
