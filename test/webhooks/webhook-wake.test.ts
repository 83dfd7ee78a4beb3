/**
 * The webhook worker follows the outbox's commit signal, as the relay and the subscriptions' feed
 * do: a worker that polls once a minute still posts a payment's event within the test's wait, so
 * it was woken by the commit. In this process through the transaction's end; a worker on another
 * replica (a data source of its own on the same database) through PostgreSQL's LISTEN/NOTIFY,
 * which the embedded server cannot carry between connections, so that case runs on PostgreSQL.
 */
import { openSubgraphDatabase, outboxSignal, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { WebhookWorker } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { usesRealPostgres } from '../support/test-database';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { startReceiver } from './webhook-receiver';

jest.setTimeout(90_000);

/** Far longer than the test waits: only a wake-up delivers in time. */
const POLL_NEVER_MS = 60_000;
/** What the test waits for the delivery: well under one poll. */
const WAIT_MS = 10_000;

let system: TestSystem;
const receivers: Array<{ close(): Promise<void> }> = [];
const workers: WebhookWorker[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true, webhookWorker: false });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(receivers.map((r) => r.close()));
  await system?.stop();
});

/** A worker that, unless woken, looks for work once at start and then once a minute. */
async function idleWorker(database: SubgraphDatabase['dataSource']): Promise<WebhookWorker> {
  const worker = new WebhookWorker(database, { secrets: system.wallet.webhookSecrets, idleMs: POLL_NEVER_MS, requestTimeoutMs: 5_000 });
  workers.push(worker);
  worker.start();
  // Its first round found nothing due; it now sleeps for a minute unless woken.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return worker;
}

/** A customer with a card in a wallet, an endpoint of their own for approved payments, and a way to pay. */
async function customerWithEndpoint() {
  const hooks = await startReceiver(() => 200);
  receivers.push(hooks);
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === 'wechat-pay')!.id;
  const { errors } = await system.queryAs(
    system.token(customer.customerId),
    `mutation R($url: String!) { registerCustomerWebhookEndpoint(url: $url, eventTypes: ["payment.approved"]) { endpoint { id } } }`,
    { url: hooks.url },
  );
  expect(errors).toBeUndefined();
  const holder = holderClient(system, customer.customerId);
  return { hooks, pay: async (fen: number) => expect((await holder.pay(binding, fen)).ok).toBe(true) };
}

it("a worker idle between polls posts a committed payment's event without waiting for its next poll", async () => {
  const { hooks, pay } = await customerWithEndpoint();
  const worker = await idleWorker(system.wallet.database.dataSource);
  await pay(4_56);
  await hooks.until((received) => received.length >= 1, WAIT_MS);
  expect(JSON.parse(hooks.received[0].body)).toMatchObject({ type: 'payment.approved', payload: { amountFen: '456' } });
  await worker.stop();
});

(usesRealPostgres() ? it : it.skip)("another replica's commit wakes this replica's worker (LISTEN/NOTIFY)", async () => {
  const replica = await openSubgraphDatabase({ url: system.database.url, schema: 'wallet', entities: [], migrations: [], poolSize: 2 });
  try {
    const { hooks, pay } = await customerWithEndpoint();
    const worker = await idleWorker(replica.dataSource);
    await outboxSignal(replica.dataSource).listening;
    // Committed by the wallet's own data source: nothing in this process wakes the replica's worker.
    await pay(7_89);
    await hooks.until((received) => received.length >= 1, WAIT_MS);
    expect(JSON.parse(hooks.received[0].body)).toMatchObject({ type: 'payment.approved', payload: { amountFen: '789' } });
    await worker.stop();
  } finally {
    await replica.close();
  }
});
