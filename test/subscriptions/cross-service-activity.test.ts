/**
 * Every service's events in the customer's activity, through the gateway over SSE: the issuer's
 * (a card locked and unlocked, a repayment posted) beside the wallet's payments, read from the
 * wallet's inbox that the relays fill through the broker. On the in-process bus (`npm start`
 * without NATS) and on NATS JetStream (a stream of the run's own); with
 * CARDWEAVE_TEST_DATABASE=postgres, on a real PostgreSQL. Another customer receives none of
 * it, and resuming after a wallet or an issuer event misses nothing.
 */
import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { subscribeOverSse, type SseSubscription } from './activity-sse-client';
import { CUSTOMER_ACTIVITY, eventOf, lastEventId, type ActivityEvent } from './activity-support';

jest.setTimeout(90_000);

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const REPAY = `mutation($input: RepayInput!) { repay(input: $input) { ok error { code } repayment { id } } }`;

const brokers: Array<[string, () => NonNullable<Parameters<typeof startTestSystem>[0]>['nats']]> = [
  ['the in-process bus', () => undefined],
  [
    'NATS JetStream',
    () => {
      const run = randomUUID().replace(/-/g, '').slice(0, 12);
      return { url: NATS_URL, stream: `CARDWEAVE_TEST_ACTIVITY_${run}`, subjectPrefix: `cardweave-test-activity.${run}` };
    },
  ],
];

describe.each(brokers)('on %s', (_name, natsOf) => {
  let system: TestSystem;
  const nats = natsOf();
  const open: SseSubscription[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ demoData: false, eventRelays: true, nats });
  });
  afterEach(() => {
    for (const subscription of open.splice(0)) subscription.close();
  });
  afterAll(async () => {
    await system?.stop();
    if (nats) {
      const connection = await connect({ servers: nats.url });
      await (await jetstreamManager(connection)).streams.delete(nats.stream).catch(() => undefined);
      await connection.close();
    }
  });

  /**
   * A holder with one card bound to WeChat Pay; `owing`: with their October bill unpaid and past
   * due (so a repayment is taken, and payments are refused until it is repaid).
   */
  async function holder(owing = false) {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, paid: !owing });
    const cardId = customer.cardIds[0];
    const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
    const token = system.token(customer.customerId);
    const client = holderClient(system, customer.customerId);
    return {
      customerId: customer.customerId,
      cardId,
      wechat,
      token,
      client,
      async repay(amountFen: number) {
        const result = await system.queryAs<{ repay: { ok: boolean; repayment: { id: string } | null } }>(token, REPAY, {
          input: { customerId: customer.customerId, amountFen, idempotencyKey: randomUUID() },
        });
        expect(result.data?.repay.ok).toBe(true);
        return result.data!.repay.repayment!.id;
      },
    };
  }

  async function subscribe(token: string, after: string) {
    const subscription = await subscribeOverSse(system.gateway.url, token, CUSTOMER_ACTIVITY, { after });
    open.push(subscription);
    expect(subscription.status).toBe(200);
    return subscription;
  }

  async function nextEvents(feed: SseSubscription, count: number): Promise<ActivityEvent[]> {
    const events: ActivityEvent[] = [];
    for (let i = 0; i < count; i++) events.push(eventOf(await feed.next(5_000), 'customerActivity'));
    return events;
  }

  it("the issuer's card unlock and repayment reach the customer's subscriber with what a client shows; another customer receives none of it", async () => {
    const alice = await holder(true);
    const bob = await holder();
    // One event each first (a lock), so each subscribes after their own last event.
    expect((await alice.client.lockCard(alice.cardId)).data!.lockCard.ok).toBe(true);
    expect((await bob.client.lockCard(bob.cardId)).data!.lockCard.ok).toBe(true);
    const aliceFeed = await subscribe(alice.token, await lastEventId(system, alice.customerId));
    const bobFeed = await subscribe(bob.token, await lastEventId(system, bob.customerId));

    expect((await alice.client.unlockCard(alice.cardId)).data!.unlockCard.ok).toBe(true);
    const unlocked = eventOf(await aliceFeed.next(5_000), 'customerActivity');
    expect(unlocked).toMatchObject({
      type: 'CARD_UNLOCKED',
      card: { id: alice.cardId, maskedNumber: expect.stringMatching(/^\d{4} \d{2}•• •••• \d{4}$/) },
      platformId: 'jd-finance',
    });
    const repaymentId = await alice.repay(50_00);
    const repaid = eventOf(await aliceFeed.next(5_000), 'customerActivity');
    expect(repaid).toMatchObject({ type: 'REPAYMENT_POSTED', repaymentId, card: null, platformId: 'jd-finance' });
    expect(String(repaid.amountFen)).toBe('5000');
    expect(JSON.stringify([unlocked, repaid])).not.toMatch(/\d{13,19}/);

    // Bob's next event is his own unlock: none of Alice's was sent to him.
    expect((await bob.client.unlockCard(bob.cardId)).data!.unlockCard.ok).toBe(true);
    expect(eventOf(await bobFeed.next(5_000), 'customerActivity')).toMatchObject({ type: 'CARD_UNLOCKED', card: { id: bob.cardId } });
  });

  it('resuming after a wallet event or after an issuer event misses nothing and repeats nothing', async () => {
    const alice = await holder();
    expect((await alice.client.pay(alice.wechat, 1_00)).ok).toBe(true);
    const before = await lastEventId(system, alice.customerId);
    // Wallet, issuer, issuer, wallet, issuer: each reaches the inbox before the next change is made.
    expect((await alice.client.pay(alice.wechat, 2_00)).ok).toBe(true);
    await lastEventId(system, alice.customerId);
    expect((await alice.client.lockCard(alice.cardId)).data!.lockCard.ok).toBe(true);
    await lastEventId(system, alice.customerId);
    expect((await alice.client.unlockCard(alice.cardId)).data!.unlockCard.ok).toBe(true);
    await lastEventId(system, alice.customerId);
    expect((await alice.client.pay(alice.wechat, 3_00)).ok).toBe(true);
    await lastEventId(system, alice.customerId);
    expect((await alice.client.lockCard(alice.cardId)).data!.lockCard.ok).toBe(true);

    const all = await nextEvents(await subscribe(alice.token, before), 5);
    expect(all.map((e) => e.type)).toEqual(['PAYMENT_APPROVED', 'CARD_LOCKED', 'CARD_UNLOCKED', 'PAYMENT_APPROVED', 'CARD_LOCKED']);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);

    // After the first lock (the issuer's): the unlock, the payment, the lock. After the payment (the wallet's): the lock.
    const afterLock = await nextEvents(await subscribe(alice.token, all[1].id), 3);
    expect(afterLock.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
    const afterPayment = await subscribe(alice.token, all[3].id);
    expect(eventOf(await afterPayment.next(5_000), 'customerActivity').id).toBe(all[4].id);
    // Then the new ones, from either service.
    expect((await alice.client.unlockCard(alice.cardId)).data!.unlockCard.ok).toBe(true);
    expect(eventOf(await afterPayment.next(5_000), 'customerActivity')).toMatchObject({ type: 'CARD_UNLOCKED' });
    expect(await afterPayment.next(500)).toBeNull();
  });
});
