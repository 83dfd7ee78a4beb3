/**
 * Upgrading a credit line to a virtual card: start (eligibility checked), pass each of the
 * issuer adapter's verification steps in order through its `verifyStep`, then issue.
 *
 * A platform call is never made inside a database transaction: the adapter call runs
 * first (the adapter is idempotent by the same key, so a retry asks nothing twice), and
 * its outcome is recorded afterwards in one transaction with the idempotency claim.
 */
import { randomUUID } from 'node:crypto';
import {
  AdapterError,
  IdempotencyKeyReusedError,
  type OperationResult,
  type PlatformAdapter,
  type VerifyStepOutcome,
} from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, requireId, graphqlError, notFound } from '@cardweave/service-kit';
import { canonicalErrorModel, fieldErrorModels, IdempotencyKeys } from '@cardweave/subgraph-kit';
import type { PlatformEligibilityModel, CanonicalErrorModel } from '@cardweave/subgraph-kit';
import { generateCardNumber } from '../card-number/card-number-generator';
import type { IssuerContext } from '../context';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import { countOpenCards, insertCard } from '../db/queries/card.queries';
import {
  countFailedAttempt,
  insertIssuance,
  issuanceById,
  markIssued,
  recordPassedSteps,
  type CardIssuanceRow,
} from '../db/queries/card-issuance.queries';
import { creditLineOfCustomer } from '../db/queries/credit-line.queries';
import { lockCustomerStatus } from '../db/queries/customer.queries';
import { isoDateOf, parseIsoDate } from '../domain/calendar-dates';
import { issuerEventOutbox, recordCardIssued } from '../events/issuer-events';
import { idempotencyKeyDecline, inProgressDecline, inputDecline, keyReusedDecline, platformDecline } from '../lifecycle/issuer-declines';
import { issuerEligibility } from '../lifecycle/issuer-eligibility';
import { claimSmsAttempt, isCodeStep, settleSmsAttempt } from './issuance-sms-code';

export type { CardIssuanceRow };

/** What a mutation answers and its idempotency record keeps (the issuance is read fresh). */
export interface IssuanceOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  fieldErrors: CanonicalErrorModel[];
  issuanceId: string | null;
  eligibility?: PlatformEligibilityModel | null;
}

const keys = new IdempotencyKeys(ISSUER_SCHEMA);
/** Cards are valid for five years, to the end of the expiry month (an assumption of this project). */
const VALID_YEARS = 5;

const declined = (error: CanonicalErrorModel, issuanceId: string | null = null, extra: Partial<IssuanceOutcome> = {}): IssuanceOutcome => ({
  ok: false,
  error,
  fieldErrors: [],
  issuanceId,
  ...extra,
});

export async function loadIssuance(
  ctx: IssuerContext,
  id: string,
  lock = false,
  manager = ctx.dataSource.manager,
): Promise<CardIssuanceRow | null> {
  return issuanceById(manager, id, lock);
}

/** The issuance, visible only to whoever may act for its customer (NOT_FOUND otherwise). */
async function issuanceFor(ctx: IssuerContext, rawId: string): Promise<CardIssuanceRow> {
  const issuance = await loadIssuance(ctx, requireId(rawId, 'issuanceId'));
  if (!issuance) throw notFound('issuance', 'issuanceId');
  assertCanActForCustomer(ctx, issuance.customerId, 'issuance', 'issuanceId');
  return issuance;
}

function adapterOf(ctx: IssuerContext, platform: string): PlatformAdapter {
  return ctx.registry.get(platform);
}

export function nextStepOf(adapter: PlatformAdapter, issuance: CardIssuanceRow) {
  return adapter.verification.steps.find((s) => !issuance.passedSteps.includes(s.id)) ?? null;
}

export async function startCardIssuance(
  ctx: IssuerContext,
  args: { customerId: string; idempotencyKey: string },
): Promise<IssuanceOutcome> {
  const customerId = requireId(args.customerId, 'customerId');
  assertCanActForCustomer(ctx, customerId, 'customer', 'customerId');
  const adapter = ctx.registry.single('issuer');
  const platform = adapter.manifest.id;
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(badKey);
  const customer = await ctx.loaders.customerById.load(customerId);
  if (!customer) throw notFound('customer', 'customerId');
  // Read before the transaction (it reads bills through the request's loaders); the
  // transaction re-checks the status, which is what a concurrent freeze changes.
  const eligibility = await issuerEligibility(customer, ctx);
  const now = ctx.clock.now();
  return ctx.dataSource.transaction(async (m) => {
    const claim = await keys.claim<IssuanceOutcome>(m, { customerId, operation: 'startCardIssuance' }, args.idempotencyKey, { customerId });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return declined(keyReusedDecline(platform));
    if (claim.kind === 'IN_PROGRESS') return declined(inProgressDecline(platform));
    const finish = async (outcome: IssuanceOutcome) => {
      await keys.complete(m, { customerId, operation: 'startCardIssuance' }, args.idempotencyKey, outcome);
      return outcome;
    };
    const status = await lockCustomerStatus(m, customerId);
    if (!eligibility.eligible || status === 'FROZEN') {
      const error = eligibility.reasons[0]?.error ?? platformDecline(adapter, 'authorize', 'ACCOUNT_FROZEN', '账户已冻结');
      return finish(declined(error, null, { eligibility }));
    }
    const line = await creditLineOfCustomer(m, customerId);
    if (!line) {
      return finish(
        declined(
          {
            code: 'NOT_ELIGIBLE',
            platform,
            platformCode: 'NO_CREDIT_LINE',
            platformMessage: '未开通白条',
            decision: 'DO_NOT_RETRY',
            remedy: 'CONTACT_SUPPORT',
            message: { zhCN: '尚未获得授信额度，无法开通虚拟卡', en: 'There is no credit line to upgrade to a virtual card' },
          },
          null,
          { eligibility },
        ),
      );
    }
    if ((await countOpenCards(m, line.id)) > 0) {
      return finish(
        declined(
          {
            code: 'DUPLICATE_REQUEST',
            platform,
            platformCode: 'CARD_ALREADY_ISSUED',
            platformMessage: '闪付卡已开通',
            decision: 'DO_NOT_RETRY',
            remedy: 'NONE',
            message: { zhCN: '该额度已开通虚拟卡', en: 'This credit line already has a virtual card' },
          },
          null,
          { eligibility },
        ),
      );
    }
    const id = randomUUID();
    await insertIssuance(m, { id, customerId, creditLineId: line.id, issuerPlatform: line.issuerPlatform, at: now });
    return finish({ ok: true, error: null, fieldErrors: [], issuanceId: id, eligibility });
  });
}

export async function verifyCardIssuanceStep(
  ctx: IssuerContext,
  args: { issuanceId: string; stepId: string; fields: Array<{ name: string; value: string }>; idempotencyKey: string },
): Promise<IssuanceOutcome> {
  const issuance = await issuanceFor(ctx, args.issuanceId);
  const verifyScope = { customerId: issuance.customerId, operation: 'verifyCardIssuanceStep' };
  const adapter = adapterOf(ctx, issuance.issuerPlatform);
  const platform = adapter.manifest.id;
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(badKey, issuance.id);
  const expected = nextStepOf(adapter, issuance);
  if (issuance.status !== 'VERIFYING' || !expected) {
    if (issuance.passedSteps.includes(args.stepId)) return { ok: true, error: null, fieldErrors: [], issuanceId: issuance.id };
    return declined(inputDecline(platform, 'stepId', '验证已完成', 'Verification is already complete'), issuance.id);
  }
  if (issuance.passedSteps.includes(args.stepId)) return { ok: true, error: null, fieldErrors: [], issuanceId: issuance.id };
  if (args.stepId !== expected.id) {
    return declined(
      inputDecline(platform, 'stepId', `请先完成“${expected.label['zh-CN']}”`, `Complete "${expected.label.en}" first`),
      issuance.id,
    );
  }
  const verifyStep = adapter.operations?.verifyStep;
  if (!verifyStep) throw graphqlError('CONFIGURATION_ERROR', `${platform} offers no verification`, { platform });
  const fields = Object.fromEntries(args.fields.map((f) => [f.name, f.value]));
  // A code step needs a live code the platform sent, and each try of it is counted first.
  const codeStep = isCodeStep(expected);
  if (codeStep) {
    const attempt = await claimSmsAttempt(ctx, issuance, args.idempotencyKey);
    if (attempt.kind === 'REFUSED') return declined(attempt.error, issuance.id);
  }
  const settle = (judged: 'PASSED' | 'FAILED' | 'NOT_JUDGED') =>
    codeStep ? settleSmsAttempt(ctx, issuance.id, args.idempotencyKey, judged) : Promise.resolve();

  let result: OperationResult<VerifyStepOutcome>;
  try {
    result = await verifyStep(
      { subjectRef: issuance.customerId, stepId: args.stepId, fields },
      {
        idempotencyKey: args.idempotencyKey,
        clock: ctx.clock,
        http: ctx.platformHttp(platform),
        idempotency: ctx.adapterIdempotencyFor(issuance.customerId),
      },
    );
  } catch (error) {
    await settle('NOT_JUDGED');
    if (error instanceof IdempotencyKeyReusedError) return declined(keyReusedDecline(platform), issuance.id);
    if (error instanceof AdapterError) {
      throw graphqlError(error.code, `${platform} could not verify: ${error.code}`, { platform });
    }
    throw error;
  }
  if (result.status === 'PENDING' || result.status === 'INDETERMINATE') {
    // Not final: nothing is recorded, and the same key asks the platform again.
    await settle('NOT_JUDGED');
    return declined(inProgressDecline(platform), issuance.id);
  }
  if (result.status === 'DECLINED' && result.error.decision === 'RETRY') {
    await settle('NOT_JUDGED');
    return declined(canonicalErrorModel(result.error), issuance.id);
  }
  // Input refused before the platform saw it is no try of the code.
  await settle(result.status === 'SUCCESS' ? 'PASSED' : result.error.platformCode === 'INPUT_REJECTED' ? 'NOT_JUDGED' : 'FAILED');
  const now = ctx.clock.now();
  return ctx.dataSource.transaction(async (m) => {
    const claim = await keys.claim<IssuanceOutcome>(m, verifyScope, args.idempotencyKey, {
      issuanceId: issuance.id,
      stepId: args.stepId,
      fields: Object.keys(fields).sort(),
    });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return declined(keyReusedDecline(platform), issuance.id);
    if (claim.kind === 'IN_PROGRESS') return declined(inProgressDecline(platform), issuance.id);
    const current = (await loadIssuance(ctx, issuance.id, true, m))!;
    let outcome: IssuanceOutcome;
    if (result.status === 'SUCCESS') {
      const passed = current.passedSteps.includes(args.stepId) ? current.passedSteps : [...current.passedSteps, args.stepId];
      const complete = adapter.verification.steps.every((s) => passed.includes(s.id));
      await recordPassedSteps(m, current.id, passed, complete ? 'VERIFIED' : 'VERIFYING', now);
      outcome = { ok: true, error: null, fieldErrors: [], issuanceId: current.id };
    } else {
      await countFailedAttempt(m, current.id, now);
      outcome = declined(canonicalErrorModel(result.error), current.id, {
        fieldErrors: fieldErrorModels(platform, result.fieldErrors ?? []),
      });
    }
    await keys.complete(m, verifyScope, args.idempotencyKey, outcome);
    return outcome;
  });
}

function expiryOf(today: string): string {
  const { year, month } = parseIsoDate(today);
  return isoDateOf(year + VALID_YEARS, month + 1, 0);
}

export async function issueCard(ctx: IssuerContext, args: { issuanceId: string; idempotencyKey: string }): Promise<IssuanceOutcome> {
  const issuance = await issuanceFor(ctx, args.issuanceId);
  const issueScope = { customerId: issuance.customerId, operation: 'issueCard' };
  const adapter = adapterOf(ctx, issuance.issuerPlatform);
  const platform = adapter.manifest.id;
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(badKey, issuance.id);
  if (!ctx.vault) throw graphqlError('CONFIGURATION_ERROR', 'the card-data key is not configured');
  const vault = ctx.vault;
  const now = ctx.clock.now();
  return ctx.dataSource.transaction(async (m) => {
    const claim = await keys.claim<IssuanceOutcome>(m, issueScope, args.idempotencyKey, { issuanceId: issuance.id });
    if (claim.kind === 'REPLAY') return claim.result;
    if (claim.kind === 'KEY_REUSED') return declined(keyReusedDecline(platform), issuance.id);
    if (claim.kind === 'IN_PROGRESS') return declined(inProgressDecline(platform), issuance.id);
    const finish = async (outcome: IssuanceOutcome) => {
      await keys.complete(m, issueScope, args.idempotencyKey, outcome);
      return outcome;
    };
    const current = (await loadIssuance(ctx, issuance.id, true, m))!;
    // Issued already (another key): the same card, never a second one.
    if (current.status === 'ISSUED') return finish({ ok: true, error: null, fieldErrors: [], issuanceId: current.id });
    if (current.status !== 'VERIFIED') {
      const step = nextStepOf(adapter, current);
      return finish(
        declined(
          {
            ...platformDecline(adapter, 'verifyStep', 'CARD_NOT_ACTIVE', '闪付卡未开通'),
            code: 'VERIFICATION_FAILED',
            remedy: 'REVERIFY_IDENTITY',
            message: {
              zhCN: `请先完成全部验证步骤（下一步：${step?.label['zh-CN'] ?? ''}）`,
              en: `Pass every verification step first (next: ${step?.label.en ?? ''})`,
            },
          },
          current.id,
        ),
      );
    }
    if ((await lockCustomerStatus(m, current.customerId)) === 'FROZEN')
      return finish(declined(platformDecline(adapter, 'authorize', 'ACCOUNT_FROZEN', '账户已冻结'), current.id));
    const range = adapter.manifest.binRanges[0];
    if (!range) throw graphqlError('CONFIGURATION_ERROR', `${platform} declares no BIN range`, { platform });
    const pan = generateCardNumber(range);
    const card = {
      id: randomUUID(),
      customerId: current.customerId,
      issuerPlatform: platform,
      network: adapter.manifest.cardNetworks[0] ?? 'UNIONPAY',
      last4: pan.slice(-4),
    };
    await insertCard(m, {
      ...card,
      creditLineId: current.creditLineId,
      bin: pan.slice(0, 6),
      panEncrypted: vault.encrypt(pan),
      expiresOn: expiryOf(ctx.today),
      createdAt: now,
    });
    await markIssued(m, current.id, card.id, now);
    await recordCardIssued(
      issuerEventOutbox(() => now),
      m,
      card,
    );
    return finish({ ok: true, error: null, fieldErrors: [], issuanceId: current.id });
  });
}
