/**
 * A wallet database from when webhooks fanned out from the wallet's own outbox, upgraded to the
 * fan-out from the event inbox (every service's events). Nothing already fanned out is sent
 * again, whether its event had reached the inbox at the upgrade or reaches it after; the wallet's
 * events the outbox had not fanned out yet are sent, whether in the inbox then or later; the
 * issuer's events in the inbox before the upgrade are history and not sent; those after it are.
 */
import { randomUUID } from 'node:crypto';
import {
  openSubgraphDatabase,
  recordEvent,
  storeReceivedEvent,
  toMessage,
  type DomainEvent,
  type SubgraphDatabase,
} from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations, WebhookSecretKeys, WebhookWorker } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startReceiver } from './webhook-receiver';

jest.setTimeout(60_000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const CUSTOMER = randomUUID();
const CARD = randomUUID();

async function walletEvent(db: SubgraphDatabase, amountFen: string): Promise<DomainEvent> {
  return db.dataSource.transaction((m) =>
    recordEvent(
      m,
      WALLET_SCHEMA,
      { type: 'payment.approved', customerId: CUSTOMER, cardId: CARD, platform: 'wechat-pay', payload: { amountFen } },
      new Date(),
    ),
  );
}

function issuerEvent(reason: string): DomainEvent {
  return {
    id: randomUUID(),
    type: 'card.locked',
    occurredAt: new Date(),
    customerId: CUSTOMER,
    cardId: CARD,
    platform: null,
    errorCode: null,
    payload: { reason },
  };
}

it('sends after the upgrade what was not fanned out, once, and nothing fanned out before', async () => {
  const upgrade = walletMigrations.findIndex((m) => typeof m === 'function' && m.name.startsWith('FanOutWebhooksFromEventInbox'));
  expect(upgrade).toBeGreaterThan(0);
  const receiver = await startReceiver(() => 200);
  const old = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations.slice(0, upgrade),
  });
  const endpointId = randomUUID();
  await old.dataSource.query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, created_at)
     VALUES ($1, $2, ARRAY['payment.approved', 'card.locked'], NULL, 'whsec_legacy', now())`,
    [endpointId, receiver.url],
  );
  // As the outbox's fan-out left them: fanned out (a delivery each, delivered) or not yet.
  const fannedOut = async (event: DomainEvent) => {
    await old.dataSource.query(`UPDATE wallet.event_outbox SET webhooks_queued_at = now() WHERE id = $1`, [event.id]);
    await old.dataSource.query(
      `INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, attempt_count, give_up_after, delivered_at, created_at)
       VALUES ($1, $2, $3, 'DELIVERED', 1, now(), now(), now())`,
      [randomUUID(), event.id, endpointId],
    );
  };
  const sentInInbox = await walletEvent(old, '100');
  await fannedOut(sentInInbox);
  await storeReceivedEvent(old.dataSource, WALLET_SCHEMA, toMessage(sentInInbox), null);
  const sentNotInInbox = await walletEvent(old, '200');
  await fannedOut(sentNotInInbox);
  const unsentInInbox = await walletEvent(old, '300');
  await storeReceivedEvent(old.dataSource, WALLET_SCHEMA, toMessage(unsentInInbox), null);
  const unsentNotInInbox = await walletEvent(old, '400');
  const history = issuerEvent('before the upgrade');
  await storeReceivedEvent(old.dataSource, WALLET_SCHEMA, toMessage(history), null);
  await old.close();

  const upgraded = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations,
  });
  const worker = new WebhookWorker(upgraded.dataSource, { secrets: WebhookSecretKeys.parse(WebhookSecretKeys.newEntry()), idleMs: 20 });
  try {
    // The relay publishes what was pending; the issuer's next event arrives.
    await storeReceivedEvent(upgraded.dataSource, WALLET_SCHEMA, toMessage(sentNotInInbox), null);
    await storeReceivedEvent(upgraded.dataSource, WALLET_SCHEMA, toMessage(unsentNotInInbox), null);
    const after = issuerEvent('after the upgrade');
    await storeReceivedEvent(upgraded.dataSource, WALLET_SCHEMA, toMessage(after), null);
    worker.start();

    const expected = [unsentInInbox.id, unsentNotInInbox.id, after.id].sort();
    await receiver.until((r) => r.length >= expected.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.map((r) => r.eventId).sort()).toEqual(expected);
    const deliveries = (await upgraded.dataSource.query(
      `SELECT event_id, count(*)::int AS n FROM wallet.webhook_deliveries GROUP BY event_id`,
    )) as Array<{ event_id: string; n: number }>;
    expect(Object.fromEntries(deliveries.map((d) => [d.event_id, d.n]))).toEqual(
      Object.fromEntries([sentInInbox.id, sentNotInInbox.id, ...expected].map((id) => [id, 1])),
    );
    // Each inbox event is marked: nothing is fanned out again.
    const [pending] = (await upgraded.dataSource.query(
      `SELECT count(*)::int AS n FROM wallet.event_inbox WHERE webhooks_queued_at IS NULL`,
    )) as Array<{ n: number }>;
    expect(pending.n).toBe(0);
  } finally {
    await worker.stop();
    await upgraded.close();
    await receiver.close();
  }
});
