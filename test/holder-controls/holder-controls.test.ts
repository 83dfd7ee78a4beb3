/**
 * The card holder's own controls, through the gateway:
 * - lock and unlock: a locked card is declined with CARD_LOCKED and the remedy UNLOCK_CARD and
 *   shows LOCKED with nothing payable; both are idempotent; a card of a frozen customer stays locked;
 * - removing a wallet binding: it leaves the card view and payableNow, and paying with it is refused;
 * - the holder's own limits, as `cardholder.*` rules: a per-payment limit asks for a smaller
 *   amount, a blocked merchant category is refused, a daily limit holds under 20 concurrent
 *   payments and a payment declined after reserving it gives it back; bad input changes nothing.
 * Runs on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { randomUUID } from 'node:crypto';
import { IssuerAuthorizations } from '@cardweave/issuer-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { codesOf, holderClient } from './holder-controls-support';

jest.setTimeout(60_000);

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
});

afterAll(async () => {
  await system?.stop();
});

async function holderWithCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const cardId = customer.cardIds[0];
  const bindings = await bindingsOf(system, cardId);
  const wechat = bindings.find((b) => b.platform === 'wechat-pay')!.id;
  return { customer, cardId, bindings, wechat, client: holderClient(system, customer.customerId) };
}

describe('lock and unlock', () => {
  it('declines a locked card with CARD_LOCKED and UNLOCK_CARD, shows it locked with nothing payable, and pays again once unlocked', async () => {
    const { cardId, wechat, client } = await holderWithCard();

    const locked = await client.lockCard(cardId);
    expect(locked.errors).toBeUndefined();
    expect(locked.data!.lockCard).toMatchObject({ ok: true, changed: true, error: null, card: { status: 'LOCKED' } });
    // Idempotent: locking again changes nothing.
    expect((await client.lockCard(cardId)).data!.lockCard).toMatchObject({ ok: true, changed: false, card: { status: 'LOCKED' } });

    const declined = await client.pay(wechat, 1_000);
    expect(declined).toMatchObject({ ok: false, error: { code: 'CARD_LOCKED', decision: 'USER_ACTION', remedy: 'UNLOCK_CARD' } });
    expect(declined.error!.message.zhCN).toMatch(/锁定/);

    const view = await client.card(cardId);
    expect(view.status).toBe('LOCKED');
    expect(view.payableNow.length).toBeGreaterThan(0);
    for (const payable of view.payableNow) {
      expect(payable.amountFen).toBe(0);
      expect(payable.bindingRule).toMatchObject({ ruleId: 'jd-finance.credit-available', blockedCode: 'CARD_LOCKED' });
    }

    const unlocked = await client.unlockCard(cardId);
    expect(unlocked.data!.unlockCard).toMatchObject({ ok: true, changed: true, card: { status: 'ACTIVE' } });
    expect((await client.unlockCard(cardId)).data!.unlockCard).toMatchObject({ ok: true, changed: false, card: { status: 'ACTIVE' } });
    expect(await client.pay(wechat, 1_000)).toMatchObject({ ok: true, error: null });
    expect((await client.card(cardId)).payableNow.every((p) => p.amountFen > 0)).toBe(true);
  });

  it('does not let the holder unlock a card while the issuer has frozen its customer', async () => {
    const { customer, cardId, client } = await holderWithCard();
    await client.lockCard(cardId);
    const freeze = await system.query<{ freezeCustomer: { ok: boolean } }>(
      `mutation($input: CustomerStatusInput!) { freezeCustomer(input: $input) { ok } }`,
      { input: { customerId: customer.customerId, reason: '可疑交易复核', idempotencyKey: `freeze-${customer.customerId}` } },
    );
    expect(freeze.data!.freezeCustomer.ok).toBe(true);

    const refused = await client.unlockCard(cardId);
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.unlockCard).toMatchObject({
      ok: false,
      changed: false,
      error: { code: 'ACCOUNT_FROZEN' },
      card: { status: 'LOCKED' },
    });
  });

  it("answers another customer's card as absent, and an operator may not lock a card", async () => {
    const { cardId } = await holderWithCard();
    const other = await holderWithCard();
    expect(codesOf((await other.client.lockCard(cardId)).errors)).toEqual(['NOT_FOUND']);
    const byOperator = await system.query(`mutation($cardId: ID!) { lockCard(cardId: $cardId) { ok } }`, { cardId });
    expect(codesOf(byOperator.errors)).toEqual(['FORBIDDEN']);
    expect((await holderClient(system, other.customer.customerId).card(other.cardId)).status).toBe('ACTIVE');
  });
});

describe('removing a wallet binding', () => {
  it('takes the binding out of the card view and payableNow, refuses paying with it, and is idempotent', async () => {
    const { cardId, bindings, wechat, client } = await holderWithCard();
    expect(bindings.length).toBe(2);

    const removed = await client.removeWalletBinding(wechat);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeWalletBinding).toEqual({ ok: true, changed: true, binding: { id: wechat, status: 'REMOVED' } });
    expect((await client.removeWalletBinding(wechat)).data!.removeWalletBinding).toMatchObject({ ok: true, changed: false });

    const view = await client.card(cardId);
    expect(view.walletBindings.map((b) => b.id)).not.toContain(wechat);
    expect(view.walletBindings).toHaveLength(1);
    expect(view.payableNow.map((p) => p.binding.id)).not.toContain(wechat);
    expect(view.payableNow).toHaveLength(1);

    expect(await client.pay(wechat, 1_000)).toMatchObject({ ok: false, error: { code: 'BINDING_NOT_ACTIVE' } });
  });

  it("answers another customer's binding as absent and changes nothing", async () => {
    const { wechat, cardId, client } = await holderWithCard();
    const other = await holderWithCard();
    expect(codesOf((await other.client.removeWalletBinding(wechat)).errors)).toEqual(['NOT_FOUND']);
    expect((await client.card(cardId)).walletBindings.map((b) => b.id)).toContain(wechat);
  });
});

describe("the holder's spending controls", () => {
  it('declines a payment over the per-payment control by cardholder.per-payment with LOWER_AMOUNT, and pays under it', async () => {
    const { cardId, wechat, client } = await holderWithCard();
    const set = await client.setSpendingControls(cardId, { perPaymentFen: 30_000 });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSpendingControls).toEqual({
      ok: true,
      card: { spendingControls: { perPaymentFen: 30_000, dailyFen: null, monthlyFen: null, blockedMerchantCategories: [] } },
    });

    // UnionPay allows 1,000 CNY a payment; the holder's 300 CNY binds, under its own rule id.
    const view = await client.card(cardId);
    expect(view.holderLimits).toEqual([
      expect.objectContaining({
        ruleId: 'cardholder.per-payment',
        platform: { id: 'cardholder' },
        window: 'PER_PAYMENT',
        limitFen: 30_000,
      }),
    ]);
    for (const payable of view.payableNow) {
      expect(payable.amountFen).toBe(30_000);
      expect(payable.bindingRule.ruleId).toBe('cardholder.per-payment');
    }

    const declined = await client.pay(wechat, 40_000);
    expect(declined).toMatchObject({
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        platform: 'cardholder',
        remedy: 'LOWER_AMOUNT',
        limitRuleId: 'cardholder.per-payment',
        limitWindow: 'PER_PAYMENT',
      },
    });
    expect(await client.pay(wechat, 20_000)).toMatchObject({ ok: true, error: null });

    // Cleared with nulls: the 400 CNY payment goes through.
    await client.setSpendingControls(cardId, { perPaymentFen: null });
    expect((await client.card(cardId)).holderLimits).toEqual([]);
    expect(await client.pay(wechat, 40_000)).toMatchObject({ ok: true });
  });

  it('refuses a blocked merchant category group with TRANSACTION_NOT_PERMITTED, and pays elsewhere', async () => {
    const { cardId, wechat, client } = await holderWithCard();
    await client.setSpendingControls(cardId, { blockedMerchantCategories: ['GAMBLING', 'QUASI_CASH'] });
    expect(await client.pay(wechat, 5_000, '7995')).toMatchObject({
      ok: false,
      error: { code: 'TRANSACTION_NOT_PERMITTED', platform: 'cardholder', remedy: 'CHANGE_PAYMENT_SCENE' },
    });
    expect(await client.pay(wechat, 5_000, '6051')).toMatchObject({ ok: false, error: { code: 'TRANSACTION_NOT_PERMITTED' } });
    expect(await client.pay(wechat, 5_000, '5411')).toMatchObject({ ok: true });
  });

  it.each([
    [{ perPaymentFen: 0 }, 'input.perPaymentFen'],
    [{ dailyFen: -100 }, 'input.dailyFen'],
    [{ perPaymentFen: 60_000, dailyFen: 50_000 }, 'input.perPaymentFen'],
    [{ dailyFen: 200_000, monthlyFen: 100_000 }, 'input.dailyFen'],
  ])('refuses %p as BAD_USER_INPUT naming %s, and changes nothing', async (input, field) => {
    const { cardId, client } = await holderWithCard();
    await client.setSpendingControls(cardId, { perPaymentFen: 10_000, dailyFen: 20_000, monthlyFen: 30_000 });
    const refused = await client.setSpendingControls(cardId, input);
    expect(codesOf(refused.errors)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.field).toBe(field);
    expect((await client.card(cardId)).spendingControls).toEqual({
      perPaymentFen: 10_000,
      dailyFen: 20_000,
      monthlyFen: 30_000,
      blockedMerchantCategories: [],
    });
  });

  it('refuses a fraction of a fen before any change', async () => {
    const { cardId, client } = await holderWithCard();
    expect(codesOf((await client.setSpendingControls(cardId, { dailyFen: 100.5 })).errors)).toEqual(['BAD_USER_INPUT']);
    expect((await client.card(cardId)).spendingControls.dailyFen).toBeNull();
  });

  it('never over-spends a daily control under 20 concurrent payments, and gives it back when a later check declines', async () => {
    const { customer, cardId, wechat, client } = await holderWithCard();
    await client.setSpendingControls(cardId, { dailyFen: 50_000 });

    const answers = await Promise.all(Array.from({ length: 20 }, () => client.pay(wechat, 5_000)));
    const approved = answers.filter((a) => a.ok);
    expect(approved).toHaveLength(10);
    for (const declined of answers.filter((a) => !a.ok)) {
      expect(declined.error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        platform: 'cardholder',
        remedy: 'WAIT_FOR_NEXT_WINDOW',
        limitRuleId: 'cardholder.daily',
        limitWindow: 'DAILY',
      });
    }
    const daily = (await client.card(cardId)).holderLimits.find((r) => r.ruleId === 'cardholder.daily')!;
    expect(daily).toMatchObject({ usedFen: 50_000, remainingFen: 0 });
    const [{ used }] = (await system.issuer.database.dataSource.query(
      `SELECT used_fen AS used FROM issuer.credit_lines WHERE customer_id = $1`,
      [customer.customerId],
    )) as Array<{ used: string }>;
    // The fixture's one unpaid item is repaid (paid), so the line holds exactly the approved payments.
    expect(BigInt(used)).toBe(50_000n);

    // Room for 500 CNY more today, but only 100 CNY of credit: the issuer declines after the
    // holder's daily limit was reserved, and the reservation is given back.
    await client.setSpendingControls(cardId, { dailyFen: 100_000 });
    await system.issuer.database.dataSource.query(`UPDATE issuer.credit_lines SET limit_fen = used_fen + 10000 WHERE customer_id = $1`, [
      customer.customerId,
    ]);
    expect(await client.pay(wechat, 20_000)).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_CREDIT' } });
    expect((await client.card(cardId)).holderLimits.find((r) => r.ruleId === 'cardholder.daily')).toMatchObject({
      usedFen: 50_000,
      remainingFen: 50_000,
    });
    expect(await client.pay(wechat, 10_000)).toMatchObject({ ok: true });
    expect((await client.card(cardId)).holderLimits.find((r) => r.ruleId === 'cardholder.daily')).toMatchObject({ usedFen: 60_000 });
  });
  it("counts the card's spend before a limit is set, and declines over the monthly limit with WAIT_FOR_NEXT_WINDOW", async () => {
    const { cardId, wechat, client } = await holderWithCard();
    expect(await client.pay(wechat, 20_000)).toMatchObject({ ok: true });
    await client.setSpendingControls(cardId, { dailyFen: 30_000, monthlyFen: 40_000 });
    const rules = (await client.card(cardId)).holderLimits;
    expect(rules.map((r) => [r.ruleId, r.window, r.usedFen, r.remainingFen])).toEqual([
      ['cardholder.daily', 'DAILY', 20_000, 10_000],
      ['cardholder.monthly', 'MONTHLY', 20_000, 20_000],
    ]);
    expect(await client.pay(wechat, 15_000)).toMatchObject({ ok: false, error: { limitRuleId: 'cardholder.daily' } });
    await client.setSpendingControls(cardId, { monthlyFen: 40_000 });
    expect(await client.pay(wechat, 25_000)).toMatchObject({
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        platform: 'cardholder',
        remedy: 'WAIT_FOR_NEXT_WINDOW',
        limitRuleId: 'cardholder.monthly',
        limitWindow: 'MONTHLY',
      },
    });
    expect(await client.pay(wechat, 20_000)).toMatchObject({ ok: true });
    const payable = (await client.card(cardId)).payableNow;
    expect(payable.every((p) => p.amountFen === 0 && p.bindingRule.platform.id === 'cardholder')).toBe(true);
  });
});

describe("the issuer's leg of a payment", () => {
  it("gives the holder's daily limit back when an approved payment is reversed, once", async () => {
    const { customer, cardId, client } = await holderWithCard();
    await client.setSpendingControls(cardId, { dailyFen: 50_000 });
    const issuer = new IssuerAuthorizations(system.issuer.database.dataSource, system.registry, system.clock);
    const payment = {
      paymentId: randomUUID(),
      customerId: customer.customerId,
      cardId,
      walletPlatform: 'wechat-pay',
      amountFen: '20000',
      merchantName: '永辉超市',
      merchantCategory: '5411',
      transactionId: randomUUID(),
    };
    expect(await issuer.authorize(payment)).toEqual({ status: 'APPROVED' });
    const daily = async () => (await client.card(cardId)).holderLimits.find((r) => r.ruleId === 'cardholder.daily');
    expect(await daily()).toMatchObject({ usedFen: 20_000, remainingFen: 30_000 });

    expect(await issuer.reverse(payment)).toEqual({ status: 'REVERSED' });
    expect(await issuer.reverse(payment)).toEqual({ status: 'REVERSED' });
    expect(await daily()).toMatchObject({ usedFen: 0, remainingFen: 50_000 });
  });
});
