/**
 * Overdue penalty, one posting per bill and full overdue day. Day D (a calendar day in
 * Asia/Shanghai after the due date) is charged once it has ended, at 00:00 of D + 1, and
 * never while it is still running: at n days overdue (the n-th day running) n − 1 days are
 * charged. The amount of day D is computed from the principal still unpaid when D ended
 * (principal less the principal repaid before 00:00 of D + 1), so it does not depend on
 * when the statement job runs, and a day once posted is never posted again. Rounded once
 * per posting, with the issuer's rounding mode.
 */
import { applyFraction, type IssuerTerms } from '@cardweave/adapter-sdk';
import { addDays, datesAfter, startOfProgramDay } from './calendar-dates';

export interface BillForPenalty {
  dueDate: string;
  totalDueFen: bigint;
  minimumDueFen: bigint;
}

export interface Allocation {
  penaltyFen: bigint;
  principalFen: bigint;
  allocatedAt: Date;
}

export interface PenaltyPosting {
  accrualDate: string;
  principalFen: bigint;
  amountFen: bigint;
}

/** The bill as it stood at an instant: repaid in all, principal repaid, whether overdue on that day. */
export function standingAt(bill: BillForPenalty, allocations: readonly Allocation[], at: Date) {
  let paid = 0n;
  let principalPaid = 0n;
  for (const a of allocations) {
    if (a.allocatedAt.getTime() < at.getTime()) {
      paid += a.penaltyFen + a.principalFen;
      principalPaid += a.principalFen;
    }
  }
  return { paid, principal: bill.totalDueFen - principalPaid };
}

/** The last day whose penalty may be charged on `today`: yesterday, the last day that has ended. */
export function lastFullDayBefore(today: string): string {
  return addDays(today, -1);
}

/** Whether the bill became overdue: less than the minimum repaid when its due date ended. */
export function missedMinimum(bill: BillForPenalty, allocations: readonly Allocation[]): boolean {
  return standingAt(bill, allocations, startOfProgramDay(addDays(bill.dueDate, 1))).paid < bill.minimumDueFen;
}

/**
 * The postings still to make for a bill, for the days that ended before `today`. `lastPosted` is the
 * latest accrual day already posted (or null). Only a bill that missed its minimum accrues, and
 * it accrues on whatever principal remains, however much is repaid later, until none remains;
 * repayments only add up, so the walk stops at the first day that ends owing no principal.
 */
export function penaltyPostingsDue(
  bill: BillForPenalty,
  allocations: readonly Allocation[],
  lastPosted: string | null,
  today: string,
  terms: Pick<IssuerTerms, 'penaltyPerDay' | 'rounding'>,
): PenaltyPosting[] {
  if (!missedMinimum(bill, allocations)) return [];
  const from = lastPosted && lastPosted > bill.dueDate ? lastPosted : bill.dueDate;
  const postings: PenaltyPosting[] = [];
  for (const day of datesAfter(from, lastFullDayBefore(today))) {
    const { principal } = standingAt(bill, allocations, startOfProgramDay(addDays(day, 1)));
    if (principal <= 0n) break;
    postings.push({ accrualDate: day, principalFen: principal, amountFen: applyFraction(principal, terms.penaltyPerDay, terms.rounding) });
  }
  return postings;
}
