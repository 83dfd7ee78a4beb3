/**
 * Applying for the credit line (白条开通): the issuer adapter's eligibility rules first (every
 * failing one a reason), then its credit policy sizes the line from the customer's facts
 * (user group, age). Approved, the line is granted in the same transaction that stores the
 * answer under the key; declined, nothing is granted and every reason is given. A customer
 * has one line: a second application is refused with the line already held.
 *
 * Deterministic: the same facts give the same decision, so a retry under a new key after a
 * decline gives the same answer until the facts change (age, a freeze lifted, a bill repaid).
 */
import { randomUUID } from 'node:crypto';
import { assessCredit, type CreditAssessment } from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, graphqlError, notFound, requireId } from '@cardweave/service-kit';
import { IdempotencyKeys, type CanonicalErrorModel, type PlatformEligibilityModel } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import { creditLineOfCustomer, insertCreditLine } from '../db/queries/credit-line.queries';
import { lockCustomerStatus } from '../db/queries/customer.queries';
import { idempotencyKeyDecline, inProgressDecline, keyReusedDecline } from '../lifecycle/issuer-declines';
import { issuerEligibility } from '../lifecycle/issuer-eligibility';
import { creditFactorMessage, frozenReason } from './credit-decision-reasons';

export interface CreditDecisionReasonModel {
  factor: 'ELIGIBILITY' | CreditAssessment['factors'][number]['factor'];
  rule: string | null;
  amountFen: bigint | null;
  percent: number | null;
  error: CanonicalErrorModel | null;
  message: { zhCN: string; en: string };
}

export interface CreditLineApplicationOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  fieldErrors: CanonicalErrorModel[];
  customerId: string;
  decision: { approved: boolean; limitFen: bigint; reasons: CreditDecisionReasonModel[]; decidedAt: string } | null;
  eligibility: PlatformEligibilityModel | null;
}

const keys = new IdempotencyKeys(ISSUER_SCHEMA);
const OPERATION = 'applyForCreditLine';

function lineExistsDecline(platform: string): CanonicalErrorModel {
  return {
    code: 'DUPLICATE_REQUEST',
    platform,
    platformCode: 'CREDIT_LINE_EXISTS',
    platformMessage: '白条已开通',
    decision: 'DO_NOT_RETRY',
    remedy: 'NONE',
    message: { zhCN: '已开通白条额度，无需重复申请', en: 'The customer already has a credit line' },
  };
}

function assessmentDecline(platform: string, reason: CreditDecisionReasonModel): CanonicalErrorModel {
  return {
    code: 'NOT_ELIGIBLE',
    platform,
    platformCode: `CREDIT_${reason.factor}`,
    platformMessage: reason.message.zhCN,
    decision: 'DO_NOT_RETRY',
    remedy: 'NONE',
    message: reason.message,
  };
}

export async function applyForCreditLine(
  ctx: IssuerContext,
  args: { customerId: string; idempotencyKey: string },
): Promise<CreditLineApplicationOutcome> {
  const customerId = requireId(args.customerId, 'customerId');
  assertCanActForCustomer(ctx, customerId, 'customer', 'customerId');
  const adapter = ctx.registry.single('issuer');
  const platform = adapter.manifest.id;
  const refused = (error: CanonicalErrorModel, extra: Partial<CreditLineApplicationOutcome> = {}): CreditLineApplicationOutcome => ({
    ok: false,
    error,
    fieldErrors: error.field ? [error] : [],
    customerId,
    decision: null,
    eligibility: null,
    ...extra,
  });
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return refused(badKey);
  const terms = adapter.issuerTerms;
  if (!terms?.creditPolicy) throw graphqlError('CONFIGURATION_ERROR', `${platform} declares no credit policy`, { platform });
  const policy = terms.creditPolicy;
  const customer = await ctx.loaders.customerById.load(customerId);
  if (!customer) throw notFound('customer', 'customerId');
  // Read before the transaction (bills through the request's loaders); the transaction
  // re-checks the status under the customer's lock, which is what a concurrent freeze changes.
  const eligibility = await issuerEligibility(customer, ctx);
  const now = ctx.clock.now();
  const scope = { customerId, operation: OPERATION };
  return ctx.dataSource.transaction(async (m) => {
    const claim = await keys.claim<CreditLineApplicationOutcome>(m, scope, args.idempotencyKey, { customerId });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return refused(keyReusedDecline(platform));
    if (claim.kind === 'IN_PROGRESS') return refused(inProgressDecline(platform));
    const finish = async (outcome: CreditLineApplicationOutcome) => {
      await keys.complete(m, scope, args.idempotencyKey, outcome);
      return outcome;
    };
    // The customer's row lock serialises applications of one customer (and a freeze).
    const status = await lockCustomerStatus(m, customerId);
    if (await creditLineOfCustomer(m, customerId)) return finish(refused(lineExistsDecline(platform), { eligibility }));

    const reasons: CreditDecisionReasonModel[] = eligibility.reasons.map((r) => ({
      factor: 'ELIGIBILITY',
      rule: r.rule,
      amountFen: null,
      percent: null,
      error: r.error,
      message: r.error.message,
    }));
    if (status === 'FROZEN' && !eligibility.reasons.some((r) => r.rule === 'ACCOUNT_FROZEN')) reasons.push(frozenReason(adapter));
    const decidedAt = now.toISOString();
    if (reasons.length > 0) {
      return finish(refused(reasons[0]!.error!, { decision: { approved: false, limitFen: 0n, reasons, decidedAt }, eligibility }));
    }

    const assessment = assessCredit(policy, terms.maxCreditLineFen, { age: eligibility.age, userGroup: customer.userGroup });
    const factors: CreditDecisionReasonModel[] = assessment.factors.map((f) => ({
      factor: f.factor,
      rule: null,
      amountFen: f.amountFen,
      percent: f.percent ?? null,
      error: null,
      message: creditFactorMessage(f),
    }));
    if (!assessment.approved) {
      const last = factors[factors.length - 1]!;
      last.error = assessmentDecline(platform, last);
      return finish(refused(last.error, { decision: { approved: false, limitFen: 0n, reasons: factors, decidedAt }, eligibility }));
    }
    const granted = await insertCreditLine(m, {
      id: randomUUID(),
      customerId,
      issuerPlatform: platform,
      limitFen: assessment.limitFen,
      at: now,
    });
    // Unreachable under the customer's lock; kept so a line is never granted twice.
    if (!granted) return finish(refused(lineExistsDecline(platform), { eligibility }));
    return finish({
      ok: true,
      error: null,
      fieldErrors: [],
      customerId,
      decision: { approved: true, limitFen: assessment.limitFen, reasons: factors, decidedAt },
      eligibility,
    });
  });
}
