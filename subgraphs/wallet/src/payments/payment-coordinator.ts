/**
 * Starts a payment where the real chain starts, at the wallet, and sees it through:
 *
 *  1. one wallet transaction claims the client's idempotency key, checks the binding and
 *     the account, reserves the wallet's limits atomically and records the leg RESERVED;
 *  2. clearing routes it (network limits) and the issuer decides (state, credit) — each
 *     hop committing its own leg, never holding a transaction open across a call;
 *  3. the answer settles the wallet leg; an approval warns of a wallet limit nearly used
 *     (limit-alerts.ts); a decline gives the reservation back; a fault or
 *     timeout reverses the legs downstream first, so no hop keeps a leg the others lack.
 *     The client waits for that reversal only within the hop's budget (hop-budget.ts): past
 *     it the payment answers PLATFORM_UNAVAILABLE with the leg REVERSING, before the
 *     gateway's own timeout, and the reversal finishes behind the answer.
 *
 * A crash between 1 and 3 leaves the leg RESERVED; PaymentRecovery reverses it later.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { toCanonicalError, type AdapterRegistry, type CanonicalError, type Clock, type LimitRule } from '@cardweave/adapter-sdk';
import type { Identity } from '@cardweave/service-kit';
import {
  declineFor,
  IdempotencyKeys,
  recordLimitAlerts,
  releaseLimits,
  reservedWindowsNow,
  reserveLimits,
  settledWithin,
  HopUnavailable,
} from '@cardweave/subgraph-kit';
import type { HopOutcome, IdempotencyScope, PaymentDescriptor, Reservation, SiblingClient } from '@cardweave/subgraph-kit';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';
import type { PaymentEntity, PaymentStatus } from '../db/entities/payment.entity';
import type { WalletAccountEntity } from '../db/entities/wallet-account.entity';
import { shareBinding } from '../db/queries/card-binding.queries';
import { insertPayment, markReversing, paymentById, settlePayment } from '../db/queries/payment.queries';
import { accountById } from '../db/queries/wallet-account.queries';
import { WALLET_SCHEMA } from '../db/wallet-database';
import { recordPaymentOutcome, walletEventOutbox } from '../events/wallet-events';
import type { PayInput } from './payment-input';

export interface PaymentResultModel {
  ok: boolean;
  paymentId: string | null;
  error: CanonicalError | null;
}

export function descriptorOf(payment: PaymentEntity): PaymentDescriptor {
  return {
    paymentId: payment.id,
    customerId: payment.customerId,
    cardId: payment.cardId,
    walletPlatform: payment.platform,
    amountFen: payment.amountFen.toString(),
    merchantName: payment.merchantName,
    merchantCategory: payment.merchantCategory,
    transactionId: payment.transactionId ?? undefined,
  };
}

/** Whose usage a wallet limit rule counts: the card's, the customer's or the wallet account's. */
function scopeKeyOf(payer: Pick<PaymentEntity, 'cardId' | 'customerId' | 'walletAccountId'>): (rule: LimitRule) => string {
  return (rule) => (rule.scope === 'CARD' ? payer.cardId : rule.scope === 'CUSTOMER' ? payer.customerId : payer.walletAccountId);
}

/** The network and issuer could not be reached: nothing was charged, the client may retry with a new key. */
export function unavailableError(platform: string, reason: string): CanonicalError {
  return toCanonicalError(
    platform,
    {
      code: 'PLATFORM_UNAVAILABLE',
      decision: 'RETRY',
      remedy: 'RETRY_LATER',
      message: {
        'zh-CN': '支付网络暂时不可用，未扣款，请稍后重试',
        en: 'The payment network is unavailable; nothing was charged. Try again later',
      },
      iso8583: '91',
    },
    'HOP_UNAVAILABLE',
    reason,
  );
}

export class PaymentCoordinator {
  private readonly keys = new IdempotencyKeys(WALLET_SCHEMA);
  private readonly events;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: AdapterRegistry,
    private readonly clearing: SiblingClient,
    private readonly clock: Clock,
    /** The time a payment's call to clearing, and the reversal after a fault, may take together. */
    private readonly hopTimeoutMs: number,
  ) {
    this.events = walletEventOutbox(() => this.clock.now());
  }

  async find(paymentId: string): Promise<PaymentEntity | null> {
    return paymentById(this.dataSource, paymentId);
  }

  /** `identity` acts for the binding's owner (already checked); the hops check it again. */
  async pay(
    input: PayInput,
    binding: CardBindingEntity,
    account: WalletAccountEntity,
    identity: Identity | null,
  ): Promise<PaymentResultModel> {
    const wallet = this.registry.get(binding.platform);
    const scope: IdempotencyScope = { customerId: account.customerId, operation: 'pay' };
    const fingerprint = { ...input, amountFen: input.amountFen.toString(), idempotencyKey: undefined };

    const started = await this.dataSource.transaction(async (m) => {
      const claim = await this.keys.claim<PaymentResultModel>(m, scope, input.idempotencyKey, fingerprint);
      if (claim.kind === 'REPLAY') return { done: claim.result };
      if (claim.kind === 'KEY_REUSED') return { done: this.refusal(wallet.manifest.id, 'IDEMPOTENCY_KEY_REUSED') };
      if (claim.kind === 'IN_PROGRESS') return { done: this.refusal(wallet.manifest.id, 'DUPLICATE_REQUEST') };

      // Re-read under lock: a binding suspended a moment ago must not pay.
      const current = await shareBinding(m, binding.id);
      const currentAccount = await accountById(m, account.id);
      const blocked =
        currentAccount.status !== 'ACTIVE' ? 'MERCHANT_RESTRICTED' : current?.status !== 'ACTIVE' ? 'BINDING_NOT_ACTIVE' : null;
      // One instant for the reservation and the leg's createdAt, so the leg names the windows counted.
      const now = this.clock.now();
      const reservation = blocked
        ? null
        : await reserveLimits(
            m,
            WALLET_SCHEMA,
            wallet.limits,
            scopeKeyOf({ cardId: binding.cardId, customerId: account.customerId, walletAccountId: account.id }),
            input.amountFen,
            now,
          );
      if (blocked || !reservation?.ok) {
        const error = blocked
          ? declineFor(wallet, blocked)
          : declineFor(wallet, 'LIMIT_EXCEEDED', '61', reservation && !reservation.ok ? reservation.rule : undefined);
        const result = { ok: false, paymentId: null, error };
        await this.keys.complete(m, scope, input.idempotencyKey, result);
        // Declined at the wallet, before a leg exists: the event says so without a payment id.
        await recordPaymentOutcome(
          this.events,
          m,
          {
            id: null,
            customerId: account.customerId,
            cardId: binding.cardId,
            platform: binding.platform,
            amountFen: input.amountFen,
            merchantName: input.merchantName,
            merchantCategory: input.merchantCategoryCode,
          },
          'DECLINED',
          error,
        );
        return { done: result };
      }
      const payment: PaymentEntity = {
        id: randomUUID(),
        customerId: account.customerId,
        bindingId: binding.id,
        cardId: binding.cardId,
        walletAccountId: account.id,
        platform: binding.platform,
        amountFen: input.amountFen,
        merchantName: input.merchantName,
        merchantCategory: input.merchantCategoryCode,
        status: 'RESERVED',
        decline: null,
        reservations: JSON.stringify(reservation.reservations),
        transactionId: null,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      };
      await insertPayment(m, payment);
      // No limit warning yet: clearing or the issuer may still decline it (settle() warns once approved).
      return { payment };
    });
    if ('done' in started) return started.done as PaymentResultModel;
    const payment = started.payment;

    let answer: HopOutcome;
    const deadline = Date.now() + this.hopTimeoutMs;
    try {
      answer = await this.clearing.post<HopOutcome>('payments/authorize', descriptorOf(payment), identity);
    } catch (error) {
      if (!(error instanceof HopUnavailable)) throw error;
      const result = { ok: false, paymentId: payment.id, error: unavailableError(wallet.manifest.id, error.message) };
      // REVERSING before anyone hears of it, so a recovery run (this or another replica) takes it over if we stop.
      await markReversing(this.dataSource, payment.id, this.clock.now());
      // Reversed: the key's answer is final. Not (clearing unreachable): recovery finishes it and stores the answer.
      const reversal = this.reverse(payment)
        .then((reversed) => (reversed ? this.finishKey(scope, input.idempotencyKey, result) : undefined))
        .catch((failure: Error) =>
          console.error(JSON.stringify({ level: 'error', service: 'wallet', msg: 'payment reversal failed', error: failure.message })),
        );
      // Within the budget the client hears of a finished reversal; past it, the answer does not wait.
      await settledWithin(reversal, deadline);
      return result;
    }
    const status: PaymentStatus = answer.status === 'APPROVED' ? 'APPROVED' : answer.status === 'DECLINED' ? 'DECLINED' : 'REVERSED';
    const error =
      answer.status === 'DECLINED' ? answer.error : answer.status === 'REVERSED' ? unavailableError(wallet.manifest.id, 'reversed') : null;
    const settled = await this.settle(payment, status, error, answer.status !== 'REVERSED' ? (answer.transactionId ?? null) : null);
    const result: PaymentResultModel = settled
      ? { ok: status === 'APPROVED', paymentId: payment.id, error }
      : // Recovery reversed it while we waited: that is the outcome.
        { ok: false, paymentId: payment.id, error: unavailableError(wallet.manifest.id, 'timed out and reversed') };
    await this.finishKey(scope, input.idempotencyKey, result);
    return result;
  }

  /**
   * Reverses a payment down the chain (clearing reverses the issuer first), then gives the
   * wallet's reservation back. Returns false when clearing cannot be reached: the leg stays
   * REVERSING and recovery tries again.
   */
  async reverse(payment: PaymentEntity): Promise<boolean> {
    await markReversing(this.dataSource, payment.id, this.clock.now());
    try {
      await this.clearing.post('payments/reverse', descriptorOf(payment));
    } catch (error) {
      if (error instanceof HopUnavailable) return false;
      throw error;
    }
    await this.settle(payment, 'REVERSED', null, null, ['REVERSING']);
    return true;
  }

  private refusal(platform: string, code: 'IDEMPOTENCY_KEY_REUSED' | 'DUPLICATE_REQUEST'): PaymentResultModel {
    return { ok: false, paymentId: null, error: declineFor(this.registry.get(platform), code) };
  }

  private async finishKey(scope: IdempotencyScope, key: string, result: PaymentResultModel): Promise<void> {
    await this.dataSource.transaction((m) => this.keys.complete(m, scope, key, result));
  }

  /** Moves the leg to its end state; gives the reservation back unless approved. False when another outcome won. */
  private async settle(
    payment: PaymentEntity,
    to: PaymentStatus,
    error: CanonicalError | null,
    transactionId: string | null,
    from: PaymentStatus[] = ['RESERVED'],
  ): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const reservations = await settlePayment(m, {
        id: payment.id,
        to,
        from,
        decline: error ? JSON.stringify(error) : null,
        transactionId,
        at: this.clock.now(),
      });
      if (reservations === null) return false;
      if (to !== 'APPROVED') await releaseLimits(m, WALLET_SCHEMA, JSON.parse(reservations) as Reservation[]);
      else await this.warnNearlyUsed(m, payment, JSON.parse(reservations) as Reservation[]);
      await recordPaymentOutcome(this.events, m, payment, to, error);
      return true;
    });
  }

  /**
   * A window of a wallet limit that stands at 80 % or more now that this payment is approved:
   * said once, in the transaction that approves it. Not when reserved: a payment clearing or
   * the issuer declines gives its usage back and must neither warn nor use up the window's one
   * warning.
   */
  private async warnNearlyUsed(m: EntityManager, payment: PaymentEntity, reservations: Reservation[]): Promise<void> {
    const wallet = this.registry.get(payment.platform);
    const windows = await reservedWindowsNow(m, WALLET_SCHEMA, reservations, wallet.limits, scopeKeyOf(payment), payment.createdAt);
    await recordLimitAlerts(
      m,
      WALLET_SCHEMA,
      this.events,
      windows,
      wallet.limits,
      { customerId: payment.customerId, cardId: payment.cardId, platform: payment.platform },
      this.clock.now(),
    );
  }
}
