/**
 * Credit lines: the credit a payment takes and a repayment or reversal gives back. A line's
 * row lock (FOR UPDATE) is what serializes repayments, the statement job and reversals on it.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows, returnedRows } from '@cardweave/subgraph-kit';
import { CreditLineEntity } from '../entities/credit-line.entity';

export interface CreditLineRef {
  id: string;
  customerId: string;
  issuerPlatform: string;
  createdAt: Date;
}

/** The customer's line (a customer has at most one), unlocked. */
export async function creditLineOfCustomer(m: SqlRunner, customerId: string): Promise<{ id: string; issuerPlatform: string } | null> {
  const [line] = (await m.query(`SELECT id, issuer_platform FROM issuer.credit_lines WHERE customer_id = $1`, [customerId])) as Array<{
    id: string;
    issuer_platform: string;
  }>;
  return line ? { id: line.id, issuerPlatform: line.issuer_platform } : null;
}

/** The customer's line, FOR UPDATE; its id, or null without a line. */
export async function lockCreditLineOfCustomer(m: SqlRunner, customerId: string): Promise<string | null> {
  const [line] = (await m.query(`SELECT id FROM issuer.credit_lines WHERE customer_id = $1 FOR UPDATE`, [customerId])) as Array<{
    id: string;
  }>;
  return line?.id ?? null;
}

/** Locks the line (FOR UPDATE) for the rest of the transaction. */
export async function lockCreditLine(m: SqlRunner, id: string): Promise<void> {
  await m.query(`SELECT id FROM issuer.credit_lines WHERE id = $1 FOR UPDATE`, [id]);
}

/** Every line, in id order (the statement job's work list). */
export async function allCreditLines(db: SqlRunner): Promise<CreditLineRef[]> {
  const rows = (await db.query(`SELECT id, customer_id, issuer_platform, created_at FROM issuer.credit_lines ORDER BY id`)) as Array<{
    id: string;
    customer_id: string;
    issuer_platform: string;
    created_at: Date;
  }>;
  return rows.map((r) => ({ id: r.id, customerId: r.customer_id, issuerPlatform: r.issuer_platform, createdAt: r.created_at }));
}

/**
 * Takes `amountFen` of the line's credit if it still fits, in one conditional UPDATE (which
 * takes the row lock and re-checks on the latest committed value). False when it does not fit.
 */
export async function takeCredit(m: SqlRunner, creditLineId: string, amountFen: string): Promise<boolean> {
  const taken = await m.query(
    `UPDATE issuer.credit_lines SET used_fen = used_fen + $2 WHERE id = $1 AND used_fen + $2 <= limit_fen RETURNING used_fen`,
    [creditLineId, amountFen],
  );
  return returnedRows(taken).length > 0;
}

/** Gives `amountFen` of credit back to the line. */
export async function restoreCredit(m: SqlRunner, creditLineId: string, amountFen: string): Promise<void> {
  await m.query(`UPDATE issuer.credit_lines SET used_fen = used_fen - $2 WHERE id = $1`, [creditLineId, amountFen]);
}

/** Gives `amountFen` of credit back to the line of the card. */
export async function restoreCreditOfCard(m: SqlRunner, cardId: string, amountFen: string): Promise<void> {
  await m.query(
    `UPDATE issuer.credit_lines SET used_fen = used_fen - $2
      WHERE id = (SELECT credit_line_id FROM issuer.cards WHERE id = $1)`,
    [cardId, amountFen],
  );
}

/**
 * Grants the customer's line, nothing used yet. The customer's one line: the unique
 * customer_id makes a second one conflict, and then nothing is inserted (false).
 */
export async function insertCreditLine(
  m: SqlRunner,
  line: { id: string; customerId: string; issuerPlatform: string; limitFen: bigint; at: Date },
): Promise<boolean> {
  const inserted = await m.query(
    `INSERT INTO issuer.credit_lines (id, customer_id, issuer_platform, limit_fen, used_fen, created_at) VALUES ($1, $2, $3, $4, 0, $5)
     ON CONFLICT (customer_id) DO NOTHING RETURNING id`,
    [line.id, line.customerId, line.issuerPlatform, line.limitFen.toString(), line.at],
  );
  return returnedRows(inserted).length > 0;
}

/** The customer's line as an entity, read from the database (not a request's loader cache). */
export async function creditLineEntityOfCustomer(db: SqlRunner, customerId: string): Promise<CreditLineEntity | null> {
  const rows = (await db.query(`SELECT * FROM issuer.credit_lines WHERE customer_id = $1`, [customerId])) as Array<Record<string, unknown>>;
  return hydrateRows(db, CreditLineEntity, rows)[0] ?? null;
}
