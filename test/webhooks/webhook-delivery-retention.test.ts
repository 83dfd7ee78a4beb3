/**
 * The delivery log does not grow for ever: a finished delivery (delivered, failed once its retries
 * ran out, cancelled) whose retry window ended more than EVENT_RETENTION_DAYS ago is deleted with
 * its attempts, in batches, by the inbox's retention job; then the event it referred to can go
 * too. A delivery still retrying stays however old, and so does its event; so does a recent one.
 * The job's batch of finished deliveries (finished statuses, window ended before the cutoff,
 * oldest first) reads a partial index of finished deliveries rather than scanning the log; the
 * migration that adds it is undone by dropping it (last in this file: it undoes and redoes it).
 */
import { randomUUID } from 'node:crypto';
import { openSubgraphDatabase, storeReceivedEvent, toMessage, type DomainEvent, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { startInboxRetention, trimWalletEvents, WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

let database: TestDatabase;
let wallet: SubgraphDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  wallet = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations,
    poolSize: 2,
  });
});
afterAll(async () => {
  await wallet?.close();
  await database?.drop();
});

function event(customerId: string): DomainEvent {
  return {
    id: randomUUID(),
    type: 'payment.approved',
    occurredAt: new Date(),
    customerId,
    cardId: randomUUID(),
    platform: 'wechat-pay',
    errorCode: null,
    payload: { amountFen: '100' },
  };
}

async function endpoint(): Promise<string> {
  const id = randomUUID();
  await wallet.dataSource.query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, signing_secret, created_at) VALUES ($1, 'https://example.test/hook', '{payment.approved}', 'sealed', now() - interval '60 days')`,
    [id],
  );
  return id;
}

/** An event received and fanned out 40 days ago, with one delivery to `endpointId` of `status`, its window ended `endedDaysAgo`. */
async function deliveredEvent(customerId: string, endpointId: string, status: string, endedDaysAgo: number) {
  const e = event(customerId);
  await storeReceivedEvent(wallet.dataSource, WALLET_SCHEMA, toMessage(e), null);
  await wallet.dataSource.query(
    `UPDATE wallet.event_inbox SET received_at = now() - interval '40 days', webhooks_queued_at = now() - interval '40 days' WHERE id = $1`,
    [e.id],
  );
  const delivery = randomUUID();
  await wallet.dataSource.query(
    `INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, attempt_count, next_attempt_at, give_up_after, created_at)
     VALUES ($1, $2, $3, $4, 1, CASE WHEN $4 = 'PENDING' THEN now() + interval '1 hour' END,
             now() - make_interval(days => $5::int), now() - interval '40 days')`,
    [delivery, e.id, endpointId, status, endedDaysAgo],
  );
  await wallet.dataSource.query(
    `INSERT INTO wallet.webhook_attempts (delivery_id, number, attempted_at, status, error, duration_ms)
     VALUES ($1, 1, now() - interval '40 days', 500, 'HTTP 500', 12)`,
    [delivery],
  );
  return { eventId: e.id, delivery };
}

async function ids(sql: string, params: unknown[]): Promise<string[]> {
  return ((await wallet.dataSource.query(sql, params)) as Array<{ id: string }>).map((r) => r.id).sort();
}

it('deletes finished deliveries past the retention with their attempts, then their events; keeps retrying and recent ones', async () => {
  const customerId = randomUUID();
  const endpointId = await endpoint();
  const delivered = await deliveredEvent(customerId, endpointId, 'DELIVERED', 39);
  const failed = await deliveredEvent(customerId, endpointId, 'FAILED', 39);
  const cancelled = await deliveredEvent(customerId, endpointId, 'CANCELLED', 39);
  // Still retrying, though its window (as stored) ended long ago: a claim or a redelivery may be on its way.
  const retrying = await deliveredEvent(customerId, endpointId, 'PENDING', 39);
  // Redelivered two days ago: its log is recent.
  const recent = await deliveredEvent(customerId, endpointId, 'DELIVERED', 1);

  const job = startInboxRetention(wallet.dataSource, 30, { intervalMs: 60_000 });
  try {
    await job.runOnce();
  } finally {
    await job.stop();
  }

  const kept = [retrying.delivery, recent.delivery].sort();
  expect(await ids(`SELECT id FROM wallet.webhook_deliveries WHERE endpoint_id = $1`, [endpointId])).toEqual(kept);
  const everyDelivery = [delivered, failed, cancelled, retrying, recent].map((d) => d.delivery);
  expect(await ids(`SELECT delivery_id AS id FROM wallet.webhook_attempts WHERE delivery_id = ANY($1::uuid[])`, [everyDelivery])).toEqual(
    kept,
  );
  expect(await ids(`SELECT id FROM wallet.event_inbox WHERE customer_id = $1`, [customerId])).toEqual(
    [retrying.eventId, recent.eventId].sort(),
  );
});

it('deletes the delivery log in batches, before the inbox', async () => {
  const customerId = randomUUID();
  const endpointId = await endpoint();
  const finished = [];
  for (let i = 0; i < 3; i++) finished.push(await deliveredEvent(customerId, endpointId, 'DELIVERED', 35));
  const count = async (table: string, column: string, value: string) =>
    Number(
      (
        (await wallet.dataSource.query(`SELECT count(*) AS n FROM wallet.${table} WHERE ${column} = $1`, [value])) as Array<{ n: string }>
      )[0].n,
    );

  // A full batch of deliveries, then the last delivery (a short batch) and the inbox behind it.
  expect(await trimWalletEvents(wallet.dataSource, new Date(), 30, 2)).toBe(2);
  expect(await count('webhook_deliveries', 'endpoint_id', endpointId)).toBe(1);
  expect(await count('event_inbox', 'customer_id', customerId)).toBe(3);
  expect(await trimWalletEvents(wallet.dataSource, new Date(), 30, 2)).toBe(2);
  expect(await count('webhook_deliveries', 'endpoint_id', endpointId)).toBe(0);
  expect(await trimWalletEvents(wallet.dataSource, new Date(), 30, 2)).toBe(1);
  expect(await trimWalletEvents(wallet.dataSource, new Date(), 30, 2)).toBe(0);
  expect(await count('event_inbox', 'customer_id', customerId)).toBe(0);
});

const INDEX = 'webhook_deliveries_finished_idx';

async function indexDefinition(): Promise<string | undefined> {
  const rows: Array<{ indexdef: string }> = await wallet.dataSource.query(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'wallet' AND indexname = $1`,
    [INDEX],
  );
  return rows[0]?.indexdef;
}

it('indexes finished deliveries by the end of their retry window', async () => {
  const definition = await indexDefinition();
  expect(definition).toContain('(give_up_after)');
  for (const status of ['DELIVERED', 'FAILED', 'CANCELLED']) expect(definition).toContain(`'${status}'`);
  expect(definition).not.toContain(`'PENDING'`);
});

it('drops the index when its migration is undone, and makes it again when it is run', async () => {
  const last = walletMigrations[walletMigrations.length - 1];
  expect(typeof last === 'function' && last.name).toBe('IndexFinishedWebhookDeliveries1797206400001');
  await wallet.dataSource.undoLastMigration({ transaction: 'each' });
  expect(await indexDefinition()).toBeUndefined();
  const ran = await wallet.dataSource.runMigrations({ transaction: 'each' });
  expect(ran.map((m) => m.name)).toEqual(['IndexFinishedWebhookDeliveries1797206400001']);
  expect(await indexDefinition()).toBeDefined();
});
