/**
 * The issuer's risk response: a temporary freeze pending manual review, and its release.
 * Operators only; idempotent by key; every change is kept with its reason. The freeze is
 * the customer's status, which issuerLimit, eligibility and the issuer's authorization
 * hop all read, so it takes effect everywhere with the commit.
 */
import { randomUUID } from 'node:crypto';
import { assertOperator, requireId, notFound } from '@cardweave/service-kit';
import type { CanonicalErrorModel } from '@cardweave/subgraph-kit';
import { IdempotencyKeys } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import { changeCustomerStatus, lockCustomerStatus } from '../db/queries/customer.queries';
import { idempotencyKeyDecline, inProgressDecline, inputDecline, keyReusedDecline } from './issuer-declines';
import { issuerEventOutbox, recordCustomerStatusChange } from '../events/issuer-events';

export interface CustomerStatusArgs {
  customerId: string;
  reason: string;
  idempotencyKey: string;
}

export interface CustomerStatusOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  /** Whether this request changed the status (false when it already was as asked). */
  changed: boolean;
  customerId: string;
}

const keys = new IdempotencyKeys(ISSUER_SCHEMA);

export async function setCustomerStatus(
  ctx: IssuerContext,
  target: 'ACTIVE' | 'FROZEN',
  args: CustomerStatusArgs,
): Promise<CustomerStatusOutcome> {
  assertOperator(ctx);
  const customerId = requireId(args.customerId, 'customerId');
  const platform = ctx.registry.single('issuer').manifest.id;
  const declined = (error: CanonicalErrorModel): CustomerStatusOutcome => ({ ok: false, error, changed: false, customerId });
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(badKey);
  const reason = args.reason.trim();
  if (reason.length === 0 || reason.length > 500) {
    return declined(inputDecline(platform, 'reason', '请填写1至500字的原因', 'Give a reason of 1 to 500 characters'));
  }
  const scope = { customerId, operation: target === 'FROZEN' ? 'freezeCustomer' : 'unfreezeCustomer' };
  const now = ctx.clock.now();
  return ctx.dataSource.transaction(async (m) => {
    const claim = await keys.claim<CustomerStatusOutcome>(m, scope, args.idempotencyKey, { customerId, reason });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return declined(keyReusedDecline(platform));
    if (claim.kind === 'IN_PROGRESS') return declined(inProgressDecline(platform));
    const status = await lockCustomerStatus(m, customerId);
    if (!status) throw notFound('customer', 'customerId');
    const changed = status !== target;
    if (changed) {
      await changeCustomerStatus(m, {
        id: randomUUID(),
        customerId,
        status: target,
        reason,
        changedBy: ctx.identity?.subject ?? null,
        at: now,
      });
      await recordCustomerStatusChange(
        issuerEventOutbox(() => now),
        m,
        customerId,
        platform,
        target,
      );
    }
    const outcome: CustomerStatusOutcome = { ok: true, error: null, changed, customerId };
    await keys.complete(m, scope, args.idempotencyKey, outcome);
    return outcome;
  });
}
