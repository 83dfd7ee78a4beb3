/**
 * A payment runs the real chain — wallet, clearing network, issuer — through the gateway.
 * Each hop applies its own platform's rules and keeps its own leg; the books of the three
 * databases always agree. Runs on PGlite and on the real PostgreSQL.
 */
import { insertCustomer, type FixtureCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { MutableClock } from '../support/mutable-clock';
import { bindingsOf, books, pay } from './payment-support';

let system: TestSystem;
const clock = new MutableClock('2026-11-26T06:00:00Z');

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock });
});

afterAll(async () => {
  await system?.stop();
});

async function freshCard(): Promise<{
  customer: FixtureCustomer;
  wechat: string;
  pay: (amountFen: number, key?: string) => ReturnType<typeof pay>;
}> {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const bindings = await bindingsOf(system, customer.cardIds[0]);
  const wechat = bindings.find((b) => b.platform === 'wechat-pay')!.id;
  return { customer, wechat, pay: (amountFen, key) => pay(system, customer.customerId, wechat, amountFen, key) };
}

function expectBooksAgree(b: Awaited<ReturnType<typeof books>>) {
  expect(b.issuerApproved).toBe(b.networkApproved);
  expect(b.walletApproved).toBe(b.networkApproved);
  expect(b.openPayments).toBe(0);
}

describe('paying through the chain', () => {
  it('approves a payment and records it on every platform', async () => {
    clock.set('2026-11-26T06:00:00Z');
    const { customer, pay: payWith } = await freshCard();
    const before = await books(system, customer.cardIds[0]);
    const { result, errors } = await payWith(12_345);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      ok: true,
      error: null,
      payment: { status: 'APPROVED', amountFen: 12_345, transaction: { status: 'APPROVED' } },
    });
    const after = await books(system, customer.cardIds[0]);
    expect(after.creditUsed - before.creditUsed).toBe(12_345n);
    expect(after.networkApproved).toBe(12_345n);
    expect(after.networkUsage.find((u) => u.rule_window === 'DAILY')).toMatchObject({
      window_key: '2026-11-26',
      amount_fen: '12345',
      payment_count: 1,
    });
    expectBooksAgree(after);
  });

  it("is declined by UnionPay's per-payment limit, then by its daily limit, in UnionPay's own words", async () => {
    clock.set('2026-11-26T06:00:00Z');
    const { customer, pay: payWith } = await freshCard();
    const over = await payWith(100_001);
    expect(over.result).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED', platform: 'unionpay', decision: 'USER_ACTION', remedy: 'LOWER_AMOUNT' },
    });
    expect(over.result!.error!.message.zhCN.length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i += 1) expect((await payWith(100_000)).result!.ok).toBe(true);
    const sixth = await payWith(1);
    expect(sixth.result).toMatchObject({
      ok: false,
      payment: { status: 'DECLINED' },
      error: { code: 'LIMIT_EXCEEDED', platform: 'unionpay' },
    });
    const b = await books(system, customer.cardIds[0]);
    expect(b.networkApproved).toBe(500_000n);
    expect(b.networkUsage.find((u) => u.rule_window === 'DAILY')!.amount_fen).toBe('500000');
    expectBooksAgree(b);
  });

  it('replays the first result for the same key and refuses the key with other input', async () => {
    clock.set('2026-11-26T06:00:00Z');
    const { customer, pay: payWith } = await freshCard();
    const first = await payWith(5_000, 'replay-key-0001');
    const again = await payWith(5_000, 'replay-key-0001');
    expect(again.result).toEqual(first.result);
    const other = await payWith(6_000, 'replay-key-0001');
    expect(other.result).toMatchObject({ ok: false, payment: null, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const b = await books(system, customer.cardIds[0]);
    expect(b.networkApproved).toBe(5_000n);
    expect(b.creditUsed).toBe(5_000n);
  });

  it('is declined by the issuer for a frozen account, and the network and wallet give their reservations back', async () => {
    clock.set('2026-11-26T06:00:00Z');
    const { customer, wechat, pay: payWith } = await freshCard();
    await system.issuer.database.dataSource.query(`UPDATE issuer.customers SET status = 'FROZEN' WHERE id = $1`, [customer.customerId]);
    const { result } = await payWith(8_800);
    expect(result).toMatchObject({ ok: false, payment: { status: 'DECLINED' }, error: { code: 'ACCOUNT_FROZEN', platform: 'jd-finance' } });
    const b = await books(system, customer.cardIds[0]);
    expect(b.creditUsed).toBe(0n);
    expect(b.networkUsage.every((u) => u.amount_fen === '0' && u.payment_count === 0)).toBe(true);
    const walletUsage = await system.wallet.database.dataSource.query(
      `SELECT SUM(amount_fen) AS total FROM wallet.limit_usage u JOIN wallet.card_bindings b ON b.wallet_account_id = u.scope_key WHERE b.id = $1`,
      [wechat],
    );
    expect(walletUsage[0].total).toBe('0');
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const { customer, wechat } = await freshCard();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amountFen: 0 }, 'amountFen'],
      [{ amountFen: -100 }, 'amountFen'],
      [{ amountFen: 10_000_000_000 }, 'amountFen'],
      [{ idempotencyKey: 'short' }, 'idempotencyKey'],
      [{ merchantCategoryCode: '54x1' }, 'merchantCategoryCode'],
      [{ merchantName: 'Shop\u202Egnp.exe' }, 'merchantName'],
      [{ bindingId: 'not-an-id' }, 'bindingId'],
    ];
    for (const [patch, field] of cases) {
      const { errors } = await system.queryAs(
        system.token(customer.customerId),
        `mutation($input: PayInput!) { pay(input: $input) { ok } }`,
        {
          input: {
            idempotencyKey: 'valid-key-123',
            bindingId: wechat,
            amountFen: 100,
            merchantName: 'Shop',
            merchantCategoryCode: '5411',
            ...patch,
          },
        },
      );
      expect(errors?.[0].message).toContain(field);
    }
    const fractional = await system.queryAs(
      system.token(customer.customerId),
      `mutation { pay(input: { idempotencyKey: "valid-key-456", bindingId: "${wechat}", amountFen: 1.5, merchantName: "Shop", merchantCategoryCode: "5411" }) { ok } }`,
    );
    expect(fractional.errors?.[0].message).toMatch(/Fen/);
    const b = await books(system, customer.cardIds[0]);
    expect(b.creditUsed).toBe(0n);
    expect(b.networkUsage).toHaveLength(0);
  });

  it("refuses to pay with another customer's binding, as if it did not exist", async () => {
    const { customer, wechat } = await freshCard();
    const stranger = await insertCustomer(system, { cards: 1, billItems: 1 });
    const { errors } = await pay(system, stranger.customerId, wechat, 1_000);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await books(system, customer.cardIds[0])).networkUsage).toHaveLength(0);
  });
});

describe('limit windows in Asia/Shanghai', () => {
  it('resets the daily limit at local midnight, leap day included', async () => {
    const { customer, pay: payWith } = await freshCard();
    clock.set('2028-02-29T15:59:00Z'); // 23:59 on 29 February in Shanghai
    for (let i = 0; i < 5; i += 1) expect((await payWith(100_000)).result!.ok).toBe(true);
    clock.set('2028-02-29T15:59:59Z');
    expect((await payWith(100)).result!.error!.code).toBe('LIMIT_EXCEEDED');
    clock.set('2028-02-29T16:00:00Z'); // 00:00 on 1 March
    expect((await payWith(100)).result!.ok).toBe(true);
    const usage = (await books(system, customer.cardIds[0])).networkUsage.filter((u) => u.rule_window === 'DAILY');
    expect(usage.map((u) => [u.window_key, u.amount_fen])).toEqual([
      ['2028-02-29', '500000'],
      ['2028-03-01', '100'],
    ]);
  });

  it("resets WeChat Pay's yearly limit at local new year", async () => {
    const { customer, wechat, pay: payWith } = await freshCard();
    const [account] = await system.wallet.database.dataSource.query(`SELECT wallet_account_id FROM wallet.card_bindings WHERE id = $1`, [
      wechat,
    ]);
    // 199,950 CNY already paid this year through this WeChat Pay account.
    await system.wallet.database.dataSource.query(
      `INSERT INTO wallet.limit_usage (scope_key, rule_window, window_key, amount_fen, payment_count) VALUES ($1, 'YEARLY', '2026', 19995000, 400)`,
      [account.wallet_account_id],
    );
    clock.set('2026-12-31T15:59:59Z'); // 23:59:59 on 31 December in Shanghai
    const late = await payWith(10_000);
    expect(late.result).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED', platform: 'wechat-pay' } });
    expect((await payWith(5_000)).result!.ok).toBe(true);
    clock.set('2026-12-31T16:00:00Z'); // 00:00 on 1 January 2027
    expect((await payWith(10_000)).result!.ok).toBe(true);
    expectBooksAgree(await books(system, customer.cardIds[0]));
  });

  it('counts a payment at 23:59:59 on the last day of a month in that month', async () => {
    const { customer, pay: payWith } = await freshCard();
    clock.set('2026-11-30T15:59:59Z');
    expect((await payWith(300)).result!.ok).toBe(true);
    clock.set('2026-11-30T16:00:00Z');
    expect((await payWith(400)).result!.ok).toBe(true);
    const keys = (await books(system, customer.cardIds[0])).networkUsage.map((u) => `${u.rule_window}:${u.window_key}:${u.amount_fen}`);
    expect(keys).toEqual(expect.arrayContaining(['DAILY:2026-11-30:300', 'DAILY:2026-12-01:400', 'YEARLY:2026:700']));
  });
});
