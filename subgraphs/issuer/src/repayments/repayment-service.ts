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
import { addPaymentToBill, lockOwedBills } from '../db/queries/bill.queries';
import { insertLinePosting } from '../db/queries/bill-item.queries';
import { lockCreditLineOfCustomer, restoreCredit } from '../db/queries/credit-line.queries';
import { insertAllocation, insertRepayment } from '../db/queries/repayment.queries';
import { programDateOf } from '../domain/calendar-dates';
import { issuerEventOutbox, recordRepaymentPosted } from '../events/issuer-events';
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
  assertCanActForCustomer(ctx, customerId, 'customer', 'customerId');
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
    const claim = await keys.claim<StoredRepayOutcome>(m, { customerId, operation: 'repay' }, args.idempotencyKey, {
      customerId,
      amountFen: args.amountFen,
    });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return { ok: false, error: keyReusedDecline(platform), repayment: null };
    if (claim.kind === 'IN_PROGRESS') return { ok: false, error: inProgressDecline(platform), repayment: null };

    const finish = async (outcome: StoredRepayOutcome) => {
      await keys.complete(m, { customerId, operation: 'repay' }, args.idempotencyKey, outcome);
      return outcome;
    };
    // The line first, then its bills: the same lock order as the statement job and authorizations.
    const lineId = await lockCreditLineOfCustomer(m, customerId);
    if (!lineId) return finish({ ok: false, error: platformDecline(adapter, 'repay', 'CARD_NOT_ACTIVE', '闪付卡未开通'), repayment: null });
    const bills: OwedBill[] = await lockOwedBills(m, lineId);
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
    await insertRepayment(m, { id: repaymentId, creditLineId: lineId, amountFen: args.amountFen, at: now });
    // A posting of the cycle in progress too: the statement of the cycle lists it and counts it in its totals.
    await insertLinePosting(m, { id: randomUUID(), creditLineId: lineId, kind: 'REPAYMENT', amountFen: args.amountFen, postedAt: now });
    let principal = 0n;
    let penalty = 0n;
    for (const a of allocations) {
      principal += a.principalFen;
      penalty += a.penaltyFen;
      await insertAllocation(m, { repaymentId, billId: a.billId, penaltyFen: a.penaltyFen, principalFen: a.principalFen, at: now });
      await addPaymentToBill(m, a.billId, a.penaltyFen + a.principalFen, a.penaltyFen, programDateOf(now));
    }
    // Repaid principal is credit available again; a penalty never drew on the credit line.
    await restoreCredit(m, lineId, principal.toString());
    await recordRepaymentPosted(
      issuerEventOutbox(() => now),
      m,
      { id: repaymentId, customerId, platform, amountFen: args.amountFen, principalFen: principal, penaltyFen: penalty },
    );
    return finish({
      ok: true,
      error: null,
      repayment: { id: repaymentId, amountFen: args.amountFen, repaidAt: now.toISOString(), allocations },
    });
  });
  return { ...stored, customerId };
}
