/**
 * Subscriptions through the gateway over WebSocket with the graphql-ws protocol, authorized as
 * queries are: the bearer token in the connection_init payload (as a browser sends it) or in the
 * upgrade request's Authorization header. A customer receives their payment's event; without a
 * token the subscription is refused as UNAUTHENTICATED.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { CUSTOMER_ACTIVITY, lastEventId, type ActivityEvent } from './activity-support';
import { watchAbortListeners } from './abort-listener-watch';

jest.setTimeout(60_000);

let system: TestSystem;
const clients: Client[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  await system?.stop();
});

const wsUrl = () => system.gateway.url.replace(/^http/, 'ws');

type Result = { data?: { customerActivity: ActivityEvent } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** Subscribes and collects what arrives: results, and an error that ends the subscription. */
function follow(client: Client, variables: Record<string, unknown>) {
  const results: Result[] = [];
  let failure: unknown = null;
  let waiter: (() => void) | null = null;
  const wake = () => waiter?.();
  client.subscribe<Result['data']>(
    { query: CUSTOMER_ACTIVITY, variables },
    {
      next: (result) => {
        results.push(result as Result);
        wake();
      },
      error: (error) => {
        failure = error;
        wake();
      },
      complete: wake,
    },
  );
  return {
    async next(timeoutMs: number): Promise<Result | null> {
      const deadline = Date.now() + timeoutMs;
      while (!results.length && !failure && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
      return results.shift() ?? null;
    },
  };
}

async function holder() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  const client = holderClient(system, customer.customerId);
  // One event first, so the subscription resumes after it and nothing can fall between.
  expect((await client.pay(wechat, 1_00)).ok).toBe(true);
  return { customerId: customer.customerId, cardId, wechat, client, token: system.token(customer.customerId) };
}

it("receives the customer's payment over graphql-ws, the token in connection_init; another customer's socket receives none of it", async () => {
  const alice = await holder();
  const bob = await holder();
  const aliceWs = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${alice.token}` } });
  const bobWs = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bob.token}` } });
  clients.push(aliceWs, bobWs);
  const aliceFeed = follow(aliceWs, { after: await lastEventId(system, alice.customerId) });
  const bobFeed = follow(bobWs, { after: await lastEventId(system, bob.customerId) });
  // Both listen on the wallet before the payment (a subscription starts when its socket has said hello).
  for (const deadline = Date.now() + 5_000; system.wallet.activity.listening < 2 && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 25));
  expect(system.wallet.activity.listening).toBe(2);

  expect((await alice.client.pay(alice.wechat, 234_56)).ok).toBe(true);
  const result = await aliceFeed.next(5_000);
  expect(result?.errors).toBeUndefined();
  expect(result?.data?.customerActivity).toMatchObject({ type: 'PAYMENT_APPROVED', card: { id: alice.cardId }, platformId: 'wechat-pay' });
  expect(String(result!.data!.customerActivity.amountFen)).toBe('23456');
  expect(await bobFeed.next(1_000)).toBeNull();
});

it('takes the token from the upgrade request’s Authorization header too', async () => {
  const alice = await holder();
  const ws = createClient({
    url: wsUrl(),
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { authorization: `Bearer ${alice.token}` } });
      }
    },
  });
  clients.push(ws);
  const feed = follow(ws, { after: await lastEventId(system, alice.customerId) });
  for (const deadline = Date.now() + 5_000; system.wallet.activity.listening < 1 && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 25));
  expect((await alice.client.pay(alice.wechat, 3_00)).ok).toBe(true);
  const result = await feed.next(5_000);
  expect(result?.data?.customerActivity).toMatchObject({ type: 'PAYMENT_APPROVED', card: { id: alice.cardId } });
});

it('refuses a subscription without a token as UNAUTHENTICATED, and one with a bad token the same', async () => {
  for (const connectionParams of [{}, { authorization: 'Bearer not-a-token' }]) {
    const ws = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
    clients.push(ws);
    const feed = follow(ws, {});
    let refusal: Result | null = null;
    try {
      refusal = await feed.next(5_000);
    } catch (error) {
      // graphql-ws reports an operation's errors through `error` as an array of GraphQL errors.
      refusal = { errors: JSON.parse((error as Error).message) as Result['errors'] };
    }
    expect(refusal?.data?.customerActivity ?? null).toBeNull();
    expect(refusal?.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
});

it('a socket that closes is released on the wallet at once', async () => {
  const alice = await holder();
  const ws = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${alice.token}` } });
  follow(ws, {});
  const listeners = async (count: number) => {
    for (const deadline = Date.now() + 5_000; system.wallet.activity.listening !== count && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 25));
    return system.wallet.activity.listening;
  };
  expect(await listeners(1)).toBe(1);
  await ws.dispose();
  // No event comes meanwhile: the listener goes because the socket went.
  expect(await listeners(0)).toBe(0);
});

it('20 sockets at once raise no MaxListenersExceededWarning, and every abort listener they added is gone once they close', async () => {
  const SUBSCRIBERS = 20;
  const listeners = async (count: number) => {
    for (const deadline = Date.now() + 5_000; system.wallet.activity.listening !== count && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 25));
    return system.wallet.activity.listening;
  };
  const tokens = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, async () => system.token((await insertCustomer(system, { cards: 1, billItems: 0 })).customerId)),
  );
  expect(await listeners(0)).toBe(0);
  const watch = watchAbortListeners();
  try {
    const sockets = tokens.map((token) =>
      createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } }),
    );
    for (const socket of sockets) follow(socket, {});
    expect(await listeners(SUBSCRIBERS)).toBe(SUBSCRIBERS);
    // The gateway's subgraph executor has one signal that every open subscription listens on.
    const shared = watch.holding(SUBSCRIBERS);
    expect(shared.length).toBeGreaterThan(0);
    await Promise.all(sockets.map((socket) => socket.dispose()));
    expect(await listeners(0)).toBe(0);
    // A listener left behind per subscriber would be a leak: each signal is back to at most what it held.
    expect(await watch.settle(shared, 5_000)).toBe(true);
    expect(watch.warnings.map((w) => w.message)).toEqual([]);
  } finally {
    watch.stop();
  }
});
