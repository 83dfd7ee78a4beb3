/**
 * The statement job: closes each finished cycle of each credit line into a bill and posts
 * the overdue penalty of every overdue day that has ended (never of the day still running). It reads only the issuer's own tables:
 * a bill is the unbilled postings (bill_items without a bill) dated before its statement day.
 *
 * Idempotent by construction, so it can run as often as anyone likes (and on several
 * replicas at once): one transaction per credit line, which locks the line first; a bill
 * is unique by (credit line, cycle start); a penalty posting by (bill, accrual day).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdapterRegistry, IssuerTerms } from '@cardweave/adapter-sdk';
import { PROGRAM_TIMEZONE } from '@cardweave/service-kit';
import {
  addPenaltyToBill,
  insertBillOnce,
  insertPenaltyPostingOnce,
  lastStatementDate,
  overdueBillsToCharge,
} from '../db/queries/bill.queries';
import { attachItemsToBill, unbilledItemsBefore } from '../db/queries/bill-item.queries';
import { allCreditLines, lockCreditLine, type CreditLineRef } from '../db/queries/credit-line.queries';
import { allocationsOfBill } from '../db/queries/repayment.queries';
import { programDateOf, startOfProgramDay } from '../domain/calendar-dates';
import { penaltyPostingsDue } from '../domain/penalty-accrual';
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

function termsOf(registry: AdapterRegistry, platform: string): IssuerTerms {
  const terms = registry.has(platform) ? registry.get(platform).issuerTerms : undefined;
  if (!terms) throw new Error(`no issuer terms for "${platform}": its adapter is not loaded`);
  return terms;
}

async function closeCycles(m: EntityManager, line: CreditLineRef, terms: IssuerTerms, today: string): Promise<number> {
  const last = await lastStatementDate(m, line.id);
  const opened = programDateOf(new Date(line.createdAt));
  let created = 0;
  for (const cycle of cyclesClosingBetween(last ?? opened, today, terms)) {
    const items = await unbilledItemsBefore(m, line.id, startOfProgramDay(cycle.statementDate));
    if (items.length === 0) continue;
    const total = items.reduce((sum, i) => sum + i.amountFen, 0n);
    const billId = await insertBillOnce(m, {
      id: randomUUID(),
      creditLineId: line.id,
      cycleStart: cycle.cycleStart,
      cycleEnd: cycle.cycleEnd,
      statementDate: cycle.statementDate,
      dueDate: cycle.dueDate,
      totalDueFen: total,
      minimumDueFen: minimumDueOf(total, terms),
    });
    if (!billId) continue;
    await attachItemsToBill(
      m,
      billId,
      items.map((i) => i.id),
    );
    created += 1;
  }
  return created;
}

async function postPenalties(m: EntityManager, line: CreditLineRef, terms: IssuerTerms, today: string, asOf: Date) {
  const bills = await overdueBillsToCharge(m, line.id, today, PROGRAM_TIMEZONE);
  let postings = 0;
  let fen = 0n;
  for (const b of bills) {
    const allocations = await allocationsOfBill(m, b.id);
    const due = penaltyPostingsDue(
      { dueDate: b.dueDate, totalDueFen: b.totalDueFen, minimumDueFen: b.minimumDueFen },
      allocations,
      b.lastPosted,
      today,
      terms,
    );
    let billFen = 0n;
    for (const p of due) {
      const posted = await insertPenaltyPostingOnce(m, {
        billId: b.id,
        accrualDate: p.accrualDate,
        principalFen: p.principalFen,
        amountFen: p.amountFen,
        postedAt: asOf,
      });
      if (!posted) continue;
      postings += 1;
      billFen += p.amountFen;
    }
    if (billFen > 0n) {
      await addPenaltyToBill(m, b.id, billFen);
    }
    fen += billFen;
  }
  return { postings, fen };
}

/** Runs the job for one instant (the injected clock's, or an operator's `asOf`). */
export async function runStatementJob(dataSource: DataSource, registry: AdapterRegistry, asOf: Date): Promise<StatementRunModel> {
  const today = programDateOf(asOf);
  const lines = await allCreditLines(dataSource);
  const result: StatementRunModel = {
    asOf,
    businessDate: today,
    creditLines: lines.length,
    billsCreated: 0,
    penaltyPostings: 0,
    penaltyFen: 0n,
  };
  for (const line of lines) {
    const terms = termsOf(registry, line.issuerPlatform);
    await dataSource.transaction(async (m) => {
      // Serializes with repayments and authorizations on the same line, and with other runs.
      await lockCreditLine(m, line.id);
      result.billsCreated += await closeCycles(m, line, terms, today);
      const penalties = await postPenalties(m, line, terms, today, asOf);
      result.penaltyPostings += penalties.postings;
      result.penaltyFen += penalties.fen;
    });
  }
  return result;
}
