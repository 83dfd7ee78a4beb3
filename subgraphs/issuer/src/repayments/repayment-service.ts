/**
 * Repayment at the issuer: idempotent by key, allocated over the oldest bills first in the
 * configured order, and restoring credit in the same transaction, so the unified view
 * (credit available, overdue state, bill status) reflects it the moment it commits.
 */
import { randomUUID } from 'node:crypto';
import type { PlatformAdapter } from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, requireId } from '@cardweave/service-kit';
import type { CanonicalErrorModel } from '@cardweave/subgraph-kit';
import { IdempotencyKeys } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import { idempotencyKeyDecline, inProgressDecline, inputDecline, keyReusedDecline, platformDecline } from '../lifecycle/issuer-declines';
import { allocateRepayment, totalOwed, type BillAllocation, type OwedBill } from './repayment-allocation';

export interface RepayArgs {
  customerId: string;
  amountFen: bigint;
  idempotencyKey: string;
}

export interface RepaymentModel {
  id: string;
  amountFen: bigint;
  repaidAt: string;
  allocations: BillAllocation[];
}

/** What the idempotency record keeps: the first answer, replayed as it was. */
export interface StoredRepayOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  repayment: RepaymentModel | null;
}

export interface RepayOutcome extends StoredRepayOutcome {
  customerId: string;
}

const keys = new IdempotencyKeys(ISSUER_SCHEMA);
const declined = (customerId: string, error: CanonicalErrorModel): RepayOutcome => ({ ok: false, error, repayment: null, customerId });

function issuerAdapter(ctx: IssuerContext): PlatformAdapter {
  return ctx.registry.single('issuer');
}

export async function repay(ctx: IssuerContext, args: RepayArgs): Promise<RepayOutcome> {
  const customerId = requireId(args.customerId, 'customerId');
  assertCanActForCustomer(ctx, customerId, 'customer');
  const adapter = issuerAdapter(ctx);
  const platform = adapter.manifest.id;
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(customerId, badKey);
  if (args.amountFen <= 0n) {
    return declined(
      customerId,
      inputDecline(
        platform,
        'amountFen',
        '还款金额必须为正的整数分',
        'The repayment must be a positive whole number of fen',
        'INVALID_AMOUNT',
      ),
    );
  }
  const terms = adapter.issuerTerms!;
  const now = ctx.clock.now();

  const stored = await ctx.dataSource.transaction(async (m): Promise<StoredRepayOutcome> => {
    const claim = await keys.claim<StoredRepayOutcome>(m, 'repay', args.idempotencyKey, { customerId, amountFen: args.amountFen });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return { ok: false, error: keyReusedDecline(platform), repayment: null };
    if (claim.kind === 'IN_PROGRESS') return { ok: false, error: inProgressDecline(platform), repayment: null };

    const finish = async (outcome: StoredRepayOutcome) => {
      await keys.complete(m, 'repay', args.idempotencyKey, outcome);
      return outcome;
    };
    // The line first, then its bills: the same lock order as the statement job and authorizations.
    const [line] = (await m.query(`SELECT id FROM issuer.credit_lines WHERE customer_id = $1 FOR UPDATE`, [customerId])) as Array<{
      id: string;
    }>;
    if (!line) return finish({ ok: false, error: platformDecline(adapter, 'repay', 'CARD_NOT_ACTIVE', '闪付卡未开通'), repayment: null });
    const bills = (
      (await m.query(
        `SELECT id, total_due_fen::text AS total, paid_fen::text AS paid, penalty_accrued_fen::text AS penalty, penalty_paid_fen::text AS penalty_paid
           FROM issuer.bills WHERE credit_line_id = $1 AND paid_fen < total_due_fen + penalty_accrued_fen
          ORDER BY statement_date, id FOR UPDATE`,
        [line.id],
      )) as Array<{ id: string; total: string; paid: string; penalty: string; penalty_paid: string }>
    ).map((b): OwedBill => ({
      id: b.id,
      totalDueFen: BigInt(b.total),
      paidFen: BigInt(b.paid),
      penaltyAccruedFen: BigInt(b.penalty),
      penaltyPaidFen: BigInt(b.penalty_paid),
    }));
    // Only billed amounts are repaid here; paying more than is owed is the platform's own refusal.
    if (args.amountFen > totalOwed(bills)) {
      return finish({
        ok: false,
        error: platformDecline(adapter, 'repay', 'REPAY_AMOUNT_EXCEEDS', '还款金额超过应还金额'),
        repayment: null,
      });
    }
    const { allocations } = allocateRepayment(args.amountFen, bills, terms.repaymentAllocation);
    const repaymentId = randomUUID();
    await m.query(`INSERT INTO issuer.repayments (id, credit_line_id, amount_fen, repaid_at) VALUES ($1, $2, $3, $4)`, [
      repaymentId,
      line.id,
      args.amountFen.toString(),
      now,
    ]);
    let principal = 0n;
    for (const a of allocations) {
      principal += a.principalFen;
      await m.query(
        `INSERT INTO issuer.repayment_allocations (repayment_id, bill_id, penalty_fen, principal_fen, allocated_at) VALUES ($1, $2, $3, $4, $5)`,
        [repaymentId, a.billId, a.penaltyFen.toString(), a.principalFen.toString(), now],
      );
      await m.query(`UPDATE issuer.bills SET paid_fen = paid_fen + $2, penalty_paid_fen = penalty_paid_fen + $3 WHERE id = $1`, [
        a.billId,
        (a.penaltyFen + a.principalFen).toString(),
        a.penaltyFen.toString(),
      ]);
    }
    // Repaid principal is credit available again; a penalty never drew on the credit line.
    await m.query(`UPDATE issuer.credit_lines SET used_fen = used_fen - $2 WHERE id = $1`, [line.id, principal.toString()]);
    return finish({
      ok: true,
      error: null,
      repayment: { id: repaymentId, amountFen: args.amountFen, repaidAt: now.toISOString(), allocations },
    });
  });
  return { ...stored, customerId };
}
