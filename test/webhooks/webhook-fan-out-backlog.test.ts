/**
 * The webhook worker drains a backlog in the event inbox without pausing between fan-out
 * batches: events stored while no worker ran (a restart, a burst from the issuer) that match no
 * endpoint still take a fan-out round each batch, and a round that fanned out a full batch is
 * followed at once by the next, not after the idle pause, so the endpoint's event behind them is
 * posted soon.
 */
import { randomUUID } from 'node:crypto';
import { storeReceivedEvent } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, WebhookWorker } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { startReceiver } from './webhook-receiver';

jest.setTimeout(90_000);

/** Far longer than the test waits: only a round that follows at once delivers in time. */
const POLL_NEVER_MS = 60_000;
/** More than two fan-out batches (200 events each) ahead of the endpoint's event. */
const BACKLOG = 450;

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: false, webhookWorker: false });
});

afterAll(async () => {
  await system?.stop();
});

it("posts an endpoint's event stored behind a backlog of other events without waiting for the idle pause", async () => {
  const hooks = await startReceiver(() => 200);
  const worker = new WebhookWorker(system.wallet.database.dataSource, {
    secrets: system.wallet.webhookSecrets,
    idleMs: POLL_NEVER_MS,
    requestTimeoutMs: 5_000,
  });
  try {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
    const { errors } = await system.queryAs(
      system.token(customer.customerId),
      `mutation R($url: String!) { registerCustomerWebhookEndpoint(url: $url, eventTypes: ["card.locked"]) { endpoint { id } } }`,
      { url: hooks.url },
    );
    expect(errors).toBeUndefined();

    const dataSource = system.wallet.database.dataSource;
    const occurredAt = new Date().toISOString();
    // Other customers' events, which no endpoint asks for, then the customer's own.
    for (let i = 0; i < BACKLOG; i++) {
      const other = {
        id: randomUUID(),
        type: 'card.locked' as const,
        occurredAt,
        customerId: randomUUID(),
        cardId: randomUUID(),
        platform: null,
        errorCode: null,
        payload: {},
      };
      await storeReceivedEvent(dataSource, WALLET_SCHEMA, other, null);
    }
    const own = {
      id: randomUUID(),
      type: 'card.locked' as const,
      occurredAt,
      customerId: customer.customerId,
      cardId: customer.cardIds[0],
      platform: null,
      errorCode: null,
      payload: {},
    };
    await storeReceivedEvent(dataSource, WALLET_SCHEMA, own, null);

    worker.start();
    await hooks.until((received) => received.length >= 1, 10_000);
    expect(hooks.received.map((r) => (JSON.parse(r.body) as { id: string }).id)).toEqual([own.id]);
  } finally {
    await worker.stop();
    await hooks.close();
  }
});
