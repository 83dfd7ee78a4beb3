/**
 * The relay's guarantees, on real NATS JetStream (NATS_URL, default nats://127.0.0.1:4222) and
 * on the in-process fallback: a relay killed in the middle of publishing and started again
 * delivers every event, loses none, repeats only ids already delivered, and keeps each card's
 * events in order; two relays draining one outbox together do the same.
 */
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  InProcessEventBus,
  JetStreamSink,
  OutboxRelay,
  type DomainEventMessage,
  type EventSink,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { checkDelivery, killedAfter, openOutbox, pendingCount, RELAY_SCHEMA, writeEvents } from './relay-support';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
/** A relay started after the killed one's lease ran out: its clock is a minute on. */
const afterTheLease = () => new Date(Date.now() + 60_000);

interface Harness {
  /** JetStream drops a repeated Nats-Msg-Id within its window; the in-process bus cannot. */
  deduplicates: boolean;
  /** A fresh sink to the same destination, as a restarted relay opens. */
  sink(): Promise<EventSink>;
  /** Everything a consumer received, in delivery order. */
  received(): Promise<Array<{ id: string; cardId: string | null }>>;
  close(): Promise<void>;
}

async function inProcessHarness(): Promise<Harness> {
  // One bus for the process: a restarted relay delivers to the same listeners.
  const bus = new InProcessEventBus();
  const received: Array<{ id: string; cardId: string | null }> = [];
  bus.subscribe((event) => received.push({ id: event.id, cardId: event.cardId }));
  return {
    deduplicates: false,
    sink: () => Promise.resolve({ name: bus.name, publish: (e) => bus.publish(e), close: () => Promise.resolve() }),
    received: () => Promise.resolve(received),
    close: () => bus.close(),
  };
}

async function jetStreamHarness(): Promise<Harness> {
  const run = randomBytes(6).toString('hex');
  const stream = `CARDWEAVE_TEST_${run}`;
  const subjectPrefix = `cardweave-test.${run}`;
  const sinks: JetStreamSink[] = [];
  const connection: NatsConnection = await connect({ servers: NATS_URL });
  return {
    deduplicates: true,
    async sink() {
      const sink = await JetStreamSink.connect({ url: NATS_URL, stream, subjectPrefix });
      sinks.push(sink);
      return sink;
    },
    async received() {
      const consumer = await jetstream(connection).consumers.get(stream);
      const messages = await consumer.fetch({ max_messages: 10_000, expires: 1_500 });
      const received: Array<{ id: string; cardId: string | null }> = [];
      for await (const message of messages) {
        const event = message.json<DomainEventMessage>();
        // The header the relay sets is the event's id: what JetStream deduplicates on.
        expect(message.headers?.get('Nats-Msg-Id')).toBe(event.id);
        received.push({ id: event.id, cardId: event.cardId });
      }
      return received;
    },
    async close() {
      await Promise.all(sinks.map((s) => s.close()));
      await (await jetstreamManager(connection)).streams.delete(stream).catch(() => undefined);
      await connection.close();
    },
  };
}

describe.each([
  ['NATS JetStream', jetStreamHarness],
  ['the in-process fallback', inProcessHarness],
])('the outbox relay on %s', (_name, makeHarness) => {
  let database: TestDatabase;
  let outbox: SubgraphDatabase;
  let harness: Harness;

  beforeEach(async () => {
    database = await createTestDatabase();
    outbox = await openOutbox(database.url);
    harness = await makeHarness();
  });

  afterEach(async () => {
    await harness.close();
    await outbox.close();
    await database.drop();
  });

  it('killed in the middle of publishing and started again: every event once at least, repeats only of ids seen, each card in order', async () => {
    const written = await writeEvents(outbox, 60, 5);

    const killed = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, killedAfter(await harness.sink(), 37), { batchSize: 25 });
    expect(await killed.publishPending()).toBe(25);
    await expect(killed.publishPending()).rejects.toThrow('relay killed');
    // Its second batch was claimed and partly published, never marked.
    expect(await pendingCount(outbox)).toBe(35);

    const restarted = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, await harness.sink(), { batchSize: 25, now: afterTheLease });
    while ((await restarted.publishPending()) > 0);
    expect(await pendingCount(outbox)).toBe(0);

    const received = await harness.received();
    const repeats = checkDelivery(written, received);
    // The killed relay had published 12 of its second batch: those came again, and JetStream dropped them.
    expect(repeats).toBe(harness.deduplicates ? 0 : 12);
  });

  it('two relays draining one outbox together: every event, each card in order', async () => {
    const written = await writeEvents(outbox, 40, 4);
    const relays = [
      new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, await harness.sink(), { batchSize: 3 }),
      new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, await harness.sink(), { batchSize: 3 }),
    ];
    const drain = async (relay: OutboxRelay) => {
      // A relay finding nothing free (the other holds it) tries again until all is published.
      for (let i = 0; i < 500 && (await pendingCount(outbox)) > 0; i++) await relay.publishPending();
    };
    await Promise.all(relays.map(drain));
    expect(await pendingCount(outbox)).toBe(0);
    expect(checkDelivery(written, await harness.received())).toBe(0);
  });

  it('publishes in the background once started, and stops', async () => {
    const relay = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, await harness.sink(), { idleMs: 20 });
    relay.start();
    const written = await writeEvents(outbox, 5, 2);
    for (let i = 0; i < 200 && (await pendingCount(outbox)) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    await relay.stop();
    expect(await pendingCount(outbox)).toBe(0);
    expect(checkDelivery(written, await harness.received())).toBe(0);
  });
});
