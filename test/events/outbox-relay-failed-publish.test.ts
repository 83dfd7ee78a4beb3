/**
 * A round whose publish fails (the broker's ack missing, the in-process inbox's insert failing)
 * hands its claimed rows back: the relay's next round, or another replica's, publishes them
 * without waiting out the lease, which is only for a relay that died holding them. A relay whose
 * lease ran out and passed to another relay must not hand back that other relay's claim.
 */
import { InProcessEventBus, OutboxRelay, type DomainEvent, type EventSink, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { checkDelivery, openOutbox, pendingCount, RELAY_SCHEMA, writeEvents } from './relay-support';

let database: TestDatabase;
let outbox: SubgraphDatabase;

beforeEach(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.url);
});

afterEach(async () => {
  await outbox.close();
  await database.drop();
});

/** A sink whose `failAt`-th publish fails (1-based), the others forwarded to `bus`. */
function failingOnce(bus: InProcessEventBus, failAt: number): EventSink {
  let publishes = 0;
  return {
    name: 'fails once',
    async publish(event: DomainEvent) {
      if (++publishes === failAt) throw new Error('no ack from the broker');
      await bus.publish(event);
    },
    close: () => Promise.resolve(),
  };
}

async function claimedCount(): Promise<number> {
  const [row] = (await outbox.dataSource.query(
    `SELECT count(*)::int AS n FROM ${RELAY_SCHEMA}.event_outbox WHERE claimed_until IS NOT NULL AND published_at IS NULL`,
  )) as Array<{ n: number }>;
  return row.n;
}

it("a failed round's events are published by the next round, not after the lease", async () => {
  const written = await writeEvents(outbox, 6, 2);
  const bus = new InProcessEventBus();
  const received: DomainEvent[] = [];
  bus.subscribe((event) => received.push(event));
  // The default lease (30 s): far longer than this test.
  const relay = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, failingOnce(bus, 2));

  await expect(relay.publishPending()).rejects.toThrow('no ack from the broker');
  expect(await pendingCount(outbox)).toBe(6);
  expect(await claimedCount()).toBe(0);

  expect(await relay.publishPending()).toBe(6);
  expect(await pendingCount(outbox)).toBe(0);
  checkDelivery(written, received);
});

it('a relay whose lease passed to another does not hand back the other relay’s claim', async () => {
  await writeEvents(outbox, 4, 1);
  const bus = new InProcessEventBus();
  let clock = new Date('2026-11-29T10:00:00Z');
  let blocked: (() => void) | null = null;
  // The first relay's publish hangs past its lease, then fails.
  const slow: EventSink = {
    name: 'slow',
    publish: () =>
      new Promise<void>((_, reject) => {
        blocked = () => reject(new Error('no ack from the broker'));
      }),
    close: () => Promise.resolve(),
  };
  const first = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, slow, { leaseMs: 1_000, now: () => clock });
  const second = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, bus, { leaseMs: 1_000, now: () => clock });

  const failing = first.publishPending();
  while (!blocked) await new Promise((resolve) => setTimeout(resolve, 10));
  // The lease runs out; the second relay claims the card's events.
  clock = new Date(clock.getTime() + 5_000);
  const claimedBySecond = await second.claim();
  expect(claimedBySecond).toHaveLength(4);

  (blocked as () => void)();
  await expect(failing).rejects.toThrow('no ack from the broker');
  // The second relay's claim still holds: no third relay could take the card's events meanwhile.
  expect(await claimedCount()).toBe(4);
});
