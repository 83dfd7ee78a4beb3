/**
 * The transactional outbox: each subgraph keeps the events of its changes in its own schema,
 * inserted by the transaction that makes the change. The event commits with the change or
 * rolls back with it, so there is no event without its change and no change without its
 * event; publishing is the relay's (outbox-relay.ts), after the commit, which wakes it
 * (outbox-signal.ts).
 *
 * Rows are ordered by `position`; events of one card (or, for an event without a card, of
 * one customer) share an `ordering_key` and are published in position order.
 */
import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { SqlRunner } from '../db/sql';
import { notifyChannel, outboxSignalOf } from './outbox-signal';
import { assertPublishable, type DomainEvent, type DomainEventType, type EventPayload, type NewDomainEvent } from './domain-event';

/** An outbox row as the readers (the relay, the subscriptions' feed) select it. */
export interface OutboxRow {
  position: string;
  id: string;
  type: DomainEventType;
  occurred_at: Date;
  customer_id: string;
  card_id: string | null;
  platform: string | null;
  error_code: string | null;
  /** jsonb: parsed by pg, a string from RETURNING on some drivers. */
  payload: EventPayload | string;
}

/** The columns an OutboxRow holds, for SELECT and RETURNING. */
export const OUTBOX_COLUMNS = 'position, id, type, occurred_at, customer_id, card_id, platform, error_code, payload';

export function eventFromOutboxRow(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    type: row.type,
    occurredAt: new Date(row.occurred_at),
    customerId: row.customer_id,
    cardId: row.card_id,
    platform: row.platform,
    errorCode: row.error_code,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as EventPayload) : row.payload,
  };
}

export function createEventOutboxSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.event_outbox (
      position bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      customer_id uuid NOT NULL,
      card_id uuid,
      platform text,
      error_code text,
      payload jsonb NOT NULL,
      ordering_key uuid GENERATED ALWAYS AS (COALESCE(card_id, customer_id)) STORED,
      claimed_until timestamptz,
      published_at timestamptz
    )`,
    // The relay reads only what is still to publish, per ordering key in position order.
    `CREATE INDEX event_outbox_pending ON ${schema}.event_outbox (ordering_key, position) WHERE published_at IS NULL`,
  ];
}

/** The migration that creates the outbox in `schema`; each subgraph lists it with its own. */
export function eventOutboxMigration(schema: string): new () => MigrationInterface {
  return class CreateEventOutbox1796774400000 implements MigrationInterface {
    name = 'CreateEventOutbox1796774400000';
    async up(q: QueryRunner): Promise<void> {
      for (const sql of createEventOutboxSql(schema)) await q.query(sql);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.event_outbox`);
    }
  };
}

/**
 * Records one event with one INSERT on `m`, which must be the transaction's manager of the
 * change it describes (outside a transaction the event could outlive a failed change).
 */
export async function recordEvent(m: SqlRunner, schema: string, event: NewDomainEvent, occurredAt: Date): Promise<DomainEvent> {
  const payload = event.payload ?? {};
  assertPublishable(payload);
  const recorded: DomainEvent = {
    id: randomUUID(),
    type: event.type,
    occurredAt,
    customerId: event.customerId,
    cardId: event.cardId ?? null,
    platform: event.platform ?? null,
    errorCode: event.errorCode ?? null,
    payload,
  };
  // One statement: the row, and the notification that wakes other replicas' readers on commit.
  await m.query(
    `WITH recorded AS (
       INSERT INTO ${schema}.event_outbox (id, type, occurred_at, customer_id, card_id, platform, error_code, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING position)
     SELECT pg_notify($9, '') FROM recorded`,
    [
      recorded.id,
      recorded.type,
      recorded.occurredAt,
      recorded.customerId,
      recorded.cardId,
      recorded.platform,
      recorded.errorCode,
      JSON.stringify(payload),
      notifyChannel(`${schema}.event_outbox`),
    ],
  );
  // This process's readers wake once the transaction commits.
  outboxSignalOf(m)?.markWritten(m, `${schema}.event_outbox`);
  return recorded;
}

/** A writer bound to one subgraph's schema and clock, for its services. */
export class EventOutbox {
  constructor(
    readonly schema: string,
    private readonly now: () => Date,
  ) {}

  record(m: SqlRunner, event: NewDomainEvent): Promise<DomainEvent> {
    return recordEvent(m, this.schema, event, this.now());
  }
}
