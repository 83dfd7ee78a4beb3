/**
 * The statement job: closes each finished cycle of each credit line into a bill and posts
 * the overdue penalty of every day that has begun. It reads only the issuer's own tables:
 * a bill is the unbilled postings (bill_items without a bill) dated before its statement day.
 *
 * Idempotent by construction, so it can run as often as anyone likes (and on several
 * replicas at once): one transaction per credit line, which locks the line first; a bill
 * is unique by (credit line, cycle start); a penalty posting by (bill, accrual day).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdapterRegistry, IssuerTerms } from '@cardweave/adapter-sdk';
import { programDateOf, startOfProgramDay } from '../domain/calendar-dates';
import { penaltyPostingsDue, type Allocation } from '../domain/penalty-accrual';
import { cyclesClosingBetween, minimumDueOf } from '../domain/statement-cycle';

export interface StatementRunModel {
  asOf: Date;
  /** The business day the run closed up to (Asia/Shanghai). */
  businessDate: string;
  creditLines: number;
  billsCreated: number;
  penaltyPostings: number;
  penaltyFen: bigint;
}

interface LineRow {
  id: string;
  issuer_platform: string;
  created_at: Date;
}

function termsOf(registry: AdapterRegistry, platform: string): IssuerTerms {
  const terms = registry.has(platform) ? registry.get(platform).issuerTerms : undefined;
  if (!terms) throw new Error(`no issuer terms for "${platform}": its adapter is not loaded`);
  return terms;
}

async function closeCycles(m: EntityManager, line: LineRow, terms: IssuerTerms, today: string): Promise<number> {
  const [{ last }] = (await m.query(`SELECT max(statement_date)::text AS last FROM issuer.bills WHERE credit_line_id = $1`, [
    line.id,
  ])) as Array<{
    last: string | null;
  }>;
  const opened = programDateOf(new Date(line.created_at));
  let created = 0;
  for (const cycle of cyclesClosingBetween(last ?? opened, today, terms)) {
    const items = (await m.query(
      `SELECT bi.id, bi.amount_fen::text AS amount FROM issuer.bill_items bi JOIN issuer.cards c ON c.id = bi.card_id
        WHERE c.credit_line_id = $1 AND bi.bill_id IS NULL AND bi.posted_at < $2`,
      [line.id, startOfProgramDay(cycle.statementDate)],
    )) as Array<{ id: string; amount: string }>;
    if (items.length === 0) continue;
    const total = items.reduce((sum, i) => sum + BigInt(i.amount), 0n);
    const inserted = (await m.query(
      `INSERT INTO issuer.bills (id, credit_line_id, cycle_start, cycle_end, statement_date, due_date, total_due_fen, minimum_due_fen, paid_fen, penalty_accrued_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 0) ON CONFLICT (credit_line_id, cycle_start) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        line.id,
        cycle.cycleStart,
        cycle.cycleEnd,
        cycle.statementDate,
        cycle.dueDate,
        total.toString(),
        minimumDueOf(total, terms).toString(),
      ],
    )) as Array<{ id: string }>;
    if (inserted.length === 0) continue;
    await m.query(`UPDATE issuer.bill_items SET bill_id = $1 WHERE id = ANY($2)`, [inserted[0].id, items.map((i) => i.id)]);
    created += 1;
  }
  return created;
}

async function postPenalties(m: EntityManager, line: LineRow, terms: IssuerTerms, today: string, asOf: Date) {
  const bills = (await m.query(
    `SELECT b.id, b.due_date::text AS due_date, b.total_due_fen::text AS total, b.minimum_due_fen::text AS minimum,
            (SELECT max(p.accrual_date)::text FROM issuer.penalty_postings p WHERE p.bill_id = b.id) AS last_posted
       FROM issuer.bills b
      WHERE b.credit_line_id = $1 AND b.due_date < $2 AND b.paid_fen < b.minimum_due_fen
      ORDER BY b.due_date, b.id`,
    [line.id, today],
  )) as Array<{ id: string; due_date: string; total: string; minimum: string; last_posted: string | null }>;
  let postings = 0;
  let fen = 0n;
  for (const b of bills) {
    const allocations = (
      (await m.query(
        `SELECT penalty_fen::text AS penalty, principal_fen::text AS principal, allocated_at FROM issuer.repayment_allocations WHERE bill_id = $1`,
        [b.id],
      )) as Array<{ penalty: string; principal: string; allocated_at: Date }>
    ).map((a): Allocation => ({ penaltyFen: BigInt(a.penalty), principalFen: BigInt(a.principal), allocatedAt: new Date(a.allocated_at) }));
    const due = penaltyPostingsDue(
      { dueDate: b.due_date, totalDueFen: BigInt(b.total), minimumDueFen: BigInt(b.minimum) },
      allocations,
      b.last_posted,
      today,
      terms,
    );
    let billFen = 0n;
    for (const p of due) {
      const inserted = (await m.query(
        `INSERT INTO issuer.penalty_postings (bill_id, accrual_date, principal_fen, amount_fen, posted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (bill_id, accrual_date) DO NOTHING RETURNING bill_id`,
        [b.id, p.accrualDate, p.principalFen.toString(), p.amountFen.toString(), asOf],
      )) as unknown[];
      if (inserted.length === 0) continue;
      postings += 1;
      billFen += p.amountFen;
    }
    if (billFen > 0n) {
      await m.query(`UPDATE issuer.bills SET penalty_accrued_fen = penalty_accrued_fen + $2 WHERE id = $1`, [b.id, billFen.toString()]);
    }
    fen += billFen;
  }
  return { postings, fen };
}

/** Runs the job for one instant (the injected clock's, or an operator's `asOf`). */
export async function runStatementJob(dataSource: DataSource, registry: AdapterRegistry, asOf: Date): Promise<StatementRunModel> {
  const today = programDateOf(asOf);
  const lines = (await dataSource.query(`SELECT id, issuer_platform, created_at FROM issuer.credit_lines ORDER BY id`)) as LineRow[];
  const result: StatementRunModel = {
    asOf,
    businessDate: today,
    creditLines: lines.length,
    billsCreated: 0,
    penaltyPostings: 0,
    penaltyFen: 0n,
  };
  for (const line of lines) {
    const terms = termsOf(registry, line.issuer_platform);
    await dataSource.transaction(async (m) => {
      // Serializes with repayments and authorizations on the same line, and with other runs.
      await m.query(`SELECT id FROM issuer.credit_lines WHERE id = $1 FOR UPDATE`, [line.id]);
      result.billsCreated += await closeCycles(m, line, terms, today);
      const penalties = await postPenalties(m, line, terms, today, asOf);
      result.penaltyPostings += penalties.postings;
      result.penaltyFen += penalties.fen;
    });
  }
  return result;
}
