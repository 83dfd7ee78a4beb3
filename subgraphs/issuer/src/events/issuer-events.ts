/**
 * The issuer's domain events, in its own outbox (issuer.event_outbox), each written in the
 * transaction of its change. A payment's events are the wallet's, which settles the chain.
 */
import { EventOutbox, maskCardNumber, type SqlRunner } from '@cardweave/subgraph-kit';
import type { CardEntity } from '../db/entities/card.entity';
import { ISSUER_SCHEMA } from '../db/issuer-database';

export function issuerEventOutbox(now: () => Date): EventOutbox {
  return new EventOutbox(ISSUER_SCHEMA, now);
}

/** A card's lock state changed by its holder. */
export async function recordCardLockChange(
  events: EventOutbox,
  m: SqlRunner,
  card: Pick<CardEntity, 'id' | 'customerId' | 'issuerPlatform' | 'last4'>,
  target: 'LOCKED' | 'ACTIVE',
): Promise<void> {
  await events.record(m, {
    type: target === 'LOCKED' ? 'card.locked' : 'card.unlocked',
    customerId: card.customerId,
    cardId: card.id,
    platform: card.issuerPlatform,
    payload: { maskedCardNumber: maskCardNumber(card.last4) },
  });
}

/** The issuer froze a customer pending review, or released them; the reason stays with the operators. */
export async function recordCustomerStatusChange(
  events: EventOutbox,
  m: SqlRunner,
  customerId: string,
  platform: string,
  target: 'FROZEN' | 'ACTIVE',
): Promise<void> {
  await events.record(m, { type: target === 'FROZEN' ? 'customer.frozen' : 'customer.unfrozen', customerId, platform });
}
