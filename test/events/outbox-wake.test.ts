/**
 * A commit that writes to the outbox wakes its readers instead of leaving them to their poll:
 * the relays and feeds here poll once a minute, so an event delivered within the test's wait
 * was woken. In this process through the transaction's end; from another replica (a data source of its
 * own on the same database) through PostgreSQL's LISTEN/NOTIFY, which the embedded server
 * cannot carry between connections (one session for all), so that case runs on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import {
  InProcessEventBus,
  OutboxFeed,
  OutboxRelay,
  outboxSignal,
  recordEvent,
  type DomainEvent,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { createTestDatabase, usesRealPostgres, type TestDatabase } from '../support/test-database';
import { openOutbox, pendingCount, RELAY_SCHEMA, writeEvents } from './relay-support';

/** Far longer than the test waits: only a wake-up publishes in time. */
const POLL_NEVER_MS = 60_000;
const OUTBOX = `${RELAY_SCHEMA}.event_outbox`;

let database: TestDatabase;
let outbox: SubgraphDatabase;
const relays: OutboxRelay[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.url);
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  await outbox.close();
  await database.drop();
});

/** Resolves once `count` events reached `bus`, or with what had after `ms`. */
function receive(bus: InProcessEventBus, count: number, ms = 10_000): Promise<DomainEvent[]> {
  const received: DomainEvent[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(received), ms);
    bus.subscribe((event) => {
      received.push(event);
      if (received.length === count) {
        clearTimeout(timer);
        resolve(received);
      }
    });
  });
}

/** The first event a subscriber of `feed` receives for `customerId`, or null after `ms`. */
async function firstFromFeed(feed: OutboxFeed, customerId: string, ms = 10_000): Promise<{ event: Promise<DomainEvent | null> }> {
  const events = feed.events({ customerId });
  await events.listening;
  let timer: NodeJS.Timeout | undefined;
  const event = Promise.race([
    events.next().then((r) => (r.done ? null : r.value)),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms))),
  ]).finally(() => {
    clearTimeout(timer);
    void events.return?.();
  });
  return { event };
}

function startRelay(on: SubgraphDatabase, bus: InProcessEventBus): OutboxRelay {
  const relay = new OutboxRelay(on.dataSource, RELAY_SCHEMA, bus, { idleMs: POLL_NEVER_MS });
  relay.start();
  relays.push(relay);
  return relay;
}

it("wakes this process's readers when the writing transaction commits, not when it rolls back", async () => {
  let wakes = 0;
  const unsubscribe = outboxSignal(outbox.dataSource).subscribe(OUTBOX, () => wakes++);
  const write = (m: Parameters<typeof recordEvent>[0]) =>
    recordEvent(m, RELAY_SCHEMA, { type: 'binding.added', customerId: randomUUID(), payload: {} }, new Date());
  try {
    await expect(
      outbox.dataSource.transaction(async (m) => {
        await write(m);
        expect(wakes).toBe(0); // written, not yet committed
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(wakes).toBe(0);

    await outbox.dataSource.transaction(async (m) => {
      await write(m);
      await write(m);
      expect(wakes).toBe(0);
    });
    // Once the COMMIT has returned, before the caller goes on.
    expect(wakes).toBeGreaterThanOrEqual(1);
  } finally {
    unsubscribe();
  }
});

it('a relay idle between polls publishes a committed event without waiting for its next poll', async () => {
  const bus = new InProcessEventBus();
  const relay = startRelay(outbox, bus);
  // Its first round found nothing; it now sleeps for a minute unless woken.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const arriving = receive(bus, 3);
  const written = await writeEvents(outbox, 3, 2);
  expect((await arriving).map((e) => e.id)).toEqual(written.map((e) => e.id));
  // Stopping waits for the round under way, which marks what it published.
  await relay.stop();
  expect(await pendingCount(outbox)).toBe(0);
});

(usesRealPostgres() ? it : it.skip)("another replica's commit wakes this replica's relay (LISTEN/NOTIFY)", async () => {
  const replica = await openOutbox(database.url);
  try {
    const bus = new InProcessEventBus();
    startRelay(replica, bus);
    await outboxSignal(replica.dataSource).listening;
    const arriving = receive(bus, 4);
    // Written and committed through the first data source: nothing in this process wakes the replica's relay.
    const written = await writeEvents(outbox, 4, 2);
    expect((await arriving).map((e) => e.id)).toEqual(written.map((e) => e.id));
  } finally {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await replica.close();
  }
});

it('a feed idle between polls hands a committed event to its subscriber without waiting for its next poll', async () => {
  const feed = new OutboxFeed(outbox.dataSource, RELAY_SCHEMA, { pollIntervalMs: POLL_NEVER_MS });
  try {
    const customerId = randomUUID();
    const { event } = await firstFromFeed(feed, customerId);
    const written = await outbox.dataSource.transaction((m) =>
      recordEvent(m, RELAY_SCHEMA, { type: 'binding.added', customerId, payload: {} }, new Date()),
    );
    expect((await event)?.id).toBe(written.id);
  } finally {
    feed.close();
  }
});

(usesRealPostgres() ? it : it.skip)("another replica's commit wakes this replica's feed (LISTEN/NOTIFY)", async () => {
  const replica = await openOutbox(database.url);
  const feed = new OutboxFeed(replica.dataSource, RELAY_SCHEMA, { pollIntervalMs: POLL_NEVER_MS });
  try {
    const customerId = randomUUID();
    const { event } = await firstFromFeed(feed, customerId);
    await outboxSignal(replica.dataSource).listening;
    const written = await outbox.dataSource.transaction((m) =>
      recordEvent(m, RELAY_SCHEMA, { type: 'binding.added', customerId, payload: {} }, new Date()),
    );
    expect((await event)?.id).toBe(written.id);
  } finally {
    feed.close();
    await replica.close();
  }
});
