/**
 * What one hop of the payment chain sends the next (wallet → clearing → issuer) and what
 * it gets back. Every hop is idempotent by `paymentId`; a reversal carries the same
 * descriptor, so a hop that never saw the payment can still record that it must not happen.
 */
import type { CanonicalError } from '@cardweave/adapter-sdk';

export interface PaymentDescriptor {
  paymentId: string;
  customerId: string;
  cardId: string;
  walletPlatform: string;
  /** Whole fen, as a decimal string (JSON has no bigint). */
  amountFen: string;
  merchantName: string;
  merchantCategory: string;
  /** Set by clearing when it forwards the payment to the issuer. */
  transactionId?: string;
}

export type HopOutcome =
  | { status: 'APPROVED'; transactionId?: string }
  | { status: 'DECLINED'; error: CanonicalError; transactionId?: string }
  /** The payment was reversed (or a reversal arrived first): it did not and will not happen. */
  | { status: 'REVERSED' };

export type ReversalOutcome = { status: 'REVERSED' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a descriptor that arrived over the wire; throws on anything malformed. */
export function parsePaymentDescriptor(body: unknown): PaymentDescriptor {
  const b = body as Record<string, unknown>;
  const text = (k: string, max = 200) => {
    const v = b?.[k];
    if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new Error(`payment descriptor: bad ${k}`);
    return v;
  };
  const descriptor: PaymentDescriptor = {
    paymentId: text('paymentId'),
    customerId: text('customerId'),
    cardId: text('cardId'),
    walletPlatform: text('walletPlatform', 64),
    amountFen: text('amountFen', 18),
    merchantName: text('merchantName'),
    merchantCategory: text('merchantCategory', 4),
    transactionId: b?.transactionId === undefined ? undefined : text('transactionId'),
  };
  for (const k of ['paymentId', 'customerId', 'cardId'] as const) {
    if (!UUID.test(descriptor[k])) throw new Error(`payment descriptor: ${k} is not an id`);
  }
  if (descriptor.transactionId && !UUID.test(descriptor.transactionId)) throw new Error('payment descriptor: bad transactionId');
  if (!/^[1-9]\d{0,15}$/.test(descriptor.amountFen)) throw new Error('payment descriptor: amountFen must be positive whole fen');
  return descriptor;
}
