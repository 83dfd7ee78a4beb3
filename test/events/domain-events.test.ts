/**
 * No event without its change, no change without its event, through the gateway: each change
 * below writes exactly one event in its subgraph's outbox, in the change's transaction; a
 * request that changes nothing writes none; a change whose event cannot be written is rolled
 * back with it. Events carry ids, the platform, a decline's canonical code and amounts in fen,
 * never a card number. Runs on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { randomUUID } from 'node:crypto';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';

jest.setTimeout(60_000);

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

interface OutboxRow {
  id: string;
  type: string;
  customer_id: string;
  card_id: string | null;
  platform: string | null;
  error_code: string | null;
  payload: Record<string, unknown>;
}

async function eventsOf(schema: 'issuer' | 'wallet', customerId: string): Promise<OutboxRow[]> {
  const db = schema === 'issuer' ? system.issuer.database : system.wallet.database;
  return db.dataSource.query(
    `SELECT id, type, customer_id, card_id, platform, error_code, payload FROM ${schema}.event_outbox WHERE customer_id = $1 ORDER BY position`,
    [customerId],
  );
}

async function holderWithCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const wechat = (await bindingsOf(system, cardId)).find((b) => b.platform === 'wechat-pay')!.id;
  return { customerId: customer.customerId, cardId, wechat, client: holderClient(system, customer.customerId) };
}

const CARD_NUMBER = /\d{13,19}/;

describe('payments (the wallet records the chain outcome)', () => {
  it('an approved payment writes one payment.approved; a declined one one payment.declined with its code', async () => {
    const { customerId, cardId, wechat, client } = await holderWithCard();
    expect((await client.pay(wechat, 12_34)).ok).toBe(true);
    // Over UnionPay's 1,000 CNY a payment: declined downstream, at clearing.
    const declined = await client.pay(wechat, 2_000_00);
    expect(declined.ok).toBe(false);

    const events = await eventsOf('wallet', customerId);
    expect(events.map((e) => e.type)).toEqual(['payment.approved', 'payment.declined']);
    expect(events[0]).toMatchObject({
      card_id: cardId,
      platform: 'wechat-pay',
      error_code: null,
      payload: { amountFen: '1234', merchantCategoryCode: '5411' },
    });
    expect(events[1]).toMatchObject({
      card_id: cardId,
      platform: 'wechat-pay',
      error_code: declined.error!.code,
      payload: { amountFen: '200000' },
    });
    for (const event of events) expect(JSON.stringify(event.payload)).not.toMatch(CARD_NUMBER);
    expect(await eventsOf('issuer', customerId)).toEqual([]);
  });

  it('a payment with a removed binding is declined at the wallet: one payment.declined (BINDING_NOT_ACTIVE), after one binding.removed', async () => {
    const { customerId, cardId, wechat, client } = await holderWithCard();
    expect((await client.removeWalletBinding(wechat)).data!.removeWalletBinding).toMatchObject({ ok: true, changed: true });
    // Removing it again changes nothing, and writes nothing.
    expect((await client.removeWalletBinding(wechat)).data!.removeWalletBinding).toMatchObject({ ok: true, changed: false });
    expect((await client.pay(wechat, 100)).error!.code).toBe('BINDING_NOT_ACTIVE');

    const events = await eventsOf('wallet', customerId);
    expect(events.map((e) => [e.type, e.error_code])).toEqual([
      ['binding.removed', null],
      ['payment.declined', 'BINDING_NOT_ACTIVE'],
    ]);
    expect(events[0]).toMatchObject({ card_id: cardId, platform: 'wechat-pay', payload: { bindingId: wechat } });
    expect(events[1].payload).toMatchObject({ paymentId: null, amountFen: '100' });
  });
});

describe('the holder locks and unlocks', () => {
  it('each change writes one event with the masked card number; asking for the state there writes none', async () => {
    const { customerId, cardId, client } = await holderWithCard();
    await client.lockCard(cardId);
    await client.lockCard(cardId);
    await client.unlockCard(cardId);
    const events = await eventsOf('issuer', customerId);
    expect(events.map((e) => e.type)).toEqual(['card.locked', 'card.unlocked']);
    expect(events[0]).toMatchObject({ card_id: cardId, platform: 'jd-finance' });
    expect(events[0].payload.maskedCardNumber).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
  });

  it('a lock whose event cannot be written is rolled back: the card stays active, and no event', async () => {
    const { customerId, cardId, client } = await holderWithCard();
    const db = system.issuer.database.dataSource;
    const constraint = `refuse_${randomUUID().replace(/-/g, '')}`;
    await db.query(
      `ALTER TABLE issuer.event_outbox ADD CONSTRAINT ${constraint} CHECK (type <> 'card.locked' OR customer_id <> '${customerId}') NOT VALID`,
    );
    // The refused INSERT is logged as a failed statement: expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failed = await client.lockCard(cardId);
      expect(failed.errors?.length).toBeGreaterThan(0);
    } finally {
      quiet.mockRestore();
      await db.query(`ALTER TABLE issuer.event_outbox DROP CONSTRAINT ${constraint}`);
    }
    expect((await client.card(cardId)).status).toBe('ACTIVE');
    expect(await eventsOf('issuer', customerId)).toEqual([]);

    expect((await client.lockCard(cardId)).data!.lockCard).toMatchObject({ ok: true, changed: true });
    expect((await eventsOf('issuer', customerId)).map((e) => e.type)).toEqual(['card.locked']);
  });
});

describe('the issuer freezes and releases a customer', () => {
  const FREEZE = `mutation($input: CustomerStatusInput!) { freezeCustomer(input: $input) { ok changed } }`;
  const UNFREEZE = `mutation($input: CustomerStatusInput!) { unfreezeCustomer(input: $input) { ok changed } }`;

  it('one customer.frozen and one customer.unfrozen, without the operator reason; a replayed key writes none', async () => {
    const { customerId } = await holderWithCard();
    const input = (key: string) => ({ input: { customerId, reason: '异常登录，人工审核', idempotencyKey: key } });
    expect((await system.query<{ freezeCustomer: unknown }>(FREEZE, input('freeze-1'))).data!.freezeCustomer).toEqual({
      ok: true,
      changed: true,
    });
    expect((await system.query<{ freezeCustomer: unknown }>(FREEZE, input('freeze-1'))).data!.freezeCustomer).toEqual({
      ok: true,
      changed: true,
    });
    expect((await system.query<{ unfreezeCustomer: unknown }>(UNFREEZE, input('unfreeze-1'))).data!.unfreezeCustomer).toEqual({
      ok: true,
      changed: true,
    });
    const events = await eventsOf('issuer', customerId);
    expect(events.map((e) => e.type)).toEqual(['customer.frozen', 'customer.unfrozen']);
    expect(events[0]).toMatchObject({ card_id: null, platform: 'jd-finance', payload: {} });
  });
});
