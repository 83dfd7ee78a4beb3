/**
 * Events do not stay for ever: an outbox's published rows and the wallet's inbox rows older than
 * the retention go, in batches, by the job beside the relay and the inbox. Never a row still to
 * publish, nor an inbox row the webhooks still need (not fanned out, or a delivery refers to it);
 * and the inbox's last row from the stream stays, so an inbox started after trimming resumes after
 * it (on NATS) instead of reading the stream again and storing trimmed events a second time.
 */
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  ensureStream,
  eventInboxMigration,
  eventOutboxMigration,
  InProcessEventBus,
  lastStoredSequence,
  openSubgraphDatabase,
  recordEvent,
  startEventInbox,
  startEventRelay,
  storeReceivedEvent,
  toMessage,
  trimEventInbox,
  type DomainEvent,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { startInboxRetention, WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function open(schema: string, migrations: Array<new () => unknown>): Promise<SubgraphDatabase> {
  return openSubgraphDatabase({ url: database.url, schema, entities: [], migrations: migrations as never, poolSize: 2 });
}

function event(customerId: string, i: number): DomainEvent {
  return {
    id: randomUUID(),
    type: 'payment.approved',
    occurredAt: new Date(),
    customerId,
    cardId: randomUUID(),
    platform: 'wechat-pay',
    errorCode: null,
    payload: { amountFen: String(100 + i) },
  };
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  for (const deadline = Date.now() + ms; !(await check()); await new Promise((resolve) => setTimeout(resolve, 50)))
    if (Date.now() > deadline) throw new Error('not within the time');
}

it("beside the relay: an outbox's rows published more than the retention ago go, in batches; pending and recent ones stay", async () => {
  const schema = 'outbox_retention_test';
  const db = await open(schema, [eventOutboxMigration(schema)]);
  const customerId = randomUUID();
  const write = (count: number) =>
    db.dataSource.transaction(async (m) => {
      for (let i = 0; i < count; i++)
        await recordEvent(m, schema, { type: 'payment.approved', customerId, payload: { amountFen: String(i) } }, new Date());
    });
  try {
    // 600 published 40 days ago (more than one batch), 3 published yesterday, 2 still pending though written 40 days ago.
    await write(605);
    await db.dataSource.query(
      `UPDATE ${schema}.event_outbox SET published_at = now() - CASE WHEN position <= 600 THEN interval '40 days' ELSE interval '1 day' END,
              occurred_at = now() - interval '40 days'`,
    );
    await db.dataSource.query(
      `UPDATE ${schema}.event_outbox SET published_at = NULL, claimed_until = now() + interval '1 hour' WHERE position IN (601, 602)`,
    );
    const relay = await startEventRelay(db.dataSource, schema, { bus: new InProcessEventBus(), retentionDays: 30, idleMs: 50 });
    try {
      await until(async () => (await db.dataSource.query(`SELECT 1 FROM ${schema}.event_outbox`)).length === 5);
      const left = (await db.dataSource.query(
        `SELECT position::int AS p, published_at IS NULL AS pending FROM ${schema}.event_outbox ORDER BY position`,
      )) as Array<{
        p: number;
        pending: boolean;
      }>;
      expect(left).toEqual([
        { p: 601, pending: true },
        { p: 602, pending: true },
        { p: 603, pending: false },
        { p: 604, pending: false },
        { p: 605, pending: false },
      ]);
    } finally {
      await relay.stop();
    }
  } finally {
    await db.close();
  }
});

it('the inbox trimmed keeps its last row from the stream: lastStoredSequence stays, and rows without a sequence go too', async () => {
  const schema = 'inbox_retention_test';
  const db = await open(schema, [eventInboxMigration(schema)]);
  const customerId = randomUUID();
  try {
    for (let i = 1; i <= 5; i++) await storeReceivedEvent(db.dataSource, schema, toMessage(event(customerId, i)), i);
    // From the in-process bus (no sequence), after the stream's.
    await storeReceivedEvent(db.dataSource, schema, toMessage(event(customerId, 6)), null);
    await db.dataSource.query(`UPDATE ${schema}.event_inbox SET received_at = now() - interval '40 days'`);
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await trimEventInbox(db.dataSource, schema, cutoff, 3)).toBe(3);
    expect(await trimEventInbox(db.dataSource, schema, cutoff, 3)).toBe(2);
    expect(await trimEventInbox(db.dataSource, schema, cutoff, 3)).toBe(0);
    expect(await db.dataSource.query(`SELECT stream_sequence::int AS s FROM ${schema}.event_inbox`)).toEqual([{ s: 5 }]);
    expect(await lastStoredSequence(db.dataSource, schema)).toBe(5);
  } finally {
    await db.close();
  }
});

it('on NATS JetStream: an inbox started after trimming resumes after its last row, storing no trimmed event again', async () => {
  const schema = 'inbox_retention_nats_test';
  const db = await open(schema, [eventInboxMigration(schema)]);
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const stream = `CARDWEAVE_TEST_TRIMMED_${run}`;
  const subjectPrefix = `cardweave-test-trimmed.${run}`;
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  const customerId = randomUUID();
  const count = async () =>
    Number(((await db.dataSource.query(`SELECT count(*) AS n FROM ${schema}.event_inbox`)) as Array<{ n: string }>)[0].n);
  const options = { natsUrl: NATS_URL, stream, subjectPrefix };
  try {
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    const js = jetstream(connection);
    const publish = async (list: DomainEvent[]) => {
      for (const e of list) await js.publish(`${subjectPrefix}.${e.type}`, JSON.stringify(toMessage(e)), { msgID: e.id });
    };
    let inbox = await startEventInbox(db.dataSource, schema, options);
    await publish(Array.from({ length: 5 }, (_, i) => event(customerId, i)));
    await until(async () => (await count()) === 5);
    await inbox.stop();
    await db.dataSource.query(`UPDATE ${schema}.event_inbox SET received_at = now() - interval '40 days'`);
    expect(await trimEventInbox(db.dataSource, schema, new Date(Date.now() - 30 * 86_400_000), 100)).toBe(4);

    inbox = await startEventInbox(db.dataSource, schema, options);
    const next = event(customerId, 6);
    await publish([next]);
    await until(async () => (await db.dataSource.query(`SELECT 1 FROM ${schema}.event_inbox WHERE id = $1`, [next.id])).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await inbox.stop();
    // The kept row and the new one: the four trimmed were not read from the stream again.
    expect(await count()).toBe(2);
  } finally {
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
    await db.close();
  }
});

it("the wallet's inbox job keeps what the webhooks still need: an event not fanned out, or one a delivery refers to", async () => {
  const wallet = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations,
    poolSize: 2,
  });
  const customerId = randomUUID();
  try {
    const [fannedOut, notFannedOut, delivered, recent] = [1, 2, 3, 4].map((i) => event(customerId, i));
    for (const e of [fannedOut, notFannedOut, delivered, recent])
      await storeReceivedEvent(wallet.dataSource, WALLET_SCHEMA, toMessage(e), null);
    await wallet.dataSource.query(
      `UPDATE wallet.event_inbox SET received_at = now() - interval '40 days', webhooks_queued_at = now() - interval '40 days' WHERE id = ANY($1::uuid[])`,
      [[fannedOut.id, delivered.id]],
    );
    await wallet.dataSource.query(`UPDATE wallet.event_inbox SET received_at = now() - interval '40 days' WHERE id = $1`, [
      notFannedOut.id,
    ]);
    const endpoint = randomUUID();
    await wallet.dataSource.query(
      `INSERT INTO wallet.webhook_endpoints (id, url, event_types, signing_secret, created_at) VALUES ($1, 'https://example.test/hook', '{payment.approved}', 'sealed', now())`,
      [endpoint],
    );
    await wallet.dataSource.query(
      `INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, give_up_after, created_at)
       VALUES (gen_random_uuid(), $1, $2, 'DELIVERED', now() - interval '1 day', now() - interval '40 days')`,
      [delivered.id, endpoint],
    );
    const job = startInboxRetention(wallet.dataSource, 30, { intervalMs: 60_000 });
    try {
      await until(
        async () => (await wallet.dataSource.query(`SELECT 1 FROM wallet.event_inbox WHERE id = $1`, [fannedOut.id])).length === 0,
      );
      await job.runOnce();
    } finally {
      await job.stop();
    }
    const left = (await wallet.dataSource.query(`SELECT id FROM wallet.event_inbox WHERE customer_id = $1`, [customerId])) as Array<{
      id: string;
    }>;
    expect(left.map((r) => r.id).sort()).toEqual([notFannedOut.id, delivered.id, recent.id].sort());
  } finally {
    await wallet.close();
  }
});
