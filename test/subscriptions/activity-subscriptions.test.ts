/**
 * Card activity through the gateway over SSE: a customer who subscribes and pays receives the
 * payment's event within 2 s with what a client shows (type, time, masked number, amount in
 * fen, platform, a decline's canonical code); another customer receives nothing of it; a
 * subscription resumes after the last event id received; anonymous callers and other
 * customers' cards are refused.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { subscribeOverSse, type SseMessage, type SseSubscription } from './activity-sse-client';
import { CARD_ACTIVITY, CUSTOMER_ACTIVITY, eventOf, lastEventId } from './activity-support';
import { watchAbortListeners } from './abort-listener-watch';

jest.setTimeout(60_000);

let system: TestSystem;
const open: SseSubscription[] = [];

beforeAll(async () => {
  // The relays and the wallet's inbox run as in `npm start` (in-process bus): subscriptions read the inbox.
  system = await startTestSystem({ demoData: false, eventRelays: true });
});

afterEach(() => {
  for (const subscription of open.splice(0)) subscription.close();
});

afterAll(async () => {
  await system?.stop();
});

async function holderWithCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  return {
    customerId: customer.customerId,
    cardId,
    wechat,
    token: system.token(customer.customerId),
    client: holderClient(system, customer.customerId),
  };
}

async function subscribe(token: string | null, query: string, variables: Record<string, unknown>) {
  const subscription = await subscribeOverSse(system.gateway.url, token, query, variables);
  open.push(subscription);
  return subscription;
}

describe('a customer follows their activity over SSE', () => {
  it('receives the approved payment within 2 s, with what a client shows; another customer receives nothing of it', async () => {
    const alice = await holderWithCard();
    const bob = await holderWithCard();
    // One payment each first: both subscribe after their own last event, so nothing can fall between subscribing and paying.
    expect((await alice.client.pay(alice.wechat, 1_00)).ok).toBe(true);
    expect((await bob.client.pay(bob.wechat, 2_00)).ok).toBe(true);
    const aliceFeed = await subscribe(alice.token, CUSTOMER_ACTIVITY, { after: await lastEventId(system, alice.customerId) });
    const bobFeed = await subscribe(bob.token, CUSTOMER_ACTIVITY, { after: await lastEventId(system, bob.customerId) });
    expect(aliceFeed.status).toBe(200);

    const paid = await alice.client.pay(alice.wechat, 123_45);
    expect(paid.ok).toBe(true);
    const sent = Date.now();
    const event = eventOf(await aliceFeed.next(2_000), 'customerActivity');
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(event).toMatchObject({
      type: 'PAYMENT_APPROVED',
      card: { id: alice.cardId, maskedNumber: expect.stringMatching(/^\d{4} \d{2}•• •••• \d{4}$/) },
      platformId: 'wechat-pay',
      merchantName: '永辉超市',
      errorCode: null,
    });
    expect(String(event.amountFen)).toBe('12345');
    expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
    expect(JSON.stringify(event)).not.toMatch(/\d{13,19}/);

    // Bob's next event is his own next payment: Alice's was never sent to him.
    expect((await bob.client.pay(bob.wechat, 3_00)).ok).toBe(true);
    const bobs = eventOf(await bobFeed.next(2_000), 'customerActivity');
    expect(bobs).toMatchObject({ type: 'PAYMENT_APPROVED', card: { id: bob.cardId } });
    expect(String(bobs.amountFen)).toBe('300');
  });

  it('a declined payment carries its canonical code; cardActivity resumes after the last event id received', async () => {
    const alice = await holderWithCard();
    expect((await alice.client.pay(alice.wechat, 1_00)).ok).toBe(true);
    const before = await lastEventId(system, alice.customerId);
    // Two events while no one listens: an approval, then a decline over UnionPay's 1,000 CNY a payment.
    expect((await alice.client.pay(alice.wechat, 5_00)).ok).toBe(true);
    const declined = await alice.client.pay(alice.wechat, 2_000_00);
    expect(declined.ok).toBe(false);

    const feed = await subscribe(alice.token, CARD_ACTIVITY, { cardId: alice.cardId, after: before });
    const first = eventOf(await feed.next(2_000), 'cardActivity');
    const second = eventOf(await feed.next(2_000), 'cardActivity');
    expect([first.type, String(first.amountFen)]).toEqual(['PAYMENT_APPROVED', '500']);
    expect(second).toMatchObject({ type: 'PAYMENT_DECLINED', errorCode: declined.error!.code, platformId: 'wechat-pay' });
    expect(String(second.amountFen)).toBe('200000');
    // Reconnecting after the first resumes with the second only.
    feed.close();
    const resumed = await subscribe(alice.token, CARD_ACTIVITY, { cardId: alice.cardId, after: first.id });
    expect(eventOf(await resumed.next(2_000), 'cardActivity').id).toBe(second.id);
    expect((await alice.client.pay(alice.wechat, 7_00)).ok).toBe(true);
    expect(String(eventOf(await resumed.next(2_000), 'cardActivity').amountFen)).toBe('700');
  });
});

describe('a client that leaves', () => {
  /** Waits until the wallet's feed has `count` listeners; false if it does not within `ms`. */
  async function listenersReach(count: number, ms: number): Promise<boolean> {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25)))
      if (system.wallet.activity.listening === count) return true;
    return system.wallet.activity.listening === count;
  }

  it('is released on the wallet as soon as it closes its stream, with no event needed to notice', async () => {
    const alice = await holderWithCard();
    expect(await listenersReach(0, 5_000)).toBe(true);
    const feed = await subscribe(alice.token, CUSTOMER_ACTIVITY, {});
    expect(feed.status).toBe(200);
    expect(await listenersReach(1, 5_000)).toBe(true);
    feed.close();
    // Nothing happens to the customer meanwhile: a listener kept until its next event would stay.
    expect(await listenersReach(0, 5_000)).toBe(true);
  });

  it('20 at once raise no MaxListenersExceededWarning, and every abort listener they added is gone once they leave', async () => {
    const SUBSCRIBERS = 20;
    const holders = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => holderWithCard()));
    expect(await listenersReach(0, 5_000)).toBe(true);
    const watch = watchAbortListeners();
    try {
      const feeds = await Promise.all(holders.map((h) => subscribe(h.token, CUSTOMER_ACTIVITY, {})));
      expect(feeds.map((f) => f.status)).toEqual(Array(SUBSCRIBERS).fill(200));
      expect(await listenersReach(SUBSCRIBERS, 5_000)).toBe(true);
      // The gateway's subgraph executor has one signal that every open subscription listens on
      // (a query's listener there lasts until its timeout, so its count moves with queries too).
      const shared = watch.holding(SUBSCRIBERS);
      expect(shared.length).toBeGreaterThan(0);
      for (const feed of feeds) feed.close();
      expect(await listenersReach(0, 5_000)).toBe(true);
      // A listener left behind per subscriber would be a leak: each signal is back to at most what it held.
      expect(await watch.settle(shared, 5_000)).toBe(true);
      expect(watch.warnings.map((w) => w.message)).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('refusals', () => {
  const codesOf = (message: SseMessage | null) => (message?.data?.errors ?? []).map((e) => e.extensions?.code);

  it('an unauthenticated subscribe is refused and receives no event', async () => {
    const feed = await subscribe(null, CUSTOMER_ACTIVITY, {});
    const message = await feed.next(2_000);
    expect(message?.data?.data?.customerActivity ?? null).toBeNull();
    expect(codesOf(message)).toEqual([expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/)]);
  });

  it("another customer's card is NOT_FOUND, as if it did not exist", async () => {
    const alice = await holderWithCard();
    const bob = await holderWithCard();
    const feed = await subscribe(bob.token, CARD_ACTIVITY, { cardId: alice.cardId });
    expect(codesOf(await feed.next(2_000))).toEqual(['NOT_FOUND']);
  });
});
