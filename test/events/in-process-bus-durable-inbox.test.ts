/**
 * Without NATS, the relays publish to the in-process bus and the wallet's inbox stores what they
 * publish. An insert into the inbox that fails (a database hiccup) must fail the publish, so the
 * relay keeps the event pending and publishes it again: an event is never marked published
 * while nothing durable holds it, and it reaches the inbox after the relay's retry.
 */
import {
  eventInboxMigration,
  eventOutboxMigration,
  InProcessEventBus,
  openSubgraphDatabase,
  OutboxRelay,
  recordEvent,
  startEventInbox,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SCHEMA = 'durable_bus_test';

let database: TestDatabase;
let store: SubgraphDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openSubgraphDatabase({
    url: database.url,
    schema: SCHEMA,
    entities: [],
    migrations: [eventOutboxMigration(SCHEMA), eventInboxMigration(SCHEMA)],
    poolSize: 3,
  });
});
afterAll(async () => {
  await store?.dataSource.destroy();
  await database?.drop();
});

async function ids(sql: string): Promise<string[]> {
  return ((await store.dataSource.query(sql)) as Array<{ id: string }>).map((r) => r.id);
}

it('an inbox insert that fails once keeps the event pending in the outbox, and the relay retry stores it', async () => {
  const dataSource = store.dataSource;
  // The inbox's view of the database: its first insert fails, as on a dropped connection.
  let failures = 0;
  const failingOnce = new Proxy(dataSource, {
    get(target, property) {
      if (property === 'query')
        return (sql: string, parameters?: unknown[]) => {
          if (failures === 0 && sql.includes(`INSERT INTO ${SCHEMA}.event_inbox`)) {
            failures++;
            return Promise.reject(new Error('connection terminated unexpectedly'));
          }
          return target.query(sql, parameters);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });

  const bus = new InProcessEventBus();
  const inboxErrors: unknown[] = [];
  const inbox = await startEventInbox(failingOnce, SCHEMA, { bus, onError: (error) => inboxErrors.push(error) });
  // A short lease: the claimed rows of the failed round come back soon.
  const relay = new OutboxRelay(dataSource, SCHEMA, bus, { leaseMs: 100 });
  try {
    const customerId = randomUUID();
    const cards = [randomUUID(), randomUUID()];
    const written: Array<{ id: string; cardId: string }> = [];
    for (let i = 0; i < 4; i++) {
      const cardId = cards[i % 2];
      const event = await dataSource.transaction((m) =>
        recordEvent(m, SCHEMA, { type: 'card.locked', customerId, cardId, payload: { reason: `test ${i}` } }, new Date()),
      );
      written.push({ id: event.id, cardId });
    }

    // The first round meets the failed insert: its publish fails and nothing is marked published.
    await expect(relay.publishPending()).rejects.toThrow('connection terminated unexpectedly');
    expect(failures).toBe(1);
    expect(inboxErrors).toHaveLength(1);
    // Whatever was marked published is in the inbox already (none of the failed event's card).
    const published = await ids(`SELECT id FROM ${SCHEMA}.event_outbox WHERE published_at IS NOT NULL`);
    const stored = await ids(`SELECT id FROM ${SCHEMA}.event_inbox`);
    for (const id of published) expect(stored).toContain(id);
    expect(published.length).toBeLessThan(written.length);

    // The relay's next rounds, after the lease: every event is published and stored once.
    for (let rounds = 0; (await ids(`SELECT id FROM ${SCHEMA}.event_outbox WHERE published_at IS NULL`)).length > 0; rounds++) {
      expect(rounds).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      await relay.publishPending();
    }
    const rows = (await dataSource.query(`SELECT id, card_id FROM ${SCHEMA}.event_inbox ORDER BY position`)) as Array<{
      id: string;
      card_id: string;
    }>;
    expect(rows.map((r) => r.id).sort()).toEqual(written.map((e) => e.id).sort());
    // Each card's events in the order written, the retried one included.
    for (const cardId of cards)
      expect(rows.filter((r) => r.card_id === cardId).map((r) => r.id)).toEqual(
        written.filter((e) => e.cardId === cardId).map((e) => e.id),
      );
  } finally {
    await inbox.stop();
  }
});
