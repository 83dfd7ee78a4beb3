/**
 * The statement job: closes each finished cycle of each credit line into a bill and posts
 * the overdue penalty of every overdue day that has ended (never of the day still running).
 * It reads only the issuer's own tables: a bill is the unbilled postings (bill_items without a
 * bill: purchases, penalties, repayments) dated before its statement day. A penalty is posted
 * as an item dated the end of its day, so the penalties of a cycle's days are posted before
 * the cycle closes, even on a late run, and land in that cycle's bill.
 *
 * Idempotent by construction, so it can run as often as anyone likes (and on several
 * replicas at once): one transaction per credit line, which locks the line first; a bill
 * is unique by (credit line, cycle start); a penalty posting by (bill, accrual day); a bill
 * is marked overdue once. Each of these changes writes its event (statement.issued,
 * penalty.posted, bill.overdue) in that transaction, and only when this run made it, so a
 * repeated run writes none.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdapterRegistry, IssuerTerms } from '@cardweave/adapter-sdk';
import { PROGRAM_TIMEZONE } from '@cardweave/service-kit';
import type { EventOutbox } from '@cardweave/subgraph-kit';
import {
  addPenaltyToBill,
  insertBillOnce,
  insertPenaltyPostingOnce,
  lastBalance,
  lastStatementDate,
  markNewlyOverdueBills,
  overdueBillsToCharge,
} from '../db/queries/bill.queries';
import { attachItemsToBill, insertLinePosting, unbilledItemsBefore, type BillItemKind } from '../db/queries/bill-item.queries';
import { allCreditLines, lockCreditLine, type CreditLineRef } from '../db/queries/credit-line.queries';
import { allocationsOfBill } from '../db/queries/repayment.queries';
import { endOfProgramDay, programDateOf, startOfProgramDay } from '../domain/calendar-dates';
import { penaltyPostingsDue } from '../domain/penalty-accrual';
import { cyclesClosingBetween, minimumDueOf, type StatementCycle } from '../domain/statement-cycle';
import { issuerEventOutbox, recordBillOverdue, recordPenaltyPosted, recordStatementIssued } from '../events/issuer-events';

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

const sumOf = (items: Array<{ kind: BillItemKind; amountFen: bigint }>, kind: BillItemKind) =>
  items.filter((i) => i.kind === kind).reduce((sum, i) => sum + i.amountFen, 0n);

/** Closes one finished cycle into its bill, with everything posted in it; true when this run created the bill. */
async function closeCycle(
  m: EntityManager,
  events: EventOutbox,
  line: CreditLineRef,
  terms: IssuerTerms,
  cycle: StatementCycle,
): Promise<boolean> {
  const items = await unbilledItemsBefore(m, line.id, startOfProgramDay(cycle.statementDate));
  if (items.length === 0) return false;
  const charges = sumOf(items, 'PURCHASE');
  const penalties = sumOf(items, 'PENALTY');
  const repayments = sumOf(items, 'REPAYMENT');
  const bill = {
    id: randomUUID(),
    creditLineId: line.id,
    cycleStart: cycle.cycleStart,
    cycleEnd: cycle.cycleEnd,
    statementDate: cycle.statementDate,
    dueDate: cycle.dueDate,
    totalDueFen: charges,
    minimumDueFen: minimumDueOf(charges, terms),
    penaltiesFen: penalties,
    repaymentsFen: repayments,
    balanceFen: (await lastBalance(m, line.id)) + charges + penalties - repayments,
  };
  const billId = await insertBillOnce(m, bill);
  if (!billId) return false;
  await recordStatementIssued(events, m, line, bill);
  await attachItemsToBill(
    m,
    billId,
    items.map((i) => i.id),
  );
  return true;
}

/**
 * Posts the penalty of every overdue day that ended before `before` (a date), each day once, each as an item of its day's cycle;
 * bills found overdue before then are first marked so (each once), so that a bill's bill.overdue precedes its penalty.posted.
 */
async function postPenalties(m: EntityManager, events: EventOutbox, line: CreditLineRef, terms: IssuerTerms, before: string, asOf: Date) {
  for (const overdue of await markNewlyOverdueBills(m, line.id, before, asOf)) await recordBillOverdue(events, m, line, overdue);
  const bills = await overdueBillsToCharge(m, line.id, before, PROGRAM_TIMEZONE);
  let postings = 0;
  let fen = 0n;
  for (const b of bills) {
    const allocations = await allocationsOfBill(m, b.id);
    const due = penaltyPostingsDue(
      { dueDate: b.dueDate, totalDueFen: b.totalDueFen, minimumDueFen: b.minimumDueFen },
      allocations,
      b.lastPosted,
      before,
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
      await recordPenaltyPosted(events, m, line, { billId: b.id, ...p });
      await insertLinePosting(m, {
        id: randomUUID(),
        creditLineId: line.id,
        kind: 'PENALTY',
        amountFen: p.amountFen,
        postedAt: endOfProgramDay(p.accrualDate),
      });
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
  // Events of a run are stamped with the instant it runs as of.
  const events = issuerEventOutbox(() => asOf);
  for (const line of lines) {
    const terms = termsOf(registry, line.issuerPlatform);
    await dataSource.transaction(async (m) => {
      // Serializes with repayments and authorizations on the same line, and with other runs.
      await lockCreditLine(m, line.id);
      const count = (penalties: { postings: number; fen: bigint }) => {
        result.penaltyPostings += penalties.postings;
        result.penaltyFen += penalties.fen;
      };
      const last = await lastStatementDate(m, line.id);
      for (const cycle of cyclesClosingBetween(last ?? programDateOf(new Date(line.createdAt)), today, terms)) {
        // The penalties of the cycle's days first, so that they are billed with it.
        count(await postPenalties(m, events, line, terms, cycle.statementDate, asOf));
        if (await closeCycle(m, events, line, terms, cycle)) result.billsCreated += 1;
      }
      count(await postPenalties(m, events, line, terms, today, asOf));
    });
  }
  return result;
}
