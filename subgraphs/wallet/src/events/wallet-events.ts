/**
 * The wallet's domain events, in its own outbox (wallet.event_outbox), each written in the
 * transaction of its change: a payment's outcome (approved, declined, reversed: the wallet
 * settles the whole chain, so a payment's event is recorded here and nowhere else) and a
 * binding added or removed.
 */
import type { CanonicalError } from '@cardweave/adapter-sdk';
import { EventOutbox, type SqlRunner } from '@cardweave/subgraph-kit';
import type { PaymentEntity, PaymentStatus } from '../db/entities/payment.entity';
import { WALLET_SCHEMA } from '../db/wallet-database';

export function walletEventOutbox(now: () => Date): EventOutbox {
  return new EventOutbox(WALLET_SCHEMA, now);
}

const PAYMENT_EVENT = { APPROVED: 'payment.approved', DECLINED: 'payment.declined', REVERSED: 'payment.reversed' } as const;

/** The event of a payment leg that reached its end state (no event for the states between). */
export async function recordPaymentOutcome(
  events: EventOutbox,
  m: SqlRunner,
  /** No id when the wallet declined before the leg was recorded. */
  payment: Pick<PaymentEntity, 'customerId' | 'cardId' | 'platform' | 'amountFen' | 'merchantName' | 'merchantCategory'> & {
    id: string | null;
  },
  status: PaymentStatus,
  error: CanonicalError | null,
): Promise<void> {
  if (status !== 'APPROVED' && status !== 'DECLINED' && status !== 'REVERSED') return;
  await events.record(m, {
    type: PAYMENT_EVENT[status],
    customerId: payment.customerId,
    cardId: payment.cardId,
    platform: payment.platform,
    errorCode: status === 'DECLINED' ? (error?.code ?? null) : null,
    payload: {
      paymentId: payment.id,
      amountFen: payment.amountFen.toString(),
      merchantName: payment.merchantName,
      merchantCategoryCode: payment.merchantCategory,
    },
  });
}
