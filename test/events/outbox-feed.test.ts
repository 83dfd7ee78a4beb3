/**
 * The outbox feed subscriptions read: each subscriber gets its customer's (or card's) events
 * once, in order, from the moment it listens or resumed after a given event; an event whose
 * transaction commits after a later one's is still delivered; a subscriber that leaves while
 * waiting is let go at once, and the poller stops with the last one.
 */
import { randomUUID } from 'node:crypto';
import { OutboxFeed, recordEvent, type DomainEvent, type FeedSubscription, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { setLogSink } from '@cardweave/service-kit';
import { createTestDatabase, usesRealPostgres, type TestDatabase } from '../support/test-database';
import { openOutbox, RELAY_SCHEMA } from './relay-support';

jest.setTimeout(30_000);

let testDatabase: TestDatabase;
let database: SubgraphDatabase;
let feed: OutboxFeed;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openOutbox(testDatabase.url);
});

beforeEach(() => {
  feed = new OutboxFeed(database.dataSource, RELAY_SCHEMA, { pollIntervalMs: 20 });
});

afterEach(() => feed.close());

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

function write(customerId: string, cardId: string, amountFen: number): Promise<DomainEvent> {
  return database.dataSource.transaction((m) =>
    recordEvent(m, RELAY_SCHEMA, { type: 'payment.approved', customerId, cardId, payload: { amountFen: String(amountFen) } }, new Date()),
  );
}

/** The next event, or null when none comes within `ms`. */
async function next(events: AsyncIterableIterator<DomainEvent>, ms = 1_000): Promise<DomainEvent | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const result = await Promise.race([events.next().then((r) => (r.done ? null : r.value)), timeout]);
  clearTimeout(timer);
  return result;
}

/** The first event to come, asked for once the feed listens (where it starts is fixed). */
async function listening(events: FeedSubscription): Promise<{ first: Promise<DomainEvent | null> }> {
  await events.listening;
  return { first: next(events, 2_000) };
}

it('delivers a customer’s new events in order, and only theirs', async () => {
  const mine = randomUUID();
  const card = randomUUID();
  const events = feed.events({ customerId: mine });
  const { first } = await listening(events);
  await write(randomUUID(), randomUUID(), 1);
  const a = await write(mine, card, 2);
  const b = await write(mine, card, 3);
  expect((await first)?.id).toBe(a.id);
  expect((await next(events))?.id).toBe(b.id);
  expect(await next(events, 200)).toBeNull();
  await events.return!();
});

it('resumes after a given event: those since first, then new ones, each once', async () => {
  const customer = randomUUID();
  const card = randomUUID();
  const other = randomUUID();
  const a = await write(customer, card, 1);
  const b = await write(customer, card, 2);
  await write(customer, other, 3);
  const c = await write(customer, card, 4);
  const events = feed.events({ customerId: customer, cardId: card }, a.id);
  expect((await next(events))?.id).toBe(b.id);
  expect((await next(events))?.id).toBe(c.id);
  const d = await write(customer, card, 5);
  expect((await next(events))?.id).toBe(d.id);
  expect(await next(events, 200)).toBeNull();
  await events.return!();
});

// An open transaction holds the embedded database's only connection: this needs PostgreSQL.
(usesRealPostgres() ? it : it.skip)('an event whose transaction commits after a later one’s is still delivered', async () => {
  const customer = randomUUID();
  const card = randomUUID();
  const events = feed.events({ customerId: customer });
  const { first } = await listening(events);
  // The first transaction takes its position and stays open while a second one commits.
  const runner = database.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const late = await recordEvent(
    runner.manager,
    RELAY_SCHEMA,
    { type: 'payment.approved', customerId: customer, cardId: card },
    new Date(),
  );
  const early = await write(customer, card, 2);
  expect((await first)?.id).toBe(early.id);
  await runner.commitTransaction();
  await runner.release();
  expect((await next(events))?.id).toBe(late.id);
  await events.return!();
});

it('a subscriber that leaves while waiting is let go at once; the poller stops with the last one', async () => {
  const events = feed.events({ customerId: randomUUID() });
  const { first: waiting } = await listening(events);
  expect(feed.listening).toBe(1);
  const started = Date.now();
  await events.return!();
  expect(await waiting).toBeNull();
  expect(Date.now() - started).toBeLessThan(500);
  expect(feed.listening).toBe(0);
});

it('says once when its reads fail and once when they work again, and delivers what came meanwhile', async () => {
  const lines: string[] = [];
  const previous = setLogSink((line) => lines.push(line));
  const mine = randomUUID();
  const events = feed.events({ customerId: mine });
  try {
    await events.listening;
    // The table out of reach for a moment: every read in it fails.
    await database.dataSource.query(`ALTER TABLE ${RELAY_SCHEMA}.event_outbox RENAME TO event_outbox_away`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await database.dataSource.query(`ALTER TABLE ${RELAY_SCHEMA}.event_outbox_away RENAME TO event_outbox`);
    const written = await write(mine, randomUUID(), 7);
    expect((await next(events, 5_000))?.id).toBe(written.id);
    const said = lines.map((line) => JSON.parse(line) as { level: string; msg: string; error?: string });
    expect(said.filter((l) => l.msg.startsWith('subscriptions feed cannot read'))).toEqual([
      expect.objectContaining({ level: 'warn', error: expect.stringContaining('event_outbox') as unknown }),
    ]);
    expect(said.filter((l) => l.msg === 'subscriptions feed reads its table again')).toHaveLength(1);
  } finally {
    await events.return?.();
    setLogSink(previous);
  }
});
