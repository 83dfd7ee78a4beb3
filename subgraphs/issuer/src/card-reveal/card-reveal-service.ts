/**
 * Seeing the card: the holder's full card number, expiry and CVV2, shown after the payment
 * password and only once. `startCardReveal` checks the password with the issuer platform and
 * mints a reveal token (random, single-use, valid 60 seconds; only its hash is stored);
 * `revealCardDetails` redeems it for the card data, decrypted from the PanVault and the CVV2
 * derived with the issuer's key, never stored in clear and never logged. At most three reveals
 * per card and hour: counted in PostgreSQL under the card row's lock, so every replica agrees.
 * Each reveal row is the audit: who, when, from which request, and when it was shown.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AdapterError, type OperationResult, type VerifyStepOutcome } from '@cardweave/adapter-sdk';
import { assertCanActForCustomer, graphqlError, notFound, requireId } from '@cardweave/service-kit';
import { canonicalErrorModel, declineFor, fieldErrorModels, type CanonicalErrorModel } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { cardById } from '../db/queries/card.queries';
import { insertCardReveal, lockCardForReveal, redeemCardReveal, revealsSince } from '../db/queries/card-reveal.queries';
import type { CardEntity } from '../db/entities/card.entity';

/** How long a reveal token may be redeemed. */
export const REVEAL_TOKEN_TTL_MS = 60_000;
/** Reveals per card within REVEAL_WINDOW_MS. */
export const REVEALS_PER_WINDOW = 3;
export const REVEAL_WINDOW_MS = 60 * 60_000;
const PASSWORD_STEP = 'payment-password';

export interface CardRevealStartModel {
  ok: boolean;
  revealToken: string | null;
  expiresAt: Date | null;
  error: CanonicalErrorModel | null;
  fieldErrors: CanonicalErrorModel[];
}

export interface CardDetailsModel {
  cardNumber: string;
  expiry: string;
  cvv2: string;
}

export interface CardDetailsRevealModel {
  ok: boolean;
  details: CardDetailsModel | null;
  error: CanonicalErrorModel | null;
}

/** What a resolver knows of the request: its id, for the audit row. */
interface RevealRequest {
  requestId: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The customer's own card, or the NOT_FOUND an absent card gets; operators and services may not act for them. */
async function ownCard(ctx: IssuerContext, rawCardId: string): Promise<CardEntity> {
  const card = await cardById(ctx.dataSource, requireId(rawCardId, 'cardId'));
  if (!card) throw notFound('card', 'cardId');
  assertCanActForCustomer(ctx, card.customerId, 'card', 'cardId');
  return card;
}

function refused(error: CanonicalErrorModel, fieldErrors: CanonicalErrorModel[] = []): CardRevealStartModel {
  return { ok: false, revealToken: null, expiresAt: null, error, fieldErrors };
}

/** FREQUENCY_LIMITED in the issuer's words, saying when the oldest reveal of the hour leaves the window. */
function tooMany(ctx: IssuerContext, card: CardEntity, oldest: Date | null, now: Date): CanonicalErrorModel {
  const error = canonicalErrorModel(declineFor(ctx.registry.get(card.issuerPlatform), 'FREQUENCY_LIMITED'));
  const frees = oldest ? Math.max(1, Math.ceil((oldest.getTime() + REVEAL_WINDOW_MS - now.getTime()) / 1000)) : undefined;
  return {
    ...error,
    decision: 'USER_ACTION',
    remedy: 'WAIT_FOR_NEXT_WINDOW',
    retryAfterSeconds: frees,
    message: {
      zhCN: `查看卡号每小时最多${REVEALS_PER_WINDOW}次，请稍后再试`,
      en: `The card details can be shown at most ${REVEALS_PER_WINDOW} times an hour; try again later`,
    },
  };
}

export async function startCardReveal(
  ctx: IssuerContext & RevealRequest,
  input: { cardId: string; paymentPassword: string },
): Promise<CardRevealStartModel> {
  const card = await ownCard(ctx, input.cardId);
  const adapter = ctx.registry.get(card.issuerPlatform);
  if (card.status === 'CLOSED') return refused(canonicalErrorModel(declineFor(adapter, 'CARD_NOT_ACTIVE')));
  const windowStart = (at: Date) => new Date(at.getTime() - REVEAL_WINDOW_MS);
  // Checked before the platform is asked, and again under the lock before a token is minted.
  const before = await revealsSince(ctx.dataSource, card.id, windowStart(ctx.clock.now()));
  if (before.count >= REVEALS_PER_WINDOW) return refused(tooMany(ctx, card, before.oldest, ctx.clock.now()));

  const verifyStep = adapter.operations?.verifyStep;
  if (!verifyStep || !adapter.verification.steps.some((s) => s.id === PASSWORD_STEP)) {
    throw graphqlError('CONFIGURATION_ERROR', `${adapter.manifest.id} offers no payment password check`, { platform: adapter.manifest.id });
  }
  let result: OperationResult<VerifyStepOutcome>;
  try {
    result = await verifyStep(
      { subjectRef: card.customerId, stepId: PASSWORD_STEP, fields: { paymentPassword: input.paymentPassword } },
      {
        // Each try is its own question to the platform: nothing of it is replayed.
        idempotencyKey: `card-reveal-${randomUUID()}`,
        clock: ctx.clock,
        http: ctx.platformHttp(adapter.manifest.id),
        idempotency: ctx.adapterIdempotencyFor(card.customerId),
      },
    );
  } catch (error) {
    if (error instanceof AdapterError) throw graphqlError(error.code, `${adapter.manifest.id} could not verify: ${error.code}`);
    throw error;
  }
  if (result.status === 'DECLINED') {
    return refused(canonicalErrorModel(result.error), fieldErrorModels(adapter.manifest.id, result.fieldErrors ?? []));
  }
  if (result.status !== 'SUCCESS') return refused(canonicalErrorModel(declineFor(adapter, 'TRANSACTION_IN_PROGRESS')));

  const token = randomBytes(32).toString('base64url');
  return ctx.dataSource.transaction(async (m) => {
    const now = ctx.clock.now();
    await lockCardForReveal(m, card.id);
    const counted = await revealsSince(m, card.id, windowStart(now));
    if (counted.count >= REVEALS_PER_WINDOW) return refused(tooMany(ctx, card, counted.oldest, now));
    const expiresAt = new Date(now.getTime() + REVEAL_TOKEN_TTL_MS);
    await insertCardReveal(m, {
      id: randomUUID(),
      cardId: card.id,
      customerId: card.customerId,
      actorSubject: ctx.identity?.subject ?? card.customerId,
      tokenHash: hashOf(token),
      startedRequestId: ctx.requestId,
      startedAt: now,
      expiresAt,
    });
    return { ok: true, revealToken: token, expiresAt, error: null, fieldErrors: [] };
  });
}

/** `2031-10-31` as the card prints it: `10/31`. */
function printedExpiry(expiresOn: string): string {
  const [year, month] = expiresOn.split('-');
  return `${month}/${year.slice(2)}`;
}

export async function revealCardDetails(
  ctx: IssuerContext & RevealRequest,
  input: { cardId: string; revealToken: string },
): Promise<CardDetailsRevealModel> {
  const card = await ownCard(ctx, input.cardId);
  const adapter = ctx.registry.get(card.issuerPlatform);
  if (!ctx.vault) throw graphqlError('CONFIGURATION_ERROR', 'the issuer holds no card-data key');
  const token = input.revealToken.trim();
  const redeemed =
    /^[A-Za-z0-9_-]{43}$/.test(token) &&
    (await redeemCardReveal(ctx.dataSource, {
      tokenHash: hashOf(token),
      cardId: card.id,
      customerId: card.customerId,
      requestId: ctx.requestId,
      at: ctx.clock.now(),
    }));
  if (!redeemed) {
    const error = canonicalErrorModel(declineFor(adapter, 'INVALID_TOKEN'));
    return {
      ok: false,
      details: null,
      error: {
        ...error,
        decision: 'USER_ACTION',
        remedy: 'REVERIFY_IDENTITY',
        message: {
          zhCN: '查看凭证无效、已使用或已过期，请重新输入支付密码',
          en: 'The reveal token is unknown, used or expired; enter the payment password again',
        },
      },
    };
  }
  const cardNumber = ctx.vault.decrypt(card.panEncrypted);
  return {
    ok: true,
    details: { cardNumber, expiry: printedExpiry(card.expiresOn), cvv2: ctx.vault.cardVerificationValue(cardNumber, card.expiresOn) },
    error: null,
  };
}
