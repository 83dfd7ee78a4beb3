/**
 * The issuer's hop of a payment: the account and the card must be able to pay, and the
 * credit line must have room. All of it in one transaction of the issuer's database,
 * with the credit taken by a conditional UPDATE, so concurrent payments from any number
 * of replicas can never spend more than the line.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdapterRegistry, CanonicalError, Clock, PlatformAdapter } from '@cardweave/adapter-sdk';
import { declineFor, recordLimitAlerts, releaseLimits, reserveLimits } from '@cardweave/subgraph-kit';
import type { HopOutcome, PaymentDescriptor, Reservation, ReversalOutcome } from '@cardweave/subgraph-kit';
import {
  blockedCategoryDecline,
  cardholderPlatform,
  holderControlsOf,
  holderLimitDecline,
  holderRules,
  reservationRules,
} from '../cardholder/cardholder-rules';
import { issuerEventOutbox } from '../events/issuer-events';
import { merchantCategoryGroupOf } from '../cardholder/merchant-category-groups';
import { ISSUER_SCHEMA } from '../db/issuer-database';
import {
  authorizationOf,
  claimAuthorization,
  lockAuthorization,
  markRefused,
  markReversed,
  recordReservations,
  rollbackToSavepoint,
  savepoint,
  type AuthorizationRow,
} from '../db/queries/authorization.queries';
import { billsOfCreditLine } from '../db/queries/bill.queries';
import { deleteUnbilledPurchase, insertUnbilledPurchase } from '../db/queries/bill-item.queries';
import { shareCard } from '../db/queries/holder-controls.queries';
import { restoreCreditOfCard, takeCredit } from '../db/queries/credit-line.queries';
import { shareCustomer } from '../db/queries/customer.queries';
import { spendBlockCode } from '../domain/issuer-limit';
import { programDateOf } from '../domain/calendar-dates';
import { isBillOverdue } from '../domain/overdue';

function outcomeOf(row: AuthorizationRow): HopOutcome {
  if (row.status === 'APPROVED') return { status: 'APPROVED' };
  if (row.status === 'REVERSED') return { status: 'REVERSED' };
  return { status: 'DECLINED', error: JSON.parse(row.decline!) as CanonicalError };
}

export class IssuerAuthorizations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: AdapterRegistry,
    private readonly clock: Clock,
  ) {}

  /** The identity was checked by the route (it acts for the payment's customer). */
  async authorize(payment: PaymentDescriptor): Promise<HopOutcome> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      // Claiming the payment id first makes a duplicate wait for, then replay, the first.
      if (!(await this.claim(m, payment, 'APPROVED', now))) return outcomeOf((await authorizationOf(m, payment.paymentId))!);

      const decline = await this.declineReason(m, payment, now);
      if (decline) {
        await markRefused(m, payment.paymentId, JSON.stringify(decline));
        return { status: 'DECLINED', error: decline };
      }
      // The purchase awaits the next statement as an unbilled posting (bill_id NULL).
      await insertUnbilledPurchase(m, {
        id: randomUUID(),
        cardId: payment.cardId,
        amountFen: payment.amountFen,
        postedAt: now,
        transactionId: payment.transactionId ?? null,
      });
      return { status: 'APPROVED' };
    });
  }

  /** Undoes the issuer's leg, or records that it must never happen. Idempotent. */
  async reverse(payment: PaymentDescriptor): Promise<ReversalOutcome> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      // Nothing to undo yet: the tombstone refuses a late authorization of this payment.
      if (await this.claim(m, payment, 'REVERSED', now)) return;
      const row = await lockAuthorization(m, payment.paymentId);
      if (row.status === 'REVERSED') return;
      if (row.status === 'APPROVED') {
        await restoreCreditOfCard(m, row.card_id, row.amount_fen);
        if (row.reservations) await releaseLimits(m, ISSUER_SCHEMA, JSON.parse(row.reservations) as Reservation[]);
        // Reversals come within seconds, before a statement; a billed purchase would need a credit item instead.
        await deleteUnbilledPurchase(m, row.transaction_id);
      }
      await markReversed(m, payment.paymentId, now);
    });
    return { status: 'REVERSED' };
  }

  async status(paymentId: string): Promise<HopOutcome | { status: 'UNKNOWN' }> {
    const row = await authorizationOf(this.dataSource, paymentId);
    return row ? outcomeOf(row) : { status: 'UNKNOWN' };
  }

  /** Records the payment's leg with `status` unless one exists; true when this call created it. */
  private claim(m: EntityManager, payment: PaymentDescriptor, status: 'APPROVED' | 'REVERSED', now: Date): Promise<boolean> {
    return claimAuthorization(m, {
      paymentId: payment.paymentId,
      cardId: payment.cardId,
      transactionId: payment.transactionId ?? null,
      amountFen: payment.amountFen,
      status,
      at: now,
    });
  }

  /** Why the issuer refuses this payment, or null after taking the credit. */
  private async declineReason(m: EntityManager, payment: PaymentDescriptor, now: Date): Promise<CanonicalError | null> {
    // FOR SHARE: a lock or new holder controls wait for the payment, or the payment sees them.
    const found = await shareCard(m, payment.cardId);
    // Another customer's card is refused exactly as an absent one, naming no issuer of its own.
    const card = found && found.customerId === payment.customerId ? found : null;
    const issuer: PlatformAdapter = this.registry.get(card?.issuerPlatform ?? this.registry.single('issuer').manifest.id);
    if (!card) return declineFor(issuer, 'TRANSACTION_NOT_PERMITTED');
    // FOR SHARE: a freeze (an UPDATE of this row) waits for the payment, or the payment sees the freeze.
    const customer = await shareCustomer(m, card.customerId);
    if (!customer) throw new Error(`card ${card.id} without customer`);
    const day = programDateOf(now);
    const bills = await billsOfCreditLine(m, card.creditLineId);
    const blocked = spendBlockCode(
      customer,
      card,
      bills.some((b) => isBillOverdue(b, day)),
      day,
    );
    if (blocked) return declineFor(issuer, blocked as Parameters<typeof declineFor>[1]);

    // The holder's own controls, as the `cardholder` platform's rules (cardholder/cardholder-rules.ts).
    const controls = holderControlsOf(card);
    const group = merchantCategoryGroupOf(payment.merchantCategory);
    if (group && controls.blockedMerchantCategories.includes(group)) return blockedCategoryDecline(group);
    await savepoint(m, 'holder_limits');
    const reserved = await reserveLimits(m, ISSUER_SCHEMA, reservationRules(controls), () => card.id, BigInt(payment.amountFen), now);
    if (!reserved.ok) {
      // Windows reserved before the one that refused are undone with it.
      await rollbackToSavepoint(m, 'holder_limits');
      return holderLimitDecline(reserved.rule);
    }
    if (!(await takeCredit(m, card.creditLineId, payment.amountFen))) {
      await rollbackToSavepoint(m, 'holder_limits');
      return declineFor(issuer, 'INSUFFICIENT_CREDIT');
    }
    await recordReservations(m, payment.paymentId, JSON.stringify(reserved.reservations));
    // The holder's own limits only (the counting rules without a limit never warn), once the payment is sure to be taken.
    await recordLimitAlerts(
      m,
      ISSUER_SCHEMA,
      issuerEventOutbox(() => now),
      reserved.windows,
      holderRules(controls),
      {
        customerId: card.customerId,
        cardId: card.id,
        platform: cardholderPlatform.id,
      },
      now,
    );
    return null;
  }
}
