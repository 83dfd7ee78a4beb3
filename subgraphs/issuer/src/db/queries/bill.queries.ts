/**
 * Bills and their penalty postings. A bill is unique by (credit line, cycle start) and a
 * posting by (bill, accrual day), so the statement job's inserts are idempotent.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { hydrateRows, returnedRows } from '@cardweave/subgraph-kit';
import { BillEntity } from '../entities/bill.entity';

export async function billsOfCreditLine(db: SqlRunner, creditLineId: string): Promise<BillEntity[]> {
  const rows = (await db.query(`SELECT * FROM issuer.bills WHERE credit_line_id = $1`, [creditLineId])) as Record<string, unknown>[];
  return hydrateRows(db, BillEntity, rows);
}

export interface OwedBillRow {
  id: string;
  totalDueFen: bigint;
  paidFen: bigint;
  penaltyAccruedFen: bigint;
  penaltyPaidFen: bigint;
}

/** The line's bills with something still owed, oldest first, FOR UPDATE (a repayment pays them). */
export async function lockOwedBills(m: SqlRunner, creditLineId: string): Promise<OwedBillRow[]> {
  const rows = (await m.query(
    `SELECT id, total_due_fen::text AS total, paid_fen::text AS paid, penalty_accrued_fen::text AS penalty, penalty_paid_fen::text AS penalty_paid
       FROM issuer.bills WHERE credit_line_id = $1 AND paid_fen < total_due_fen + penalty_accrued_fen
      ORDER BY statement_date, id FOR UPDATE`,
    [creditLineId],
  )) as Array<{ id: string; total: string; paid: string; penalty: string; penalty_paid: string }>;
  return rows.map((b) => ({
    id: b.id,
    totalDueFen: BigInt(b.total),
    paidFen: BigInt(b.paid),
    penaltyAccruedFen: BigInt(b.penalty),
    penaltyPaidFen: BigInt(b.penalty_paid),
  }));
}

/**
 * Adds a repayment's share to the bill: `paidFen` in all, of which `penaltyFen` went to penalty.
 * Repaid on or before the due date (`today`, the program's business day), it also counts
 * toward the minimum that keeps the bill from becoming overdue.
 */
export async function addPaymentToBill(m: SqlRunner, billId: string, paidFen: bigint, penaltyFen: bigint, today: string): Promise<void> {
  await m.query(
    `UPDATE issuer.bills SET paid_fen = paid_fen + $2, penalty_paid_fen = penalty_paid_fen + $3,
            paid_by_due_fen = paid_by_due_fen + CASE WHEN due_date >= $4::date THEN $2::bigint ELSE 0 END
      WHERE id = $1`,
    [billId, paidFen.toString(), penaltyFen.toString(), today],
  );
}

/** The line's latest statement date (YYYY-MM-DD), or null before its first bill. */
export async function lastStatementDate(m: SqlRunner, creditLineId: string): Promise<string | null> {
  const [{ last }] = (await m.query(`SELECT max(statement_date)::text AS last FROM issuer.bills WHERE credit_line_id = $1`, [
    creditLineId,
  ])) as Array<{ last: string | null }>;
  return last;
}

export interface NewBill {
  id: string;
  creditLineId: string;
  cycleStart: string;
  cycleEnd: string;
  statementDate: string;
  dueDate: string;
  /** The cycle's purchases: the bill's principal. */
  totalDueFen: bigint;
  minimumDueFen: bigint;
  /** Penalties and repayments posted in the cycle. */
  penaltiesFen: bigint;
  repaymentsFen: bigint;
  /** What the line owed at the close. */
  balanceFen: bigint;
}

/** Inserts the cycle's bill unless the line has it already; the new bill's id, or null. */
export async function insertBillOnce(m: SqlRunner, bill: NewBill): Promise<string | null> {
  const inserted = (await m.query(
    `INSERT INTO issuer.bills (id, credit_line_id, cycle_start, cycle_end, statement_date, due_date, total_due_fen, minimum_due_fen, paid_fen, penalty_accrued_fen,
                               penalties_fen, repayments_fen, balance_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 0, $9, $10, $11) ON CONFLICT (credit_line_id, cycle_start) DO NOTHING RETURNING id`,
    [
      bill.id,
      bill.creditLineId,
      bill.cycleStart,
      bill.cycleEnd,
      bill.statementDate,
      bill.dueDate,
      bill.totalDueFen.toString(),
      bill.minimumDueFen.toString(),
      bill.penaltiesFen.toString(),
      bill.repaymentsFen.toString(),
      bill.balanceFen.toString(),
    ],
  )) as Array<{ id: string }>;
  return inserted[0]?.id ?? null;
}

/** The balance of the line's latest bill, 0 before its first. */
export async function lastBalance(m: SqlRunner, creditLineId: string): Promise<bigint> {
  const rows = (await m.query(
    `SELECT balance_fen::text AS balance FROM issuer.bills WHERE credit_line_id = $1 ORDER BY statement_date DESC, id DESC LIMIT 1`,
    [creditLineId],
  )) as Array<{ balance: string }>;
  return rows.length ? BigInt(rows[0].balance) : 0n;
}

export interface PenaltyCandidate {
  id: string;
  dueDate: string;
  totalDueFen: bigint;
  minimumDueFen: bigint;
  /** The last day a penalty was posted for, or null. */
  lastPosted: string | null;
}

/**
 * The line's overdue bills that may have penalty days to post before `today`, by due date: past
 * due with less than the minimum repaid by the due date, and either still owing principal or
 * settled only after the day following the last one posted had ended (`timeZone` is the
 * program's). A bill settled before then has nothing more to post and is left out.
 */
export async function overdueBillsToCharge(
  m: SqlRunner,
  creditLineId: string,
  today: string,
  timeZone: string,
): Promise<PenaltyCandidate[]> {
  const rows = (await m.query(
    `SELECT id, due_date::text AS due_date, total, minimum, last_posted::text AS last_posted FROM (
       SELECT b.id, b.due_date, b.total_due_fen::text AS total, b.minimum_due_fen::text AS minimum,
              b.paid_fen - b.penalty_paid_fen < b.total_due_fen AS owes_principal,
              (SELECT max(p.accrual_date) FROM issuer.penalty_postings p WHERE p.bill_id = b.id) AS last_posted,
              (SELECT max(a.allocated_at) FROM issuer.repayment_allocations a WHERE a.bill_id = b.id AND a.principal_fen > 0) AS settled_at
         FROM issuer.bills b
        WHERE b.credit_line_id = $1 AND b.due_date < $2 AND b.paid_by_due_fen < b.minimum_due_fen
     ) c
      WHERE owes_principal OR settled_at >= ((coalesce(last_posted, due_date) + 2)::timestamp AT TIME ZONE $3)
      ORDER BY due_date, id`,
    [creditLineId, today, timeZone],
  )) as Array<{ id: string; due_date: string; total: string; minimum: string; last_posted: string | null }>;
  return rows.map((b) => ({
    id: b.id,
    dueDate: b.due_date,
    totalDueFen: BigInt(b.total),
    minimumDueFen: BigInt(b.minimum),
    lastPosted: b.last_posted,
  }));
}

/** Posts one day's penalty unless that day is posted already; true when this call posted it. */
export async function insertPenaltyPostingOnce(
  m: SqlRunner,
  posting: { billId: string; accrualDate: string; principalFen: bigint; amountFen: bigint; postedAt: Date },
): Promise<boolean> {
  const inserted = (await m.query(
    `INSERT INTO issuer.penalty_postings (bill_id, accrual_date, principal_fen, amount_fen, posted_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (bill_id, accrual_date) DO NOTHING RETURNING bill_id`,
    [posting.billId, posting.accrualDate, posting.principalFen.toString(), posting.amountFen.toString(), posting.postedAt],
  )) as unknown[];
  return inserted.length > 0;
}

export async function addPenaltyToBill(m: SqlRunner, billId: string, penaltyFen: bigint): Promise<void> {
  await m.query(`UPDATE issuer.bills SET penalty_accrued_fen = penalty_accrued_fen + $2 WHERE id = $1`, [billId, penaltyFen.toString()]);
}

export interface NewlyOverdueBill {
  id: string;
  dueDate: string;
  minimumDueFen: bigint;
  /** What the bill still owed when found overdue: principal and penalty, less what was repaid. */
  outstandingFen: bigint;
}

/**
 * Marks the line's bills found overdue before `today` (past due with less than the minimum repaid
 * by then, still owing) that were not marked before, and returns them: each bill once, whichever
 * run or replica finds it first (the caller holds the line's lock).
 */
export async function markNewlyOverdueBills(m: SqlRunner, creditLineId: string, today: string, at: Date): Promise<NewlyOverdueBill[]> {
  const rows = returnedRows<{ id: string; due_date: string; minimum: string; outstanding: string }>(
    await m.query(
      `UPDATE issuer.bills SET overdue_recorded_at = $3
        WHERE credit_line_id = $1 AND due_date < $2 AND paid_by_due_fen < minimum_due_fen
          AND paid_fen < total_due_fen + penalty_accrued_fen AND overdue_recorded_at IS NULL
        RETURNING id, due_date::text AS due_date, minimum_due_fen::text AS minimum,
                  (total_due_fen + penalty_accrued_fen - paid_fen)::text AS outstanding`,
      [creditLineId, today, at],
    ),
  );
  return rows
    .map((b) => ({ id: b.id, dueDate: b.due_date, minimumDueFen: BigInt(b.minimum), outstandingFen: BigInt(b.outstanding) }))
    .sort((a, b) => (a.dueDate === b.dueDate ? a.id.localeCompare(b.id) : a.dueDate.localeCompare(b.dueDate)));
}
