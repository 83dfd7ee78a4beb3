/**
 * "A limit nearly used" through the gateway: the payment that takes a daily limit to 80 % or
 * more writes one limit.nearly_used event in the transaction that approved it (the issuer's for
 * the holder's own limit, the wallet's settlement for a wallet platform's; a payment declined
 * after the wallet counted it warns nothing), and the customer's activity
 * subscription receives it with the limit and its use; a further payment in the same window
 * warns no more. On the in-process bus (CARDWEAVE_TEST_DATABASE=postgres for a real PostgreSQL).
 * The clearing network's own limits: network-limit-alert-activity.test.ts.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { subscribeOverSse, type SseSubscription } from './activity-sse-client';
import { CUSTOMER_ACTIVITY, eventOf, lastEventId, type ActivityEvent } from './activity-support';

jest.setTimeout(60_000);

let system: TestSystem;
const open: SseSubscription[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true });
});
afterEach(() => {
  for (const subscription of open.splice(0)) subscription.close();
});
afterAll(async () => {
  await system?.stop();
});

async function alertsOf(customerId: string): Promise<Array<{ payload: Record<string, string> }>> {
  return (await system.issuer.database.dataSource.query(
    `SELECT payload FROM issuer.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'`,
    [customerId],
  )) as Array<{ payload: Record<string, string> }>;
}

it('the payment that takes the daily limit to 80 % is followed by one LIMIT_NEARLY_USED; the next payment in the window by none', async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  const client = holderClient(system, customer.customerId);
  const set = await client.setSpendingControls(cardId, { dailyFen: 100_00 });
  expect(set.data!.setSpendingControls.ok).toBe(true);

  // 79 % of the day's limit: no warning yet.
  expect((await client.pay(wechat, 79_00)).ok).toBe(true);
  expect(await alertsOf(customer.customerId)).toHaveLength(0);
  const feed = await subscribeOverSse(system.gateway.url, system.token(customer.customerId), CUSTOMER_ACTIVITY, {
    after: await lastEventId(system, customer.customerId),
  });
  open.push(feed);
  expect(feed.status).toBe(200);

  // 80 %: the payment and the warning (two services' events, in the order they reached the broker).
  expect((await client.pay(wechat, 1_00)).ok).toBe(true);
  const two: ActivityEvent[] = [eventOf(await feed.next(5_000), 'customerActivity'), eventOf(await feed.next(5_000), 'customerActivity')];
  expect(two.map((e) => e.type).sort()).toEqual(['LIMIT_NEARLY_USED', 'PAYMENT_APPROVED']);
  const warning = two.find((e) => e.type === 'LIMIT_NEARLY_USED')!;
  expect(warning).toMatchObject({
    card: { id: cardId },
    platformId: 'cardholder',
    limitUsage: { ruleId: expect.any(String), window: 'DAILY', windowKey: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
  });
  expect([String(warning.limitUsage!.usedFen), String(warning.limitUsage!.limitFen)]).toEqual(['8000', '10000']);

  // 90 %: the payment only; the window has warned.
  expect((await client.pay(wechat, 10_00)).ok).toBe(true);
  expect(eventOf(await feed.next(5_000), 'customerActivity')).toMatchObject({ type: 'PAYMENT_APPROVED' });
  expect(await feed.next(1_000)).toBeNull();
  expect(await alertsOf(customer.customerId)).toHaveLength(1);
});

it('a payment refused by the limit counts nothing and warns nothing', async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  const client = holderClient(system, customer.customerId);
  expect((await client.setSpendingControls(cardId, { dailyFen: 100_00 })).data!.setSpendingControls.ok).toBe(true);
  // Over the day's limit in one payment: declined, nothing counted, nothing said.
  expect((await client.pay(wechat, 120_00)).ok).toBe(false);
  expect(await alertsOf(customer.customerId)).toHaveLength(0);
  const [claimed] = (await system.issuer.database.dataSource.query(
    `SELECT count(*)::int AS n FROM issuer.limit_alerts WHERE scope_key = $1`,
    [cardId],
  )) as Array<{ n: number }>;
  expect(claimed.n).toBe(0);
  // The next payment that does reach 80 % still warns: nothing was used up by the refusal.
  expect((await client.pay(wechat, 85_00)).ok).toBe(true);
  expect(await alertsOf(customer.customerId)).toHaveLength(1);
});

it("the wallet's own limit: the payment that takes UnionPay QuickPass's daily 5,000 CNY to 4,000 warns once, from the wallet", async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const quickpass = (await bindingsOf(system, cardId)).find((b) => b.platform === 'unionpay-quickpass')!.id;
  const client = holderClient(system, customer.customerId);
  const walletAlerts = async () =>
    (await system.wallet.database.dataSource.query(
      `SELECT payload, platform FROM wallet.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'`,
      [customer.customerId],
    )) as Array<{ payload: Record<string, string>; platform: string }>;

  // 1,000 CNY at a time (the most a QuickPass payment may be): 3,000 is 60 %.
  for (let i = 0; i < 3; i++) expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  expect(await walletAlerts()).toHaveLength(0);
  const feed = await subscribeOverSse(system.gateway.url, system.token(customer.customerId), CUSTOMER_ACTIVITY, {
    after: await lastEventId(system, customer.customerId),
  });
  open.push(feed);

  expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  expect(await walletAlerts()).toEqual([
    {
      platform: 'unionpay-quickpass',
      payload: {
        ruleId: 'unionpay-quickpass.daily',
        window: 'DAILY',
        windowKey: expect.any(String),
        usedFen: '400000',
        limitFen: '500000',
      },
    },
  ]);
  // The card's UnionPay day (5,000 CNY on the network) is at 4,000 too: the network warns of its own
  // limit beside the wallet, each once; the services' events in the order they reached the inbox.
  const received: ActivityEvent[] = [];
  for (let i = 0; i < 3; i++) received.push(eventOf(await feed.next(5_000), 'customerActivity'));
  expect(received.map((e) => e.type).sort()).toEqual(['LIMIT_NEARLY_USED', 'LIMIT_NEARLY_USED', 'PAYMENT_APPROVED']);
  const wallets = received.filter((e) => e.platformId !== 'unionpay');
  // The wallet's own two, in its outbox's order: the warning is written before the outcome in the same transaction.
  expect(wallets.map((e) => e.type)).toEqual(['LIMIT_NEARLY_USED', 'PAYMENT_APPROVED']);
  expect(wallets[0]).toMatchObject({
    platformId: 'unionpay-quickpass',
    limitUsage: { ruleId: 'unionpay-quickpass.daily', window: 'DAILY' },
  });
  expect(received.find((e) => e.platformId === 'unionpay')).toMatchObject({
    type: 'LIMIT_NEARLY_USED',
    limitUsage: { ruleId: 'unionpay.daily', window: 'DAILY' },
  });
  // 100 %: no second warning for the window.
  expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  expect(await walletAlerts()).toHaveLength(1);
});

it("the wallet's own limit: a payment the issuer declines after the wallet counted it warns nothing, and the window still warns when an approved payment reaches 80 %", async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const quickpass = (await bindingsOf(system, cardId)).find((b) => b.platform === 'unionpay-quickpass')!.id;
  const client = holderClient(system, customer.customerId);
  const walletAlerts = async () =>
    (await system.wallet.database.dataSource.query(
      `SELECT payload FROM wallet.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'`,
      [customer.customerId],
    )) as Array<{ payload: Record<string, string> }>;

  for (let i = 0; i < 3; i++) expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  // Locked by the holder: the wallet counts the payment (4,000 of 5,000), then the issuer declines it.
  expect((await client.lockCard(cardId)).data!.lockCard.ok).toBe(true);
  const declined = await client.pay(quickpass, 1_000_00);
  expect(declined.ok).toBe(false);
  expect(await walletAlerts()).toHaveLength(0);

  // Given back, so the approved payment after the unlock is the one at 80 %, and it warns.
  expect((await client.unlockCard(cardId)).data!.unlockCard.ok).toBe(true);
  expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  expect((await walletAlerts()).map((a) => a.payload)).toEqual([
    expect.objectContaining({ ruleId: 'unionpay-quickpass.daily', window: 'DAILY', usedFen: '400000', limitFen: '500000' }),
  ]);
  // 100 %: the window has warned.
  expect((await client.pay(quickpass, 1_000_00)).ok).toBe(true);
  expect(await walletAlerts()).toHaveLength(1);
});
