/**
 * How a relay publishes one batch: each card's events one ack after another, in the order
 * written, and different cards' at once, so a slow ack holds up only its own card's events.
 */
import { OutboxRelay, type DomainEvent, type EventSink, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { openOutbox, pendingCount, RELAY_SCHEMA, writeEvents } from './relay-support';

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

it("publishes other cards' events while one card's ack is outstanding, and each card's strictly after its previous ack", async () => {
  const written = await writeEvents(outbox, 12, 3);
  const firstCard = written[0].cardId;
  const started: string[] = [];
  const acked = new Set<string>();
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  const sink: EventSink = {
    name: 'recording',
    async publish(event: DomainEvent) {
      // Nothing of a card starts before its previous event was acknowledged.
      const previous = written.filter((e) => e.cardId === event.cardId).findIndex((e) => e.id === event.id) - 1;
      if (previous >= 0) expect(acked.has(written.filter((e) => e.cardId === event.cardId)[previous].id)).toBe(true);
      started.push(event.id);
      // The first card's first ack waits until every other card's events have been published.
      if (event.id === written[0].id) await firstHeld;
      acked.add(event.id);
      if (written.filter((e) => e.cardId !== firstCard).every((e) => acked.has(e.id))) releaseFirst();
    },
    close: () => Promise.resolve(),
  };
  const relay = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, sink, { batchSize: 12 });
  // Published one after another, the held ack would wait for events queued behind it for ever.
  expect(await relay.publishPending()).toBe(12);
  expect(await pendingCount(outbox)).toBe(0);
  expect([...started].sort()).toEqual(written.map((e) => e.id).sort());
  // Each card's events started in the order written.
  for (const card of new Set(written.map((e) => e.cardId))) {
    expect(started.filter((id) => written.find((e) => e.id === id)!.cardId === card)).toEqual(
      written.filter((e) => e.cardId === card).map((e) => e.id),
    );
  }
});

it('after one failed publish, starts no more and fails the batch once those under way have settled, leaving it all pending', async () => {
  await writeEvents(outbox, 12, 3);
  let calls = 0;
  let underWay = 0;
  const sink: EventSink = {
    name: 'failing',
    async publish() {
      // The second card's first publish is refused while the others wait for their acks.
      if (++calls === 2) throw new Error('publish refused');
      underWay++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      underWay--;
    },
    close: () => Promise.resolve(),
  };
  const relay = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, sink, { batchSize: 12 });
  await expect(relay.publishPending()).rejects.toThrow('publish refused');
  expect(underWay).toBe(0);
  // Three cards started at once; after the failure none of them went on.
  expect(calls).toBe(3);
  expect(await pendingCount(outbox)).toBe(12);
});
