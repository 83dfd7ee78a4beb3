/**
 * "A limit nearly used" through the gateway: the payment that takes the holder's daily limit to
 * 80 % or more writes one limit.nearly_used event in the issuer's authorization transaction,
 * and the customer's activity subscription receives it with the limit and its use; a further
 * payment in the same window warns no more. On the in-process bus (CARDWEAVE_TEST_DATABASE=postgres
 * for a real PostgreSQL).
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
