/**
 * Sending an issuance's SMS code and counting its tries. The code is the issuer platform's:
 * it texts it to the phone it holds (the adapter's `sendCode`) and judges it (`verifyStep`);
 * Cardweave never sees it, so it is never stored, logged or returned. What Cardweave keeps
 * are the counts, in the issuer's database, under the adapter's OneTimeCodePolicy (one send
 * a minute, five per issuance, each code valid five minutes and locked after five wrong tries
 * for JD Finance): a send is counted before the platform is asked, a try is claimed under its
 * key before the platform judges it, so no number of requests at once on any number of
 * replicas gets past a limit. What the platform did not do is given back.
 */
import {
  AdapterError,
  DEFAULT_ONE_TIME_CODE_POLICY,
  IdempotencyKeyReusedError,
  type OneTimeCodePolicy,
  type OperationResult,
  type PlatformAdapter,
  type SendCodeOutcome,
  type VerificationStep,
} from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, graphqlError, notFound, requireId } from '@cardweave/service-kit';
import { canonicalErrorModel, IdempotencyKeys, type CanonicalErrorModel } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import { issuanceById, type CardIssuanceRow } from '../db/queries/card-issuance.queries';
import {
  attemptSendNumber,
  countSmsAttempt,
  countSmsSend,
  smsCodeOfIssuance,
  uncountSmsAttempt,
  uncountSmsSend,
  useUpSmsCode,
  type SmsCodeRow,
} from '../db/queries/issuance-sms.queries';
import { idempotencyKeyDecline, inProgressDecline, inputDecline, keyReusedDecline } from '../lifecycle/issuer-declines';
import { codeExpiredDecline, codeLockedDecline, codeNotSentDecline, sendLimitDecline, sendTooSoonDecline } from './sms-code-declines';

const keys = new IdempotencyKeys(ISSUER_SCHEMA);

export interface SmsCodeOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  issuanceId: string | null;
  /** When the code sent expires (ISO instant); never the code. */
  expiresAt: string | null;
  /** When the next code may be asked for (ISO instant), null when no more may be sent. */
  nextSendAt: string | null;
  /** Codes that may still be sent for the issuance. */
  sendsLeft: number;
}

export function oneTimeCodePolicyOf(adapter: PlatformAdapter): OneTimeCodePolicy {
  return adapter.issuerTerms?.oneTimeCodes ?? DEFAULT_ONE_TIME_CODE_POLICY;
}

/** Whether a step is judged with a one-time code the platform sends. */
export function isCodeStep(step: VerificationStep): boolean {
  return step.fields.some((f) => f.kind === 'SMS_CODE');
}

const plus = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

function stateOf(policy: OneTimeCodePolicy, row: { sends: number; lastSentAt: Date; expiresAt: Date } | null) {
  const sends = row?.sends ?? 0;
  const sendsLeft = Math.max(0, policy.maxSends - sends);
  const nextSendAt = sendsLeft === 0 ? null : row && row.lastSentAt.getTime() > 0 ? plus(row.lastSentAt, policy.resendAfterSeconds) : null;
  return { sendsLeft, nextSendAt: nextSendAt?.toISOString() ?? null, expiresAt: row?.expiresAt.toISOString() ?? null };
}

export async function sendIssuanceSmsCode(
  ctx: IssuerContext,
  args: { issuanceId: string; idempotencyKey: string },
): Promise<SmsCodeOutcome> {
  const issuance = await issuanceById(ctx.dataSource.manager, requireId(args.issuanceId, 'issuanceId'));
  if (!issuance) throw notFound('issuance', 'issuanceId');
  assertCanActForCustomer(ctx, issuance.customerId, 'issuance', 'issuanceId');
  const adapter = ctx.registry.get(issuance.issuerPlatform);
  const platform = adapter.manifest.id;
  const policy = oneTimeCodePolicyOf(adapter);
  const declined = (error: CanonicalErrorModel, row: Parameters<typeof stateOf>[1] = null): SmsCodeOutcome => ({
    ok: false,
    error,
    issuanceId: issuance.id,
    ...stateOf(policy, row),
  });
  const badKey = idempotencyKeyDecline(platform, args.idempotencyKey);
  if (badKey) return declined(badKey);
  const step = adapter.verification.steps.find((s) => !issuance.passedSteps.includes(s.id));
  if (issuance.status !== 'VERIFYING' || !step || !isCodeStep(step)) {
    const codeStep = adapter.verification.steps.find(isCodeStep);
    if (!codeStep) return declined(inputDecline(platform, 'issuanceId', '该开通流程不需要短信验证码', 'This issuance takes no SMS code'));
    return declined(
      issuance.passedSteps.includes(codeStep.id)
        ? inputDecline(platform, 'issuanceId', '短信验证已完成', 'The SMS code step has already passed')
        : inputDecline(platform, 'issuanceId', `请先完成“${step?.label['zh-CN'] ?? ''}”`, `Complete "${step?.label.en ?? ''}" first`),
    );
  }
  const sendCode = adapter.operations?.sendCode;
  if (!sendCode) throw graphqlError('CONFIGURATION_ERROR', `${platform} sends no codes`, { platform });
  const scope = { customerId: issuance.customerId, operation: 'sendIssuanceSmsCode' };
  const now = ctx.clock.now();

  // 1. Count the send, or refuse it, with the key's claim: committed before the platform is asked.
  type Counted = { done: SmsCodeOutcome } | { done: null; row: SmsCodeRow };
  const counted = await ctx.dataSource.transaction(async (m): Promise<Counted> => {
    const claim = await keys.claim<SmsCodeOutcome>(m, scope, args.idempotencyKey, { issuanceId: issuance.id });
    if (claim.kind === 'REPLAY') return { done: claim.result };
    if (claim.kind === 'KEY_REUSED') return { done: declined(keyReusedDecline(platform)) };
    if (claim.kind === 'IN_PROGRESS') return { done: declined(inProgressDecline(platform)) };
    const row = await countSmsSend(m, {
      issuanceId: issuance.id,
      at: now,
      expiresAt: plus(now, policy.validForSeconds),
      resendBoundary: plus(now, -policy.resendAfterSeconds),
      maxSends: policy.maxSends,
    });
    if (row) return { done: null, row };
    const current = await smsCodeOfIssuance(m, issuance.id);
    const outcome =
      current && current.sends >= policy.maxSends
        ? declined(sendLimitDecline(platform, policy.maxSends), current)
        : declined(
            sendTooSoonDecline(
              platform,
              Math.max(1, Math.ceil((plus(current!.lastSentAt, policy.resendAfterSeconds).getTime() - now.getTime()) / 1000)),
            ),
            current,
          );
    await keys.complete(m, scope, args.idempotencyKey, outcome);
    return { done: outcome };
  });
  if (counted.done) return counted.done;

  // 2. The platform texts the code; its key is the send's own (the platform dedupes by it).
  let result: OperationResult<SendCodeOutcome> | null = null;
  let failure: unknown = null;
  try {
    result = await sendCode(
      { subjectRef: issuance.customerId, stepId: step.id },
      {
        idempotencyKey: args.idempotencyKey,
        clock: ctx.clock,
        http: ctx.platformHttp(platform),
        idempotency: ctx.adapterIdempotencyFor(issuance.customerId),
      },
    );
  } catch (error) {
    failure = error;
  }

  // 3. Sent: the key's answer. Not sent (declined, unsure, unreachable): the send is given back and the key let go.
  if (result?.status === 'SUCCESS') {
    const outcome: SmsCodeOutcome = { ok: true, error: null, issuanceId: issuance.id, ...stateOf(policy, counted.row) };
    await ctx.dataSource.transaction((m) => keys.complete(m, scope, args.idempotencyKey, outcome));
    return outcome;
  }
  await ctx.dataSource.transaction(async (m) => {
    await uncountSmsSend(m, issuance.id, now);
    await keys.release(m, scope, args.idempotencyKey);
  });
  if (failure instanceof IdempotencyKeyReusedError) return declined(keyReusedDecline(platform));
  if (failure instanceof AdapterError)
    throw graphqlError(failure.code, `${platform} could not send the code: ${failure.code}`, { platform });
  if (failure) throw failure;
  if (result!.status === 'DECLINED') return declined(canonicalErrorModel(result!.error));
  return declined(inProgressDecline(platform));
}

/** What a try of the code may do: go to the platform (counted), or be refused here. */
export type SmsAttemptClaim = { kind: 'COUNTED' } | { kind: 'REFUSED'; error: CanonicalErrorModel };

/**
 * Claims a try of the live code under the verification's key, with the code's row locked: a
 * retry with the same key for the same code is not counted again. Refused when no code was
 * sent, it expired, or its tries are used up.
 */
export async function claimSmsAttempt(ctx: IssuerContext, issuance: CardIssuanceRow, key: string): Promise<SmsAttemptClaim> {
  const adapter = ctx.registry.get(issuance.issuerPlatform);
  const platform = adapter.manifest.id;
  const policy = oneTimeCodePolicyOf(adapter);
  const now = ctx.clock.now();
  return ctx.dataSource.transaction(async (m): Promise<SmsAttemptClaim> => {
    const code = await smsCodeOfIssuance(m, issuance.id, true);
    if (!code || code.sends === 0) return { kind: 'REFUSED', error: codeNotSentDecline(platform) };
    if ((await attemptSendNumber(m, issuance.id, key)) === code.sends) return { kind: 'COUNTED' };
    if (code.expiresAt.getTime() <= now.getTime()) return { kind: 'REFUSED', error: codeExpiredDecline(platform) };
    if (code.attempts >= policy.maxAttempts) return { kind: 'REFUSED', error: codeLockedDecline(platform, policy.maxAttempts) };
    await countSmsAttempt(m, issuance.id, key, code.sends, now);
    return { kind: 'COUNTED' };
  });
}

/** After the platform answered a counted try: a pass uses the code up; a try it did not judge is given back. */
export async function settleSmsAttempt(ctx: IssuerContext, issuanceId: string, key: string, judged: 'PASSED' | 'FAILED' | 'NOT_JUDGED') {
  if (judged === 'FAILED') return;
  const now = ctx.clock.now();
  await ctx.dataSource.transaction(async (m) => {
    if (judged === 'PASSED') await useUpSmsCode(m, issuanceId, now);
    else await uncountSmsAttempt(m, issuanceId, key);
  });
}
