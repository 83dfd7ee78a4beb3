/**
 * The cycle in progress of a credit line, read like a bill: its dates come from the issuer's
 * statement schedule, its items are the line's postings no statement has taken yet, and its
 * totals add them up (Card.currentCycle).
 */
import type { StatementCycle } from './statement-cycle';

export interface BillingCycleModel extends StatementCycle {
  creditLineId: string;
}

/** Charges and penalties add to what the line owes, repayments take from it. */
export function balanceAfter(
  previousBalanceFen: bigint,
  totals: { chargesFen: bigint; penaltiesFen: bigint; repaymentsFen: bigint },
): bigint {
  return previousBalanceFen + totals.chargesFen + totals.penaltiesFen - totals.repaymentsFen;
}
