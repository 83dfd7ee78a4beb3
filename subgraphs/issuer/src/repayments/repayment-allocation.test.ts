import { allocateRepayment, totalOwed } from './repayment-allocation';

const bills = [
  { id: 'old', totalDueFen: 10_000n, paidFen: 0n, penaltyAccruedFen: 500n, penaltyPaidFen: 0n },
  { id: 'new', totalDueFen: 20_000n, paidFen: 0n, penaltyAccruedFen: 0n, penaltyPaidFen: 0n },
];

describe('allocateRepayment', () => {
  it('pays the oldest bill first, penalty before principal by default', () => {
    expect(allocateRepayment(12_000n, bills, ['PENALTY', 'PRINCIPAL'])).toEqual({
      allocations: [
        { billId: 'old', penaltyFen: 500n, principalFen: 10_000n },
        { billId: 'new', penaltyFen: 0n, principalFen: 1_500n },
      ],
      unallocatedFen: 0n,
    });
  });
  it('follows another configured order', () => {
    expect(allocateRepayment(10_200n, bills, ['PRINCIPAL', 'PENALTY']).allocations[0]).toEqual({
      billId: 'old',
      penaltyFen: 200n,
      principalFen: 10_000n,
    });
  });
  it('knows what is owed after earlier repayments', () => {
    const partly = [{ ...bills[0], paidFen: 700n, penaltyPaidFen: 500n }];
    expect(totalOwed(partly)).toBe(9_800n);
    expect(allocateRepayment(20_000n, partly, ['PENALTY', 'PRINCIPAL']).unallocatedFen).toBe(10_200n);
  });
});
