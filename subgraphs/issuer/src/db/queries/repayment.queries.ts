/** Repayments and how each was allocated over the bills (penalty and principal per bill). */
import type { SqlRunner } from '@cardweave/subgraph-kit';

export async function insertRepayment(
  m: SqlRunner,
  repayment: { id: string; creditLineId: string; amountFen: bigint; at: Date },
): Promise<void> {
  await m.query(`INSERT INTO issuer.repayments (id, credit_line_id, amount_fen, repaid_at) VALUES ($1, $2, $3, $4)`, [
    repayment.id,
    repayment.creditLineId,
    repayment.amountFen.toString(),
    repayment.at,
  ]);
}

export async function insertAllocation(
  m: SqlRunner,
  allocation: { repaymentId: string; billId: string; penaltyFen: bigint; principalFen: bigint; at: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO issuer.repayment_allocations (repayment_id, bill_id, penalty_fen, principal_fen, allocated_at) VALUES ($1, $2, $3, $4, $5)`,
    [allocation.repaymentId, allocation.billId, allocation.penaltyFen.toString(), allocation.principalFen.toString(), allocation.at],
  );
}

/** What repayments allocated to the bill, and when. */
export async function allocationsOfBill(
  m: SqlRunner,
  billId: string,
): Promise<Array<{ penaltyFen: bigint; principalFen: bigint; allocatedAt: Date }>> {
  const rows = (await m.query(
    `SELECT penalty_fen::text AS penalty, principal_fen::text AS principal, allocated_at FROM issuer.repayment_allocations WHERE bill_id = $1`,
    [billId],
  )) as Array<{ penalty: string; principal: string; allocated_at: Date }>;
  return rows.map((a) => ({ penaltyFen: BigInt(a.penalty), principalFen: BigInt(a.principal), allocatedAt: new Date(a.allocated_at) }));
}
