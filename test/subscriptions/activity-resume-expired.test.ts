/**
 * Resuming after an event the wallet's inbox no longer keeps (trimmed past EVENT_RETENTION_DAYS):
 * the subscription is refused with BAD_USER_INPUT on the field `after`, rather than sent
 * what is left as if nothing were missing; resuming after a kept event still works.
 */
import { trimWalletInbox } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { subscribeOverSse, type SseSubscription } from './activity-sse-client';
import { CUSTOMER_ACTIVITY, eventOf, lastEventId } from './activity-support';

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

it('after an event trimmed from the inbox: refused (BAD_USER_INPUT, field after); after one kept: the events since', async () => {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const wechat = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === 'wechat-pay')!.id;
  const client = holderClient(system, customer.customerId);
  const token = system.token(customer.customerId);
  expect((await client.pay(wechat, 1_00)).ok).toBe(true);
  const old = await lastEventId(system, customer.customerId);
  expect((await client.pay(wechat, 2_00)).ok).toBe(true);
  const kept = await lastEventId(system, customer.customerId);
  expect((await client.pay(wechat, 3_00)).ok).toBe(true);
  await lastEventId(system, customer.customerId);

  // The customer's events up to `old` stored 40 days ago and fanned out; the inbox trimmed at 30 days.
  const db = system.wallet.database.dataSource;
  await db.query(
    `UPDATE wallet.event_inbox SET received_at = now() - interval '40 days', webhooks_queued_at = now()
      WHERE customer_id = $1 AND position <= (SELECT position FROM wallet.event_inbox WHERE id = $2)`,
    [customer.customerId, old],
  );
  while ((await trimWalletInbox(db, new Date(), 30)) > 0);
  expect(await db.query(`SELECT 1 FROM wallet.event_inbox WHERE id = $1`, [old])).toHaveLength(0);

  const expired = open[open.push(await subscribeOverSse(system.gateway.url, token, CUSTOMER_ACTIVITY, { after: old })) - 1];
  const refusal = await expired.next(2_000);
  expect(refusal?.data?.data?.customerActivity ?? null).toBeNull();
  expect(refusal?.data?.errors).toEqual([
    expect.objectContaining({
      message: expect.stringContaining('no longer kept'),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    }),
  ]);

  const resumed = open[open.push(await subscribeOverSse(system.gateway.url, token, CUSTOMER_ACTIVITY, { after: kept })) - 1];
  const next = eventOf(await resumed.next(2_000), 'customerActivity');
  expect(next.type).toBe('PAYMENT_APPROVED');
  expect(String(next.amountFen)).toBe('300');
});
