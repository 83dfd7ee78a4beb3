/**
 * The clearing network's hop of a payment: the network's limits on the card, reserved
 * atomically in the clearing database, then the issuer's answer. A decline or a fault
 * downstream gives the reservation back; a fault first reverses the issuer's leg, so the
 * network never keeps a leg the issuer does not have. The approval of the leg warns, in its
 * own transaction, of a network limit window it took to 80 % (limit.nearly_used).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { CanonicalError, Clock, PlatformAdapter } from '@cardweave/adapter-sdk';
import type { Identity } from '@cardweave/service-kit';
import { declineFor, releaseLimits, reserveLimits, settledWithin, HopUnavailable } from '@cardweave/subgraph-kit';
import type { HopOutcome, PaymentDescriptor, ReversalOutcome, Reservation, SiblingClient } from '@cardweave/subgraph-kit';
import { CLEARING_SCHEMA } from '../db/clearing-database';
import { clearingEventOutbox, networkScopeKeyOf, warnNetworkLimitsNearlyUsed } from '../events/clearing-events';
import {
  declineLeg,
  insertLegOnce,
  legOfPayment,
  recordReservations,
  settleLeg,
  type LegRow,
  type LegStatus,
} from '../db/queries/transaction.queries';

export class ClearingRoute {
  private readonly events;

  constructor(
    private readonly dataSource: DataSource,
    private readonly network: PlatformAdapter,
    private readonly issuer: SiblingClient,
    private readonly clock: Clock,
    /** The time the issuer's authorization, and its reversal after a fault, may take together. */
    private readonly hopTimeoutMs: number,
  ) {
    this.events = clearingEventOutbox(() => this.clock.now());
  }

  async authorize(payment: PaymentDescriptor, identity: Identity | null): Promise<HopOutcome> {
    const reserved = await this.reserve(payment);
    if ('outcome' in reserved) return reserved.outcome;
    const forwarded = { ...payment, transactionId: reserved.transactionId };

    let answer: HopOutcome;
    const deadline = Date.now() + this.hopTimeoutMs;
    try {
      answer = await this.issuer.post<HopOutcome>('payments/authorize', forwarded, identity);
    } catch (error) {
      if (!(error instanceof HopUnavailable)) throw error;
      // We cannot know what the issuer did: make sure it did nothing, then give our leg back.
      // Waited for within the budget only (hop-budget.ts): the wallet hears of the fault before
      // its own timeout, and reverses the chain again itself, so one unfinished here is not lost.
      const reversal = this.issuer.post('payments/reverse', forwarded).then(() => this.settle(payment.paymentId, 'REVERSED', null));
      reversal.catch(() => undefined);
      await settledWithin(reversal, deadline);
      throw error;
    }
    if (answer.status === 'APPROVED') {
      const approved = await this.settle(payment.paymentId, 'APPROVED', null, payment);
      // A reversal got here first: the issuer's leg was reversed with it.
      return approved ? { status: 'APPROVED', transactionId: reserved.transactionId } : { status: 'REVERSED' };
    }
    await this.settle(
      payment.paymentId,
      answer.status === 'DECLINED' ? 'DECLINED' : 'REVERSED',
      answer.status === 'DECLINED' ? answer.error : null,
    );
    return answer.status === 'DECLINED' ? { ...answer, transactionId: reserved.transactionId } : answer;
  }

  /** Undoes the network's leg and (first) the issuer's; records a tombstone if neither exists yet. */
  async reverse(payment: PaymentDescriptor): Promise<ReversalOutcome> {
    const existing = await this.leg(payment.paymentId);
    const forwarded = { ...payment, transactionId: existing?.id ?? payment.transactionId };
    await this.issuer.post('payments/reverse', forwarded);
    // No leg yet: a tombstone, so a late authorization of this payment is refused. If an
    // authorization slipped in meanwhile, settle() below reverses it.
    if (!existing) await this.insertLeg(payment, randomUUID(), 'REVERSED', null);
    await this.settle(payment.paymentId, 'REVERSED', null);
    return { status: 'REVERSED' };
  }

  async status(paymentId: string): Promise<HopOutcome | { status: 'PENDING' | 'UNKNOWN' }> {
    const leg = await this.leg(paymentId);
    if (!leg) return { status: 'UNKNOWN' };
    return this.outcomeOf(leg) ?? { status: 'PENDING' };
  }

  private outcomeOf(leg: LegRow): HopOutcome | null {
    if (leg.status === 'APPROVED') return { status: 'APPROVED', transactionId: leg.id };
    if (leg.status === 'REVERSED') return { status: 'REVERSED' };
    if (leg.status === 'DECLINED') return { status: 'DECLINED', error: JSON.parse(leg.decline!) as CanonicalError, transactionId: leg.id };
    return null;
  }

  private leg(paymentId: string): Promise<LegRow | null> {
    return legOfPayment(this.dataSource, paymentId);
  }

  private insertLeg(
    payment: PaymentDescriptor,
    id: string,
    status: LegStatus,
    manager: EntityManager | null,
    at: Date = this.clock.now(),
  ): Promise<boolean> {
    return insertLegOnce(manager ?? this.dataSource, {
      id,
      paymentId: payment.paymentId,
      cardId: payment.cardId,
      walletPlatform: payment.walletPlatform,
      networkPlatform: this.network.manifest.id,
      merchantName: payment.merchantName,
      merchantCategory: payment.merchantCategory,
      amountFen: payment.amountFen,
      status,
      at,
    });
  }

  /** Claims the payment id and reserves the network's limits, in one transaction. */
  private async reserve(payment: PaymentDescriptor): Promise<{ transactionId: string } | { outcome: HopOutcome }> {
    const transactionId = randomUUID();
    // One instant for the leg and its windows: its created_at says which windows it counted in.
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      if (!(await this.insertLeg(payment, transactionId, 'PENDING', m, now))) {
        const outcome = this.outcomeOf((await legOfPayment(m, payment.paymentId))!);
        if (!outcome) throw new HopUnavailable('payments/authorize', 'the same payment is already being routed');
        return { outcome };
      }
      const result = await reserveLimits(
        m,
        CLEARING_SCHEMA,
        this.network.limits,
        networkScopeKeyOf(payment),
        BigInt(payment.amountFen),
        now,
      );
      if (!result.ok) {
        const error = declineFor(this.network, 'LIMIT_EXCEEDED', '61', result.rule);
        await declineLeg(m, payment.paymentId, error.code, JSON.stringify(error));
        return { outcome: { status: 'DECLINED', error, transactionId } };
      }
      await recordReservations(m, payment.paymentId, JSON.stringify(result.reservations));
      return { transactionId };
    });
  }

  /**
   * Moves a PENDING (or, for a reversal, an APPROVED) leg to its end state, giving the
   * reserved limits back unless it was approved. An approval (of `payment`) warns of the
   * network's windows it took to 80 %, in the same transaction: the warning commits with the
   * approval or not at all. Returns false when another outcome won.
   */
  private async settle(
    paymentId: string,
    to: 'APPROVED' | 'DECLINED' | 'REVERSED',
    error: CanonicalError | null,
    payment?: PaymentDescriptor,
  ): Promise<boolean> {
    const from: LegStatus[] = to === 'REVERSED' ? ['PENDING', 'APPROVED'] : ['PENDING'];
    return this.dataSource.transaction(async (m) => {
      const settled = await settleLeg(m, {
        paymentId,
        to,
        from,
        declineCode: error?.code ?? null,
        decline: error ? JSON.stringify(error) : null,
        at: this.clock.now(),
      });
      if (!settled) return false;
      if (to !== 'APPROVED' && settled.reservations) {
        await releaseLimits(m, CLEARING_SCHEMA, JSON.parse(settled.reservations) as Reservation[]);
      }
      if (to === 'APPROVED' && payment && settled.reservations) {
        await warnNetworkLimitsNearlyUsed(
          m,
          this.events,
          { platform: this.network.manifest.id, limits: this.network.limits },
          { customerId: payment.customerId, cardId: payment.cardId },
          JSON.parse(settled.reservations) as Reservation[],
          settled.createdAt,
          this.clock.now(),
        );
      }
      return true;
    });
  }
}
