/**
 * A feed that closes (its service is stopping, its database closes next) reads nothing more:
 * close() settles only once a read under way has finished, a commit that woke it meanwhile
 * starts no other, and a subscription that was starting does not start the poller again.
 */
import { randomUUID } from 'node:crypto';
import { OutboxFeed, recordEvent, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { openOutbox, RELAY_SCHEMA } from './relay-support';

jest.setTimeout(30_000);

let testDatabase: TestDatabase;
let database: SubgraphDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openOutbox(testDatabase.url);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function write(customerId: string) {
  return database.dataSource.transaction((m) =>
    recordEvent(m, RELAY_SCHEMA, { type: 'payment.approved', customerId, cardId: randomUUID(), payload: { amountFen: '1' } }, new Date()),
  );
}

/** The feed's statements on the table, slowed by `delayMs` each: how many are under way, and how many began after `closing`. */
function watchFeedReads(delayMs: number) {
  const dataSource = database.dataSource;
  const query = dataSource.query.bind(dataSource);
  const watch = { inFlight: 0, started: 0, startedAfterClose: 0, closing: false };
  jest.spyOn(dataSource, 'query').mockImplementation(async (...args: Parameters<typeof query>) => {
    const [sql] = args;
    // A transaction's statements (with their query runner) go through untouched.
    if (!sql.includes(`FROM ${RELAY_SCHEMA}.event_outbox`) || args[2]) return query(...args);
    watch.started += 1;
    if (watch.closing) watch.startedAfterClose += 1;
    watch.inFlight += 1;
    try {
      await pause(delayMs);
      return await query(...args);
    } finally {
      watch.inFlight -= 1;
    }
  });
  return watch;
}

afterEach(() => jest.restoreAllMocks());

it('settles once the read under way has finished, and a commit that woke it meanwhile starts no other', async () => {
  const feed = new OutboxFeed(database.dataSource, RELAY_SCHEMA, { pollIntervalMs: 20 });
  const events = feed.events({ customerId: randomUUID() });
  await events.listening;
  const watch = watchFeedReads(150);
  // A read under way, and a commit during it (which asks for one more read after it).
  for (const deadline = Date.now() + 5_000; watch.inFlight === 0 && Date.now() < deadline;) await pause(5);
  expect(watch.inFlight).toBe(1);
  await write(randomUUID());
  watch.closing = true;
  await feed.close();
  expect(watch.inFlight).toBe(0);
  await pause(300);
  expect(watch.startedAfterClose).toBe(0);
  expect(watch.inFlight).toBe(0);
});

it('does not start polling for a subscription that was starting when it closed', async () => {
  const feed = new OutboxFeed(database.dataSource, RELAY_SCHEMA, { pollIntervalMs: 20 });
  const watch = watchFeedReads(100);
  const events = feed.events({ customerId: randomUUID() });
  for (const deadline = Date.now() + 5_000; watch.inFlight === 0 && Date.now() < deadline;) await pause(5);
  watch.closing = true;
  await feed.close();
  await events.listening.catch(() => undefined);
  await pause(300);
  expect(watch.startedAfterClose).toBe(0);
  expect(feed.listening).toBe(0);
});
