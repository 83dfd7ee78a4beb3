/**
 * "Kill the relay in the middle of publishing and restart it: every event arrives, none is lost,
 * a duplicate only ever repeats an id already seen", with the relay as a process of its own:
 *
 * - NATS JetStream: the relay runs in a child process (relay-process.ts, the runtime a subgraph
 *   runs), is SIGKILLed while it publishes one large batch, and a new process takes over once the
 *   dead one's lease has run out. A consumer that follows the stream throughout must see every
 *   event, each card's in the order written, and nothing but ids already seen a second time.
 * - The in-process fallback lives and dies with its process, so the equivalent there is a relay
 *   abandoned in the middle of a publish (its claim held, never marked, never released) and a
 *   second relay taking over after the lease; the bus cannot drop repeats, so they are counted.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import { InProcessEventBus, OutboxRelay, type DomainEvent, type DomainEventMessage, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { RelayProcessSettings } from './relay-process';
import { checkDelivery, openOutbox, pendingCount, RELAY_SCHEMA, writeEvents } from './relay-support';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const root = path.resolve(__dirname, '../..');
/** Long enough for a round, short enough that the test waits for it to run out. */
const LEASE_MS = 3_000;

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

async function until(what: string, condition: () => Promise<boolean> | boolean, ms = 60_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function claimedNotPublished(): Promise<number> {
  const [row] = (await outbox.dataSource.query(
    `SELECT count(*)::int AS n FROM ${RELAY_SCHEMA}.event_outbox WHERE claimed_until IS NOT NULL AND published_at IS NULL`,
  )) as Array<{ n: number }>;
  return row.n;
}

/** Starts relay-process.ts and resolves once it relays. */
async function startRelayProcess(settings: RelayProcessSettings): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=cardweave-source', '--import', 'tsx', path.join(__dirname, 'relay-process.ts'), JSON.stringify(settings)],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('relaying')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`the relay process exited (${code ?? signal}) while starting:\n${output}`)));
  });
  child.removeAllListeners('exit');
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

describe('the outbox relay killed in the middle of publishing a large batch', () => {
  const EVENTS = 3_000;
  const CARDS = 20;

  it('on NATS JetStream (a relay process SIGKILLed and started again): every event reaches the consumer, each card in order, repeats only of ids seen', async () => {
    const run = randomBytes(6).toString('hex');
    const settings: RelayProcessSettings = {
      databaseUrl: database.url,
      natsUrl: NATS_URL,
      stream: `CARDWEAVE_TEST_KILL_${run}`,
      subjectPrefix: `cardweave-test-kill.${run}`,
      // One batch holds every event: the kill lands inside it.
      batchSize: EVENTS,
      leaseMs: LEASE_MS,
    };
    const nats: NatsConnection = await connect({ servers: NATS_URL });
    const children: ChildProcess[] = [];
    let messages: ConsumerMessages | null = null;
    try {
      const jsm = await jetstreamManager(nats);
      const written = await writeEvents(outbox, EVENTS, CARDS);

      const first = await startRelayProcess(settings);
      children.push(first);
      // The relay made the stream; a consumer follows it from its start for the whole test.
      await until(
        'the stream',
        () =>
          jsm.streams.info(settings.stream).then(
            () => true,
            () => false,
          ),
        30_000,
        10,
      );
      const received: Array<{ id: string; cardId: string | null }> = [];
      messages = await (await jetstream(nats).consumers.get(settings.stream)).consume();
      const consuming = (async () => {
        for await (const message of messages!) {
          const event = message.json<DomainEventMessage>();
          received.push({ id: event.id, cardId: event.cardId });
        }
      })();

      // Killed once part of the batch is on the stream.
      await until('the first publishes', async () => (await jsm.streams.info(settings.stream)).state.messages >= 200, 60_000, 5);
      first.kill('SIGKILL');
      await exited(first);
      const storedAtKill = (await jsm.streams.info(settings.stream)).state.messages;
      // In the middle: some of the batch published, none of it marked, all of it still claimed.
      expect(storedAtKill).toBeGreaterThanOrEqual(200);
      expect(storedAtKill).toBeLessThan(EVENTS);
      expect(await pendingCount(outbox)).toBe(EVENTS);
      expect(await claimedNotPublished()).toBe(EVENTS);

      // Started again: it waits out the dead relay's lease, then publishes the batch again.
      const second = await startRelayProcess(settings);
      children.push(second);
      await until('the outbox to drain', async () => (await pendingCount(outbox)) === 0, 120_000, 100);
      await until('the consumer to see every event', () => new Set(received.map((e) => e.id)).size >= EVENTS, 60_000, 50);
      second.kill('SIGTERM');
      await exited(second);

      // Every event, each card in order; a repeat (if any got past the stream's duplicate window) only of an id seen.
      const repeats = checkDelivery(written, received);
      // The restarted relay sent the killed one's publishes again with the same ids: the stream stored each once.
      expect(repeats).toBe(0);
      expect((await jsm.streams.info(settings.stream)).state.messages).toBe(EVENTS);
      messages.stop();
      await consuming;
      messages = null;
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(children.map(exited));
      messages?.stop();
      await (await jetstreamManager(nats)).streams.delete(settings.stream).catch(() => undefined);
      await nats.close();
    }
  }, 300_000);

  it('on the in-process fallback (a relay abandoned mid-publish, its lease never released, another taking over): every event, each card in order, repeats only of ids seen', async () => {
    const events = 600;
    const written = await writeEvents(outbox, events, CARDS);
    const bus = new InProcessEventBus();
    const received: DomainEvent[] = [];
    bus.subscribe((event) => received.push(event));

    // The abandoned relay: its publishes reach the bus until the 250th, which never returns.
    let published = 0;
    let abandonPublish: (error: Error) => void = () => undefined;
    const hung = new Promise<void>((_resolve, reject) => (abandonPublish = reject));
    hung.catch(() => undefined);
    const abandoned = new OutboxRelay(
      outbox.dataSource,
      RELAY_SCHEMA,
      {
        name: 'abandoned',
        publish: (event) => (++published < 250 ? bus.publish(event) : hung),
        close: () => Promise.resolve(),
      },
      { batchSize: events, leaseMs: LEASE_MS, idleMs: 50 },
    );
    abandoned.start();
    await until('the abandoned relay to hang', () => published >= 250);
    expect(await claimedNotPublished()).toBe(events);

    const takeover = new OutboxRelay(outbox.dataSource, RELAY_SCHEMA, bus, { batchSize: 100, leaseMs: LEASE_MS, idleMs: 50 });
    takeover.start();
    try {
      await until('the takeover to drain the outbox', async () => (await pendingCount(outbox)) === 0);
    } finally {
      await takeover.stop();
      // The abandoned publish fails at last, so its loop can end.
      abandonPublish(new Error('abandoned'));
      await abandoned.stop();
    }
    const repeats = checkDelivery(written, received);
    // The abandoned relay's 249 publishes came again from the takeover: the bus delivers repeats, each an id seen before.
    expect(repeats).toBe(249);
    expect(received).toHaveLength(events + 249);
  }, 180_000);
});
