/**
 * The internal routes one hop of the payment chain serves to the hop before it
 * (clearing to the wallet, the issuer to clearing). The server has already verified the
 * caller's signature; here: only the expected sibling, acting for the payment's customer.
 */
import type { InternalRoute } from '../server/subgraph-server';
import type { Identity } from '@cardweave/service-kit';
import { canChangeForCustomer } from '@cardweave/service-kit/permissions';
import { parsePaymentDescriptor, type HopOutcome, type PaymentDescriptor, type ReversalOutcome } from './payment-hop';
import { HopUnavailable } from './sibling-client';

export interface PaymentHop {
  /** `identity`: the customer the caller acts for; the hop passes it on to the next. */
  authorize(payment: PaymentDescriptor, identity: Identity | null): Promise<HopOutcome>;
  reverse(payment: PaymentDescriptor): Promise<ReversalOutcome>;
  status(paymentId: string): Promise<unknown>;
}

function route(
  expectedCaller: string,
  handle: (payment: PaymentDescriptor, identity: Identity | null) => Promise<unknown>,
  needsCustomer: boolean,
): InternalRoute {
  return async (body, caller) => {
    if (caller.service !== expectedCaller) return { status: 403, body: { error: `only ${expectedCaller} calls this route` } };
    let payment: PaymentDescriptor;
    try {
      payment = parsePaymentDescriptor(body);
    } catch (error) {
      return { status: 400, body: { error: (error as Error).message } };
    }
    // Authorizing spends a customer's money: the caller must act as that customer (an
    // operator's identity reads every customer but spends for none). Reversals and status
    // queries give nothing away and are also run by recovery.
    if (needsCustomer && !canChangeForCustomer({ identity: caller.identity }, payment.customerId)) {
      return { status: 403, body: { error: 'the caller does not act for this customer' } };
    }
    try {
      return { status: 200, body: await handle(payment, caller.identity) };
    } catch (error) {
      if (error instanceof HopUnavailable) return { status: 502, body: { error: error.message } };
      throw error;
    }
  };
}

export function paymentRoutes(expectedCaller: string, hop: PaymentHop): Record<string, InternalRoute> {
  return {
    'payments/authorize': route(expectedCaller, (p, identity) => hop.authorize(p, identity), true),
    'payments/reverse': route(expectedCaller, (p) => hop.reverse(p), false),
    'payments/status': route(expectedCaller, (p) => hop.status(p.paymentId), false),
  };
}
