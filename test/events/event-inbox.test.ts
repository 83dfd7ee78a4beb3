/**
 * The wallet's inbox side of the events (event-inbox.ts, event-inbox-consumer.ts): two consumers
 * ("replicas") on one database, fed the same events with repeats, store each event once, and
 * the table's positions keep each card's events in the order they were published. On NATS
 * JetStream (a stream of the run's own; repeats published past the stream's duplicate check, as
 * a redelivery after its window would be) and on the in-process bus.
 */
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  ensureStream,
  EVENT_STREAM_MAX_AGE_MS,
  eventInboxMigration,
  InProcessEventBus,
  openSubgraphDatabase,
  startEventInbox,
  toMessage,
  type DomainEvent,
  type RunningEventInbox,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SCHEMA = 'inbox_test';

let database: TestDatabase;
let store: SubgraphDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openSubgraphDatabase({
    url: database.url,
    schema: SCHEMA,
    entities: [],
    migrations: [eventInboxMigration(SCHEMA)],
    poolSize: 4,
  });
});
afterAll(async () => {
  await store?.dataSource.destroy();
  await database?.drop();
});

/** `count` events of one customer over `cards` cards, in publish order. */
function events(count: number, cards: number): DomainEvent[] {
  const customerId = randomUUID();
  const cardIds = Array.from({ length: cards }, () => randomUUID());
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: i % 2 ? 'card.locked' : 'payment.approved',
    occurredAt: new Date(),
    customerId,
    cardId: cardIds[i % cards],
    platform: i % 2 ? 'jd-finance' : 'wechat-pay',
    errorCode: null,
    payload: { amountFen: String(100 + i) },
  }));
}

async function stored(customerId: string, expected: number): Promise<Array<{ id: string; card_id: string }>> {
  for (const deadline = Date.now() + 20_000; ;) {
    const rows = (await store.dataSource.query(`SELECT id, card_id FROM ${SCHEMA}.event_inbox WHERE customer_id = $1 ORDER BY position`, [
      customerId,
    ])) as Array<{ id: string; card_id: string }>;
    if (rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function expectEachOnceInOrder(published: DomainEvent[], rows: Array<{ id: string; card_id: string }>) {
  expect(rows.map((r) => r.id).sort()).toEqual(published.map((e) => e.id).sort());
  for (const cardId of new Set(published.map((e) => e.cardId)))
    expect(rows.filter((r) => r.card_id === cardId).map((r) => r.id)).toEqual(
      published.filter((e) => e.cardId === cardId).map((e) => e.id),
    );
}

it('on NATS JetStream: two consumers store 300 events published with 60 repeats once each, every card in publish order', async () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const stream = `CARDWEAVE_TEST_INBOX_${run}`;
  const subjectPrefix = `cardweave-test-inbox.${run}`;
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  const inboxes: RunningEventInbox[] = [];
  try {
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    const published = events(300, 7);
    const options = { natsUrl: NATS_URL, stream, subjectPrefix };
    inboxes.push(await startEventInbox(store.dataSource, SCHEMA, options), await startEventInbox(store.dataSource, SCHEMA, options));
    const js = jetstream(connection);
    for (const [i, event] of published.entries()) {
      const body = JSON.stringify(toMessage(event));
      await js.publish(`${subjectPrefix}.${event.type}`, body, { msgID: event.id });
      // Every fifth again, without its message id: a repeat the stream stores, as one after its duplicate window.
      if (i % 5 === 0) await js.publish(`${subjectPrefix}.${event.type}`, body);
    }
    expectEachOnceInOrder(published, await stored(published[0].customerId, published.length));
  } finally {
    for (const inbox of inboxes) await inbox.stop();
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
  }
});

it('on NATS JetStream: the stream made for the events keeps them a week, then lets them go', async () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const stream = `CARDWEAVE_TEST_RETENTION_${run}`;
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  try {
    await ensureStream(connection, stream, `cardweave-test-retention.${run}`, 120_000);
    const { config } = await (await jetstreamManager(connection)).streams.info(stream);
    expect(config.max_age).toBe(EVENT_STREAM_MAX_AGE_MS * 1_000_000);
    expect(EVENT_STREAM_MAX_AGE_MS).toBe(7 * 24 * 3600 * 1000);
  } finally {
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
  }
});

it('on NATS JetStream: an inbox started on a stream made again (its sequences below what was stored) reads it whole, missing nothing', async () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const stream = `CARDWEAVE_TEST_REMADE_${run}`;
  const subjectPrefix = `cardweave-test-remade.${run}`;
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  let inbox: RunningEventInbox | undefined;
  // An inbox of its own: what the other tests stored came from other streams.
  const own = await openSubgraphDatabase({
    url: database.url,
    schema: 'inbox_remade_test',
    entities: [],
    migrations: [eventInboxMigration('inbox_remade_test')],
    poolSize: 2,
  });
  const storedInOwn = async (customerId: string, expected: number) => {
    for (const deadline = Date.now() + 20_000; ;) {
      const rows = (await own.dataSource.query(
        `SELECT id, card_id FROM inbox_remade_test.event_inbox WHERE customer_id = $1 ORDER BY position`,
        [customerId],
      )) as Array<{ id: string; card_id: string }>;
      if (rows.length >= expected || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    inbox = await startEventInbox(own.dataSource, 'inbox_remade_test', { natsUrl: NATS_URL, stream, subjectPrefix });
    const js = jetstream(connection);
    const publish = async (list: DomainEvent[]) => {
      for (const event of list) await js.publish(`${subjectPrefix}.${event.type}`, JSON.stringify(toMessage(event)), { msgID: event.id });
    };
    const before = events(6, 2);
    await publish(before);
    expectEachOnceInOrder(before, await storedInOwn(before[0].customerId, before.length));
    await inbox.stop();
    const jsm = await jetstreamManager(connection);
    await jsm.streams.delete(stream);
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    // The new stream's sequences start again at 1, below the 6 the inbox stored.
    const after = events(3, 1);
    await publish(after);
    inbox = await startEventInbox(own.dataSource, 'inbox_remade_test', { natsUrl: NATS_URL, stream, subjectPrefix });
    expectEachOnceInOrder(after, await storedInOwn(after[0].customerId, after.length));
  } finally {
    await inbox?.stop();
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
    await own.close();
  }
});

it('on NATS JetStream: a stream deleted and made again while the inbox runs is read whole, every new event stored', async () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const stream = `CARDWEAVE_TEST_REMADE_LIVE_${run}`;
  const subjectPrefix = `cardweave-test-remade-live.${run}`;
  const schema = 'inbox_remade_live_test';
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  let inbox: RunningEventInbox | undefined;
  const own = await openSubgraphDatabase({
    url: database.url,
    schema,
    entities: [],
    migrations: [eventInboxMigration(schema)],
    poolSize: 2,
  });
  const storedInOwn = async (customerId: string, expected: number) => {
    for (const deadline = Date.now() + 30_000; ;) {
      const rows = (await own.dataSource.query(`SELECT id, card_id FROM ${schema}.event_inbox WHERE customer_id = $1 ORDER BY position`, [
        customerId,
      ])) as Array<{ id: string; card_id: string }>;
      if (rows.length >= expected || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    inbox = await startEventInbox(own.dataSource, schema, { natsUrl: NATS_URL, stream, subjectPrefix });
    const js = jetstream(connection);
    const publish = async (list: DomainEvent[]) => {
      for (const event of list) await js.publish(`${subjectPrefix}.${event.type}`, JSON.stringify(toMessage(event)), { msgID: event.id });
    };
    const before = events(6, 2);
    await publish(before);
    expectEachOnceInOrder(before, await storedInOwn(before[0].customerId, before.length));
    const jsm = await jetstreamManager(connection);
    await jsm.streams.delete(stream);
    await ensureStream(connection, stream, subjectPrefix, 120_000);
    // The new stream's sequences start again at 1, below the 6 the running inbox has read.
    const after = events(3, 1);
    await publish(after);
    expectEachOnceInOrder(after, await storedInOwn(after[0].customerId, after.length));
  } finally {
    await inbox?.stop();
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
    await connection.close();
    await own.close();
  }
});

it('on the in-process bus: two consumers hearing every event, some twice, store each once in publish order', async () => {
  const bus = new InProcessEventBus();
  const inboxes = [await startEventInbox(store.dataSource, SCHEMA, { bus }), await startEventInbox(store.dataSource, SCHEMA, { bus })];
  try {
    const published = events(200, 5);
    for (const [i, event] of published.entries()) {
      await bus.publish(event);
      if (i % 4 === 0) await bus.publish(event);
    }
    expectEachOnceInOrder(published, await stored(published[0].customerId, published.length));
  } finally {
    for (const inbox of inboxes) await inbox.stop();
  }
});
