/**
 * When a bill is overdue and by how much. Derived from the bill's amounts and dates
 * at read time with the injected clock, so the view is right the moment a repayment lands.
 */
import { clampToZero, type IssuerTerms } from '@cardweave/adapter-sdk';
import type { LocalizedTextModel } from '@cardweave/subgraph-kit';
import type { BillEntity } from '../db/entities/bill.entity';

export interface OverdueStateModel {
  /** The credit line's id, once it is known whose state it is (Card.overdue). */
  id?: string;
  isOverdue: boolean;
  overdueDays: number;
  overdueAmountFen: bigint;
  penaltyAccruedFen: bigint;
  penaltyRule: LocalizedTextModel;
}

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD to another (both calendar dates, no zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function billOutstandingFen(bill: BillEntity): bigint {
  return clampToZero(bill.totalDueFen + bill.penaltyAccruedFen - bill.paidFen);
}

/**
 * Overdue: past the due date with less than the minimum repaid by the end of it, and not yet
 * repaid in full. A partial repayment afterwards, even of more than the minimum, leaves the
 * bill overdue (and its penalty accruing on the principal that remains) until it is PAID.
 */
export function isBillOverdue(bill: BillEntity, today: string): boolean {
  return today > bill.dueDate && (bill.paidByDueFen ?? 0n) < bill.minimumDueFen && billOutstandingFen(bill) > 0n;
}

export function billStatus(bill: BillEntity, today: string): 'OPEN' | 'PAID' | 'OVERDUE' {
  if (billOutstandingFen(bill) === 0n) return 'PAID';
  return isBillOverdue(bill, today) ? 'OVERDUE' : 'OPEN';
}

export function billOverdueDays(bill: BillEntity, today: string): number {
  return isBillOverdue(bill, today) ? daysBetween(bill.dueDate, today) : 0;
}

export function penaltyRuleText(terms: IssuerTerms): LocalizedTextModel {
  // Percent with two decimals, from the exact fraction, without floating point.
  const hundredths = (terms.penaltyPerDay.numerator * 10_000n) / terms.penaltyPerDay.denominator;
  const percent = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
  return { zhCN: `逾期本金每日 ${percent}`, en: `${percent} of the overdue principal per day` };
}

/** The overdue state of a credit line from all its bills. */
export function overdueState(bills: BillEntity[], today: string, terms: IssuerTerms): OverdueStateModel {
  const overdue = bills.filter((b) => isBillOverdue(b, today));
  return {
    isOverdue: overdue.length > 0,
    overdueDays: overdue.reduce((max, b) => Math.max(max, daysBetween(b.dueDate, today)), 0),
    // Principal past due: what was repaid to the penalty does not reduce it.
    overdueAmountFen: overdue.reduce((sum, b) => sum + clampToZero(b.totalDueFen - (b.paidFen - (b.penaltyPaidFen ?? 0n))), 0n),
    penaltyAccruedFen: overdue.reduce((sum, b) => sum + b.penaltyAccruedFen, 0n),
    penaltyRule: penaltyRuleText(terms),
  };
}
