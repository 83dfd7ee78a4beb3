/**
 * Splits a repayment over bills: the oldest bill first and, within a bill, the buckets in
 * the issuer's configured order (penalty before principal by default). Pure, so the
 * order is tested on its own.
 */
import type { IssuerTerms } from '@cardweave/adapter-sdk';

export interface OwedBill {
  id: string;
  totalDueFen: bigint;
  paidFen: bigint;
  penaltyAccruedFen: bigint;
  penaltyPaidFen: bigint;
}

export interface BillAllocation {
  billId: string;
  penaltyFen: bigint;
  principalFen: bigint;
}

export function owedOn(bill: OwedBill) {
  const principalPaid = bill.paidFen - bill.penaltyPaidFen;
  return { PENALTY: bill.penaltyAccruedFen - bill.penaltyPaidFen, PRINCIPAL: bill.totalDueFen - principalPaid };
}

export function totalOwed(bills: readonly OwedBill[]): bigint {
  return bills.reduce((sum, b) => sum + owedOn(b).PENALTY + owedOn(b).PRINCIPAL, 0n);
}

/** `bills` oldest first. Returns what is left over when the amount exceeds what is owed. */
export function allocateRepayment(
  amountFen: bigint,
  bills: readonly OwedBill[],
  order: IssuerTerms['repaymentAllocation'],
): { allocations: BillAllocation[]; unallocatedFen: bigint } {
  let left = amountFen;
  const allocations: BillAllocation[] = [];
  for (const bill of bills) {
    if (left === 0n) break;
    const owed = owedOn(bill);
    const taken = { PENALTY: 0n, PRINCIPAL: 0n };
    for (const bucket of order) {
      const take = owed[bucket] < left ? owed[bucket] : left;
      if (take <= 0n) continue;
      taken[bucket] += take;
      left -= take;
    }
    if (taken.PENALTY + taken.PRINCIPAL > 0n)
      allocations.push({ billId: bill.id, penaltyFen: taken.PENALTY, principalFen: taken.PRINCIPAL });
  }
  return { allocations, unallocatedFen: left };
}
