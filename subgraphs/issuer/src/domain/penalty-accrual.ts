/**
 * Overdue penalty, one posting per bill and overdue day. The posting for day D is owed
 * from the start of D (00:00 Asia/Shanghai) and is computed from what the bill owed at
 * that instant: principal less the principal repaid before it. So the amount of a day
 * does not depend on when the statement job runs, and a day once posted is never
 * posted again. Rounded once per posting, with the issuer's rounding mode.
 */
import { applyFraction, type IssuerTerms } from '@cardweave/adapter-sdk';
import { datesAfter, startOfProgramDay } from './calendar-dates';

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

/**
 * The postings still to make for a bill up to and including `today`. `lastPosted` is the
 * latest accrual day already posted (or null). A bill that stops being overdue (the
 * minimum is paid, or all principal) never becomes overdue again, since repayments
 * only add up, so the walk stops at the first day that owes nothing.
 */
export function penaltyPostingsDue(
  bill: BillForPenalty,
  allocations: readonly Allocation[],
  lastPosted: string | null,
  today: string,
  terms: Pick<IssuerTerms, 'penaltyPerDay' | 'rounding'>,
): PenaltyPosting[] {
  const from = lastPosted && lastPosted > bill.dueDate ? lastPosted : bill.dueDate;
  const postings: PenaltyPosting[] = [];
  for (const day of datesAfter(from, today)) {
    const { paid, principal } = standingAt(bill, allocations, startOfProgramDay(day));
    if (paid >= bill.minimumDueFen || principal <= 0n) break;
    postings.push({ accrualDate: day, principalFen: principal, amountFen: applyFraction(principal, terms.penaltyPerDay, terms.rounding) });
  }
  return postings;
}
