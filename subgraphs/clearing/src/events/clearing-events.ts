/**
 * The clearing network's domain events, in its own outbox (clearing.event_outbox), each written
 * in the transaction of its change. A payment's outcome is the wallet's event (it settles the
 * chain); the network writes only what it alone knows: a window of its own limits on the card
 * (UnionPay's daily or yearly amount) that an approved payment took to 80 % or more.
 */
import type { LimitRule } from '@cardweave/adapter-sdk';
import { EventOutbox, recordLimitAlerts, reservedWindowsNow, type Reservation, type SqlRunner } from '@cardweave/subgraph-kit';
import { CLEARING_SCHEMA } from '../db/clearing-database';

export function clearingEventOutbox(now: () => Date): EventOutbox {
  return new EventOutbox(CLEARING_SCHEMA, now);
}

/** The payer a network limit counts against: the customer or the card, as the rule's scope says. */
export function networkScopeKeyOf(payer: { customerId: string; cardId: string }): (rule: LimitRule) => string {
  return (rule) => (rule.scope === 'CUSTOMER' ? payer.customerId : payer.cardId);
}

/**
 * Warns of each window of the network's limits that stands at 80 % or more now that this payment
 * is approved, once per window and rule; `m` must be the transaction that approves the network's
 * leg. Not when reserved: a payment the issuer declines gives its usage back and must neither warn
 * nor use up the window's one warning. The windows' usage is read in one statement.
 */
export async function warnNetworkLimitsNearlyUsed(
  m: SqlRunner,
  events: EventOutbox,
  network: { platform: string; limits: readonly LimitRule[] },
  payer: { customerId: string; cardId: string },
  reservations: readonly Reservation[],
  reservedAt: Date,
  now: Date,
): Promise<number> {
  const windows = await reservedWindowsNow(m, CLEARING_SCHEMA, reservations, network.limits, networkScopeKeyOf(payer), reservedAt);
  return recordLimitAlerts(m, CLEARING_SCHEMA, events, windows, network.limits, { ...payer, platform: network.platform }, now);
}
