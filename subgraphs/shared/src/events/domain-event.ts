/**
 * What the subgraphs tell the world happened: one event per committed change, written in the
 * change's own transaction (event-outbox.ts) and published afterwards (outbox-relay.ts).
 *
 * An event carries only what a client may see about its own card: ids, the platform, the
 * canonical error code of a decline, and a small payload (amounts in fen as decimal strings,
 * the card number masked). Never a full card number, an ID number, a CVV2 or an SMS code:
 * `assertPublishable` refuses them before they reach a table.
 */

export const DOMAIN_EVENT_TYPES = [
  'payment.approved',
  'payment.declined',
  'payment.reversed',
  'repayment.posted',
  'statement.issued',
  'bill.overdue',
  'penalty.posted',
  'card.issued',
  'card.locked',
  'card.unlocked',
  'customer.frozen',
  'customer.unfrozen',
  'binding.added',
  'binding.removed',
  'limit.nearly_used',
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** Flat, small, JSON: money as fen in a decimal string (bigint has no JSON form). */
export type EventPayload = Record<string, string | number | boolean | null>;

/** An event as a change records it; id and time are given by the writer and the clock. */
export interface NewDomainEvent {
  type: DomainEventType;
  customerId: string;
  cardId?: string | null;
  platform?: string | null;
  /** The canonical error code, for a decline. */
  errorCode?: string | null;
  payload?: EventPayload;
}

export interface DomainEvent {
  id: string;
  type: DomainEventType;
  occurredAt: Date;
  customerId: string;
  cardId: string | null;
  platform: string | null;
  errorCode: string | null;
  payload: EventPayload;
}

/** The event as it travels (JSON): what a consumer receives. */
export interface DomainEventMessage {
  id: string;
  type: DomainEventType;
  occurredAt: string;
  customerId: string;
  cardId: string | null;
  platform: string | null;
  errorCode: string | null;
  payload: EventPayload;
}

export function toMessage(event: DomainEvent): DomainEventMessage {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

/** A masked card number: only the last four digits, as the card view shows them. */
export function maskCardNumber(last4: string): string {
  if (!/^\d{4}$/.test(last4)) throw new Error('a masked card number shows exactly the last four digits');
  return `**** **** **** ${last4}`;
}

const SECRET_KEYS = /^(pan|card_?number|full_?card_?number|id_?number|id_?card|cvv2?|cvn2?|sms_?code|code|password)$/i;
/** 13 to 19 digits in a row, however spaced: a card number; 18 characters ending in a digit or X: an ID number. */
const CARD_NUMBER = /(?:\d[ -]?){12}\d/;
const ID_NUMBER = /\d{17}[\dXx]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a payload that holds (or looks like it holds) a secret; events are read by many. */
export function assertPublishable(payload: EventPayload): void {
  for (const [key, value] of Object.entries(payload)) {
    if (SECRET_KEYS.test(key)) throw new Error(`event payload field "${key}" may hold a secret and is never published`);
    if (typeof value === 'string' && !UUID.test(value) && (CARD_NUMBER.test(value) || ID_NUMBER.test(value)))
      throw new Error(`event payload field "${key}" looks like a card or ID number and is never published`);
  }
}
