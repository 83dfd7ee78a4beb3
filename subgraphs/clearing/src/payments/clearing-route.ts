/**
 * The clearing network's hop of a payment: the network's limits on the card, reserved
 * atomically in the clearing database, then the issuer's answer. A decline or a fault
 * downstream gives the reservation back; a fault first reverses the issuer's leg, so the
 * network never keeps a leg the issuer does not have.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CanonicalError, Clock, PlatformAdapter } from '@cardweave/adapter-sdk';
import type { Identity } from '@cardweave/service-kit';
import { declineFor, releaseLimits, reserveLimits, HopUnavailable } from '@cardweave/subgraph-kit';
import type { HopOutcome, PaymentDescriptor, ReversalOutcome, Reservation, SiblingClient } from '@cardweave/subgraph-kit';
import { CLEARING_SCHEMA } from '../db/clearing-database';

interface LegRow {
  id: string;
  status: 'PENDING' | 'APPROVED' | 'DECLINED' | 'REVERSED';
  decline: string | null;
  reservations: string | null;
}

export class ClearingRoute {
  constructor(
    private readonly dataSource: DataSource,
    private readonly network: PlatformAdapter,
    private readonly issuer: SiblingClient,
    private readonly clock: Clock,
  ) {}

  async authorize(payment: PaymentDescriptor, identity: Identity | null): Promise<HopOutcome> {
    const reserved = await this.reserve(payment);
    if ('outcome' in reserved) return reserved.outcome;
    const forwarded = { ...payment, transactionId: reserved.transactionId };

    let answer: HopOutcome;
    try {
      answer = await this.issuer.post<HopOutcome>('payments/authorize', forwarded, identity);
    } catch (error) {
      if (!(error instanceof HopUnavailable)) throw error;
      // We cannot know what the issuer did: make sure it did nothing, then give our leg back.
      await this.issuer.post('payments/reverse', forwarded);
      await this.settle(payment.paymentId, 'REVERSED', null);
      throw error;
    }
    if (answer.status === 'APPROVED') {
      const approved = await this.settle(payment.paymentId, 'APPROVED', null);
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

  private async leg(paymentId: string): Promise<LegRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT id, status, decline, reservations FROM clearing.transactions WHERE payment_id = $1`, [
      paymentId,
    ])) as LegRow[];
    return rows[0];
  }

  private async insertLeg(
    payment: PaymentDescriptor,
    id: string,
    status: LegRow['status'],
    manager: Pick<DataSource, 'query'> | null,
  ): Promise<boolean> {
    const now = this.clock.now();
    const rows = (await (manager ?? this.dataSource).query(
      `INSERT INTO clearing.transactions
         (id, payment_id, card_id, wallet_platform, network_platform, merchant_name, merchant_category, amount_fen, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (payment_id) DO NOTHING RETURNING id`,
      [
        id,
        payment.paymentId,
        payment.cardId,
        payment.walletPlatform,
        this.network.manifest.id,
        payment.merchantName,
        payment.merchantCategory,
        payment.amountFen,
        status,
        now,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Claims the payment id and reserves the network's limits, in one transaction. */
  private async reserve(payment: PaymentDescriptor): Promise<{ transactionId: string } | { outcome: HopOutcome }> {
    const transactionId = randomUUID();
    return this.dataSource.transaction(async (m) => {
      if (!(await this.insertLeg(payment, transactionId, 'PENDING', m))) {
        const [leg] = (await m.query(`SELECT id, status, decline, reservations FROM clearing.transactions WHERE payment_id = $1`, [
          payment.paymentId,
        ])) as LegRow[];
        const outcome = this.outcomeOf(leg);
        if (!outcome) throw new HopUnavailable('payments/authorize', 'the same payment is already being routed');
        return { outcome };
      }
      const result = await reserveLimits(
        m,
        CLEARING_SCHEMA,
        this.network.limits,
        (rule) => (rule.scope === 'CUSTOMER' ? payment.customerId : payment.cardId),
        BigInt(payment.amountFen),
        this.clock.now(),
      );
      if (!result.ok) {
        const error = declineFor(this.network, 'LIMIT_EXCEEDED', '61');
        await m.query(`UPDATE clearing.transactions SET status = 'DECLINED', decline_code = $2, decline = $3 WHERE payment_id = $1`, [
          payment.paymentId,
          error.code,
          JSON.stringify({ ...error, limitRuleId: result.rule.id }),
        ]);
        return { outcome: { status: 'DECLINED', error, transactionId } };
      }
      await m.query(`UPDATE clearing.transactions SET reservations = $2 WHERE payment_id = $1`, [
        payment.paymentId,
        JSON.stringify(result.reservations),
      ]);
      return { transactionId };
    });
  }

  /**
   * Moves a PENDING (or, for a reversal, an APPROVED) leg to its end state, giving the
   * reserved limits back unless it was approved. Returns false when another outcome won.
   */
  private async settle(paymentId: string, to: 'APPROVED' | 'DECLINED' | 'REVERSED', error: CanonicalError | null): Promise<boolean> {
    const from = to === 'REVERSED' ? ['PENDING', 'APPROVED'] : ['PENDING'];
    return this.dataSource.transaction(async (m) => {
      const result = (await m.query(
        `UPDATE clearing.transactions SET status = $2, decline_code = COALESCE($3, decline_code), decline = COALESCE($4, decline), updated_at = $5
          WHERE payment_id = $1 AND status = ANY($6) RETURNING reservations`,
        [paymentId, to, error?.code ?? null, error ? JSON.stringify(error) : null, this.clock.now(), from],
      )) as [Array<{ reservations: string | null }>, number];
      const rows = result[0];
      if (rows.length === 0) return false;
      if (to !== 'APPROVED' && rows[0].reservations) {
        await releaseLimits(m, CLEARING_SCHEMA, JSON.parse(rows[0].reservations) as Reservation[]);
      }
      return true;
    });
  }
}
