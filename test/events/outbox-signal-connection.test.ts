/**
 * The signal's own connection (the one that LISTENs for other replicas' commits): a commit made
 * while it was being re-established after a drop still wakes the readers, and closing the data
 * source closes it even when a reader never unsubscribed. Only PostgreSQL carries notifications
 * between connections (the embedded server has one session for all), so these run there.
 */
import { Client } from 'pg';
import { setLogSink } from '@cardweave/service-kit';
import { InProcessEventBus, OutboxRelay, outboxSignal, type DomainEvent, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, usesRealPostgres, type TestDatabase } from '../support/test-database';
import { openOutbox, RELAY_SCHEMA, writeEvents } from './relay-support';

/** Far longer than the test waits: only a wake-up publishes in time. */
const POLL_NEVER_MS = 60_000;
const SIGNAL_APPLICATION = 'cardweave-outbox-signal';

const onPostgres = usesRealPostgres() ? it : it.skip;

let database: TestDatabase;
let admin: Client;

beforeEach(async () => {
  database = await createTestDatabase();
  admin = new Client({ connectionString: database.url });
  await admin.connect();
});

afterEach(async () => {
  await admin.end();
  await database.drop();
});

/** The signal connections open on the test's database. */
async function signalConnections(): Promise<number> {
  const { rows } = await admin.query<{ count: string }>(
    `SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [SIGNAL_APPLICATION],
  );
  return Number(rows[0].count);
}

async function until(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

onPostgres("another replica's commit made while the listening connection reconnects still wakes the relay", async () => {
  const writer = await openOutbox(database.url);
  const replica = await openOutbox(database.url);
  const bus = new InProcessEventBus();
  const received: DomainEvent[] = [];
  bus.subscribe((event) => received.push(event));
  const relay = new OutboxRelay(replica.dataSource, RELAY_SCHEMA, bus, { idleMs: POLL_NEVER_MS });
  const logged: Array<{ level: string; service: string; msg: string }> = [];
  const previousSink = setLogSink((line) => logged.push(JSON.parse(line) as { level: string; service: string; msg: string }));
  try {
    relay.start();
    await outboxSignal(replica.dataSource).listening;
    expect(await signalConnections()).toBe(1);

    // The server drops the listening connection (a restart, a failover, an idle timeout).
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [SIGNAL_APPLICATION],
    );
    expect(await until(async () => (await signalConnections()) === 0, 5_000)).toBe(true);
    // The relay was woken by the loss, found nothing and sleeps; the replica listens again in about a second.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = await writeEvents(writer, 2, 1);

    expect(await until(() => received.length === 2, 10_000)).toBe(true);
    expect(received.map((e) => e.id)).toEqual(written.map((e) => e.id));
    expect(await signalConnections()).toBe(1);
    // The operator is told once that the connection went, and once that it is back.
    const signalLines = logged.filter((line) => line.msg.startsWith('outbox signal'));
    expect(signalLines.map((line) => [line.level, line.service])).toEqual([
      ['warn', RELAY_SCHEMA],
      ['info', RELAY_SCHEMA],
    ]);
    expect(signalLines[0].msg).toContain('connection lost');
  } finally {
    setLogSink(previousSink);
    await relay.stop();
    await replica.close();
    await writer.close();
  }
});

onPostgres('closing the data source closes its listening connection, even with a reader still subscribed', async () => {
  const replica: SubgraphDatabase = await openOutbox(database.url);
  // A reader that never unsubscribes (a subscription still open at shutdown).
  outboxSignal(replica.dataSource).subscribe(`${RELAY_SCHEMA}.event_outbox`, () => undefined);
  await outboxSignal(replica.dataSource).listening;
  expect(await signalConnections()).toBe(1);

  await replica.close();

  expect(await until(async () => (await signalConnections()) === 0, 5_000)).toBe(true);
  // And it does not come back.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await signalConnections()).toBe(0);
});
