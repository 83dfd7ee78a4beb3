/**
 * "A limit nearly used" of the clearing network's own limits (UnionPay: 1,000 CNY a payment,
 * 5,000 CNY a day per card): the payment whose approval takes the network's daily window to
 * 80 % or more writes one limit.nearly_used event, in the clearing transaction that approves the
 * network's leg, with the network as its platform; the customer's activity subscription receives
 * it; a further payment in the window warns no more; a payment the issuer declines after clearing
 * reserved it warns nothing and leaves the window's one warning for an approved payment. Paid
 * through WeChat Pay, whose limits (yearly 200,000 CNY) these amounts leave far from 80 %. On the
 * in-process bus and on NATS JetStream (a stream of the run's own); with
 * CARDWEAVE_TEST_DATABASE=postgres, on a real PostgreSQL.
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
/** The most one UnionPay payment may be; four of them are 80 % of the network's day. */
const THOUSAND_CNY = 1_000_00;

const brokers: Array<[string, () => NonNullable<Parameters<typeof startTestSystem>[0]>['nats']]> = [
  ['the in-process bus', () => undefined],
  [
    'NATS JetStream',
    () => {
      const run = randomUUID().replace(/-/g, '').slice(0, 12);
      return { url: NATS_URL, stream: `CARDWEAVE_TEST_NETWORK_LIMIT_${run}`, subjectPrefix: `cardweave-test-network-limit.${run}` };
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

  /** A holder with one UnionPay card bound to WeChat Pay. */
  async function holder() {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
    const cardId = customer.cardIds[0];
    const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
    return { customerId: customer.customerId, cardId, wechat, client: holderClient(system, customer.customerId) };
  }

  /** Every limit warning any service wrote for the customer, from the outboxes themselves. */
  async function alertsOf(customerId: string): Promise<Array<{ service: string; platform: string; payload: Record<string, string> }>> {
    return (await system.clearing.database.dataSource.query(
      `SELECT 'clearing' AS service, platform, payload FROM clearing.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'
       UNION ALL SELECT 'wallet', platform, payload FROM wallet.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'
       UNION ALL SELECT 'issuer', platform, payload FROM issuer.event_outbox WHERE customer_id = $1 AND type = 'limit.nearly_used'`,
      [customerId],
    )) as Array<{ service: string; platform: string; payload: Record<string, string> }>;
  }

  async function subscribe(customerId: string): Promise<SseSubscription> {
    const feed = await subscribeOverSse(system.gateway.url, system.token(customerId), CUSTOMER_ACTIVITY, {
      after: await lastEventId(system, customerId),
    });
    open.push(feed);
    expect(feed.status).toBe(200);
    return feed;
  }

  it("the payment that takes UnionPay's daily 5,000 CNY to 4,000 is followed by one LIMIT_NEARLY_USED from the network; the next payment in the window by none", async () => {
    const { customerId, cardId, wechat, client } = await holder();
    // 3,000 of 5,000 (60 %): no warning yet.
    for (let i = 0; i < 3; i++) expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    expect(await alertsOf(customerId)).toHaveLength(0);
    const feed = await subscribe(customerId);

    // 4,000 (80 %): the payment (the wallet's event) and the warning (the network's), in the order they reached the inbox.
    expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    expect(await alertsOf(customerId)).toEqual([
      {
        service: 'clearing',
        platform: 'unionpay',
        payload: {
          ruleId: 'unionpay.daily',
          window: 'DAILY',
          windowKey: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          usedFen: '400000',
          limitFen: '500000',
        },
      },
    ]);
    const two: ActivityEvent[] = [eventOf(await feed.next(5_000), 'customerActivity'), eventOf(await feed.next(5_000), 'customerActivity')];
    expect(two.map((e) => e.type).sort()).toEqual(['LIMIT_NEARLY_USED', 'PAYMENT_APPROVED']);
    const warning = two.find((e) => e.type === 'LIMIT_NEARLY_USED')!;
    expect(warning).toMatchObject({
      card: { id: cardId, maskedNumber: expect.any(String) },
      platformId: 'unionpay',
      limitUsage: { ruleId: 'unionpay.daily', window: 'DAILY', windowKey: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect([String(warning.limitUsage!.usedFen), String(warning.limitUsage!.limitFen)]).toEqual(['400000', '500000']);
    expect(two.find((e) => e.type === 'PAYMENT_APPROVED')).toMatchObject({ platformId: 'wechat-pay' });

    // 5,000 (100 %): the payment only; the window has warned.
    expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    expect(eventOf(await feed.next(5_000), 'customerActivity')).toMatchObject({ type: 'PAYMENT_APPROVED' });
    expect(await feed.next(1_000)).toBeNull();
    expect(await alertsOf(customerId)).toHaveLength(1);
  });

  it('a payment the issuer declines after clearing reserved it warns nothing; the approved payment that then reaches 80 % warns once', async () => {
    const { customerId, cardId, wechat, client } = await holder();
    for (let i = 0; i < 3; i++) expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    // Locked by the holder: clearing counts the payment (4,000 of 5,000), then the issuer declines it.
    expect((await client.lockCard(cardId)).data!.lockCard.ok).toBe(true);
    const declined = await client.pay(wechat, THOUSAND_CNY);
    expect(declined.ok).toBe(false);
    expect(await alertsOf(customerId)).toHaveLength(0);
    const [claimed] = (await system.clearing.database.dataSource.query(
      `SELECT count(*)::int AS n FROM clearing.limit_alerts WHERE scope_key = $1`,
      [cardId],
    )) as Array<{ n: number }>;
    expect(claimed.n).toBe(0);
    const [leg] = (await system.clearing.database.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'DECLINED')::int AS declined FROM clearing.transactions WHERE card_id = $1`,
      [cardId],
    )) as Array<{ declined: number }>;
    expect(leg.declined).toBe(1);

    // Given back, so the approved payment after the unlock is the one at 80 %, and it warns.
    expect((await client.unlockCard(cardId)).data!.unlockCard.ok).toBe(true);
    const feed = await subscribe(customerId);
    expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    expect(await alertsOf(customerId)).toEqual([
      expect.objectContaining({
        service: 'clearing',
        platform: 'unionpay',
        payload: expect.objectContaining({ ruleId: 'unionpay.daily', usedFen: '400000', limitFen: '500000' }),
      }),
    ]);
    const two = [eventOf(await feed.next(5_000), 'customerActivity'), eventOf(await feed.next(5_000), 'customerActivity')];
    expect(two.map((e) => e.type).sort()).toEqual(['LIMIT_NEARLY_USED', 'PAYMENT_APPROVED']);
    // 100 %: the window has warned.
    expect((await client.pay(wechat, THOUSAND_CNY)).ok).toBe(true);
    expect(await alertsOf(customerId)).toHaveLength(1);
  });
});
