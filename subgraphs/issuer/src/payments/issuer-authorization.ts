/**
 * The issuer's hop of a payment: the account and the card must be able to pay, and the
 * credit line must have room. All of it in one transaction of the issuer's database,
 * with the credit taken by a conditional UPDATE, so concurrent payments from any number
 * of replicas can never spend more than the line.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdapterRegistry, CanonicalError, Clock, PlatformAdapter } from '@cardweave/adapter-sdk';
import { declineFor } from '@cardweave/subgraph-kit';
import type { HopOutcome, PaymentDescriptor, ReversalOutcome } from '@cardweave/subgraph-kit';
import { BillEntity } from '../db/entities/bill.entity';
import { CardEntity } from '../db/entities/card.entity';
import { CustomerEntity } from '../db/entities/customer.entity';
import { spendBlockCode } from '../domain/issuer-limit';
import { programDateOf } from '../domain/calendar-dates';
import { isBillOverdue } from '../domain/overdue';

interface AuthorizationRow {
  status: 'APPROVED' | 'REFUSED' | 'REVERSED';
  decline: string | null;
  amount_fen: string;
  card_id: string;
  transaction_id: string | null;
}

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
      if (!(await this.claim(m, payment, 'APPROVED', now))) return outcomeOf(await this.row(m, payment.paymentId));

      const decline = await this.declineReason(m, payment, now);
      if (decline) {
        await m.query(`UPDATE issuer.authorizations SET status = 'REFUSED', decline = $2 WHERE payment_id = $1`, [
          payment.paymentId,
          JSON.stringify(decline),
        ]);
        return { status: 'DECLINED', error: decline };
      }
      // The purchase awaits the next statement as an unbilled posting (bill_id NULL).
      await m.query(
        `INSERT INTO issuer.bill_items (id, bill_id, card_id, kind, amount_fen, posted_at, transaction_id)
         VALUES ($1, NULL, $2, 'PURCHASE', $3, $4, $5)`,
        [randomUUID(), payment.cardId, payment.amountFen, now, payment.transactionId ?? null],
      );
      return { status: 'APPROVED' };
    });
  }

  /** Undoes the issuer's leg, or records that it must never happen. Idempotent. */
  async reverse(payment: PaymentDescriptor): Promise<ReversalOutcome> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      // Nothing to undo yet: the tombstone refuses a late authorization of this payment.
      if (await this.claim(m, payment, 'REVERSED', now)) return;
      const [row] = (await m.query(
        `SELECT status, amount_fen, card_id, transaction_id FROM issuer.authorizations WHERE payment_id = $1 FOR UPDATE`,
        [payment.paymentId],
      )) as AuthorizationRow[];
      if (row.status === 'REVERSED') return;
      if (row.status === 'APPROVED') {
        await m.query(
          `UPDATE issuer.credit_lines SET used_fen = used_fen - $2
            WHERE id = (SELECT credit_line_id FROM issuer.cards WHERE id = $1)`,
          [row.card_id, row.amount_fen],
        );
        // Reversals come within seconds, before a statement; a billed purchase would need a credit item instead.
        await m.query(`DELETE FROM issuer.bill_items WHERE transaction_id = $1 AND kind = 'PURCHASE' AND bill_id IS NULL`, [
          row.transaction_id,
        ]);
      }
      await m.query(`UPDATE issuer.authorizations SET status = 'REVERSED', updated_at = $2 WHERE payment_id = $1`, [
        payment.paymentId,
        now,
      ]);
    });
    return { status: 'REVERSED' };
  }

  async status(paymentId: string): Promise<HopOutcome | { status: 'UNKNOWN' }> {
    const rows = (await this.dataSource.query(`SELECT * FROM issuer.authorizations WHERE payment_id = $1`, [
      paymentId,
    ])) as AuthorizationRow[];
    return rows.length ? outcomeOf(rows[0]) : { status: 'UNKNOWN' };
  }

  /** Records the payment's leg with `status` unless one exists; true when this call created it. */
  private async claim(m: EntityManager, payment: PaymentDescriptor, status: 'APPROVED' | 'REVERSED', now: Date): Promise<boolean> {
    const rows = (await m.query(
      `INSERT INTO issuer.authorizations (payment_id, card_id, transaction_id, amount_fen, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id`,
      [payment.paymentId, payment.cardId, payment.transactionId ?? null, payment.amountFen, status, now],
    )) as unknown[];
    return rows.length === 1;
  }

  private async row(m: EntityManager, paymentId: string): Promise<AuthorizationRow> {
    const [row] = (await m.query(`SELECT * FROM issuer.authorizations WHERE payment_id = $1`, [paymentId])) as AuthorizationRow[];
    return row;
  }

  /** Why the issuer refuses this payment, or null after taking the credit. */
  private async declineReason(m: EntityManager, payment: PaymentDescriptor, now: Date): Promise<CanonicalError | null> {
    const card = await m.getRepository(CardEntity).findOneBy({ id: payment.cardId });
    const issuer: PlatformAdapter = this.registry.get(card?.issuerPlatform ?? this.registry.single('issuer').manifest.id);
    if (!card || card.customerId !== payment.customerId) return declineFor(issuer, 'TRANSACTION_NOT_PERMITTED');
    // FOR SHARE: a freeze (an UPDATE of this row) waits for the payment, or the payment sees the freeze.
    const customer = await m
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_read')
      .where('c.id = :id', { id: card.customerId })
      .getOneOrFail();
    const day = programDateOf(now);
    const bills = await m.getRepository(BillEntity).findBy({ creditLineId: card.creditLineId });
    const blocked = spendBlockCode(
      customer,
      card,
      bills.some((b) => isBillOverdue(b, day)),
      day,
    );
    if (blocked) return declineFor(issuer, blocked as Parameters<typeof declineFor>[1]);
    const taken = (await m.query(
      `UPDATE issuer.credit_lines SET used_fen = used_fen + $2 WHERE id = $1 AND used_fen + $2 <= limit_fen RETURNING used_fen`,
      [card.creditLineId, payment.amountFen],
    )) as unknown[];
    // TypeORM's postgres driver returns [rows, affected] for UPDATE … RETURNING.
    const rows = Array.isArray(taken[0]) ? (taken[0] as unknown[]) : taken;
    return rows.length === 0 ? declineFor(issuer, 'INSUFFICIENT_CREDIT') : null;
  }
}
