/**
 * Events another service published, received from the broker into a subgraph's own database:
 * the consumer's side of the outbox. A row per event id, so a repeat (a relay's retry, the
 * broker's redelivery, the same stream read by every replica of the consumer) is stored once;
 * `position` is the order the events were first stored in, which is the order a reader follows
 * (and resumes from) whichever service wrote them.
 *
 * Same columns as the outbox (event-outbox.ts), so its row shape and mapping serve both.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { returnedRows, type SqlRunner } from '../db/sql';
import { assertPublishable, DOMAIN_EVENT_TYPES, type DomainEventMessage } from './domain-event';
import { notifyChannel, outboxSignalOf } from './outbox-signal';

export const EVENT_INBOX_TABLE = 'event_inbox';

export function createEventInboxSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.${EVENT_INBOX_TABLE} (
      position bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      customer_id uuid NOT NULL,
      card_id uuid,
      platform text,
      error_code text,
      payload jsonb NOT NULL,
      -- The broker's sequence of the message (JetStream), where a consumer resumes; null on the in-process bus.
      stream_sequence bigint,
      received_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Resuming and reading one customer's activity.
    `CREATE INDEX event_inbox_customer ON ${schema}.${EVENT_INBOX_TABLE} (customer_id, position)`,
  ];
}

/** The migration that creates the inbox in `schema`; a subgraph that consumes events lists it. */
export function eventInboxMigration(schema: string): new () => MigrationInterface {
  return class CreateEventInbox1797033600000 implements MigrationInterface {
    name = 'CreateEventInbox1797033600000';
    async up(q: QueryRunner): Promise<void> {
      for (const sql of createEventInboxSql(schema)) await q.query(sql);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.${EVENT_INBOX_TABLE}`);
    }
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a received message is an event this code knows, shaped as the relays send it. */
export function isEventMessage(value: unknown): value is DomainEventMessage {
  const m = value as Partial<DomainEventMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.id === 'string' &&
    UUID.test(m.id) &&
    typeof m.customerId === 'string' &&
    UUID.test(m.customerId) &&
    (m.cardId == null || (typeof m.cardId === 'string' && UUID.test(m.cardId))) &&
    (DOMAIN_EVENT_TYPES as readonly string[]).includes(m.type as string) &&
    typeof m.occurredAt === 'string' &&
    !Number.isNaN(Date.parse(m.occurredAt)) &&
    typeof m.payload === 'object' &&
    m.payload !== null
  );
}

/**
 * Stores a received event once: true when this call stored it. The NOT EXISTS keeps a repeat
 * from drawing a position (ON CONFLICT alone would take one from the sequence and leave a gap
 * the readers wait on); ON CONFLICT covers two replicas storing the same event at once. A row
 * stored wakes the inbox's readers as the outbox's writer wakes its own (outbox-signal.ts):
 * here at once, other replicas by the notification the same statement sends on commit.
 */
export async function storeReceivedEvent(
  db: SqlRunner,
  schema: string,
  event: DomainEventMessage,
  streamSequence: number | null,
): Promise<boolean> {
  // What the outbox refused to hold is refused here too: a message is not trusted for being on the broker.
  assertPublishable(event.payload);
  const table = `${schema}.${EVENT_INBOX_TABLE}`;
  const rows = (await db.query(
    `WITH stored AS (
       INSERT INTO ${table} (id, type, occurred_at, customer_id, card_id, platform, error_code, payload, stream_sequence)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
       WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE id = $1)
       ON CONFLICT (id) DO NOTHING
       RETURNING position)
     SELECT pg_notify($10, '') FROM stored`,
    [
      event.id,
      event.type,
      new Date(event.occurredAt),
      event.customerId,
      event.cardId ?? null,
      event.platform ?? null,
      event.errorCode ?? null,
      JSON.stringify(event.payload),
      streamSequence,
      notifyChannel(table),
    ],
  )) as unknown[];
  if (rows.length === 0) return false;
  outboxSignalOf(db)?.markWritten(db, table);
  return true;
}

/**
 * The broker sequence of the last event stored from the stream: a consumer that starts resumes
 * after it. The last stored, not the highest: events are stored in stream order, and after a
 * stream made again the highest may be the old stream's. The row holding it is never trimmed
 * (trimEventInbox), so trimming never sends a consumer back to the stream's start.
 */
export async function lastStoredSequence(db: SqlRunner, schema: string): Promise<number> {
  const [row] = (await db.query(
    `SELECT stream_sequence AS last FROM ${schema}.${EVENT_INBOX_TABLE} WHERE stream_sequence IS NOT NULL ORDER BY position DESC LIMIT 1`,
  )) as Array<{ last: string }>;
  return row ? Number(row.last) : 0;
}

/**
 * Deletes up to `limit` inbox rows stored before `cutoff`, oldest first; the number deleted.
 * The last row stored from the stream stays whatever its age: it is where a consumer resumes.
 * `keep`: a further condition on the row (alias `i`) that keeps it, e.g. not yet fanned out.
 */
export async function trimEventInbox(db: SqlRunner, schema: string, cutoff: Date, limit: number, keep?: string): Promise<number> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const table = `${schema}.${EVENT_INBOX_TABLE}`;
  const rows = await db.query(
    `DELETE FROM ${table} WHERE position IN (
       SELECT i.position FROM ${table} i
       WHERE i.received_at < $1 ${keep ? `AND NOT (${keep})` : ''}
         AND i.position IS DISTINCT FROM (SELECT MAX(position) FROM ${table} WHERE stream_sequence IS NOT NULL)
       ORDER BY i.position LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING position`,
    [cutoff, limit],
  );
  return returnedRows(rows).length;
}
