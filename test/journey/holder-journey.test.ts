/**
 * The card holder's whole journey through the gateway, as the client's own card view
 * (client/operations/card-view.graphql) shows it after every step: apply for the credit line →
 * card issued (face, the SMS code JD Finance texts, payment password) → card details revealed →
 * bound to WeChat Pay with the four elements, typed from the revealed number → pushed to Cloud
 * QuickPass → a 300 CNY per-payment control of the holder's own → 400 CNY declined by it →
 * locked, and declined as locked → unlocked, and 250 CNY approved → WeChat Pay binding removed.
 * Every platform is the simulator `npm start` wires; the clock stands still, so every amount is
 * exact to the fen. Runs on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAdapterRegistry, luhnValid } from '@cardweave/adapter-sdk';
import type { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { MutableClock } from '../support/mutable-clock';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { HOLDER, newApplicant } from './journey-fixtures';

jest.setTimeout(120_000);

const CARD_VIEW = readFileSync(path.join(__dirname, '../../client/operations/card-view.graphql'), 'utf8');
const PAYMENT_PASSWORD = '135790';
const CREDIT_LINE_FEN = 3_000_000; // JD Finance: 30,000 CNY for a young professional of 23 to 45

const clock = new MutableClock('2028-03-15T02:00:00.000Z'); // 10:00 on 15 March 2028 in Shanghai
const registry = loadAdapterRegistry();
// The platforms as `npm start` reaches them outside production: each adapter's own simulator.
const platforms = simulatedPlatforms(registry, clock);
const jd = platforms.http('jd-finance') as JdFinanceSimulator;
let system: TestSystem;
let customerId: string;
let token: string;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock, registry, platformHttp: platforms.http });
  customerId = await newApplicant(system);
  token = system.token(customerId);
});

afterAll(async () => {
  await system?.stop();
});

const ERROR = 'code platform platformMessage decision remedy limitRuleId limitWindow message { zhCN en }';

async function cardView(): Promise<any> {
  const { data, errors } = await system.queryAs<{ customer: any }>(token, CARD_VIEW, { customerId });
  expect(errors).toBeUndefined();
  return data!.customer;
}

/** One mutation as the holder: no GraphQL error, its one result. */
async function mutate(query: string, variables: Record<string, unknown>): Promise<any> {
  const { data, errors } = await system.queryAs<Record<string, any>>(token, query, variables);
  expect(errors).toBeUndefined();
  return Object.values(data!)[0];
}

const key = (() => {
  let n = 0;
  return (what: string) => `holder-journey-${what}-${(n += 1)}`;
})();

const pay = (bindingId: string, amountFen: number) =>
  mutate(`mutation($i: PayInput!) { pay(input: $i) { ok error { ${ERROR} } payment { amountFen status } } }`, {
    i: { idempotencyKey: key('pay'), bindingId, amountFen, merchantName: '永辉超市', merchantCategoryCode: '5411' },
  });

/** What the view says each wallet can pay now, and which rule binds it, by wallet. */
const payable = (card: any) =>
  [...card.payableNow]
    .sort((a, b) => a.walletPlatform.id.localeCompare(b.walletPlatform.id))
    .map((p: any) => [p.walletPlatform.id, p.amountFen, p.bindingRule.ruleId, p.bindingRule.platform.id, p.bindingRule.blockedCode]);

const bindings = (card: any) =>
  [...card.walletBindings]
    .sort((a, b) => a.walletPlatform.id.localeCompare(b.walletPlatform.id))
    .map((b: any) => [b.walletPlatform.id, b.verificationMethod, b.status]);

const credit = (customer: any) => [customer.creditLine.limitFen, customer.creditLine.usedFen, customer.creditLine.availableFen];

const ruleOf = (card: any, wallet: string, ruleId: string) =>
  card.payableNow.find((p: any) => p.walletPlatform.id === wallet).rules.find((r: any) => r.ruleId === ruleId);

it('takes one applicant from applying to paying, with the card view right after each step', async () => {
  // 0. Known to the issuer, nothing else yet.
  let v = await cardView();
  expect(v).toMatchObject({ id: customerId, name: HOLDER.name, status: 'ACTIVE', creditLine: null, cards: [] });

  // 1. Apply: JD Finance's policy grants 30,000 CNY at once.
  const applied = await mutate(
    `mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ok error { code } decision { approved limitFen } creditLine { limitFen usedFen availableFen } } }`,
    { i: { customerId, idempotencyKey: key('apply') } },
  );
  expect(applied).toEqual({
    ok: true,
    error: null,
    decision: { approved: true, limitFen: CREDIT_LINE_FEN },
    creditLine: { limitFen: CREDIT_LINE_FEN, usedFen: 0, availableFen: CREDIT_LINE_FEN },
  });
  v = await cardView();
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);
  expect(v.creditLine.issuer.id).toBe('jd-finance');
  expect(v.cards).toEqual([]);

  // 2. Issued: face, the SMS code JD Finance texts to the phone it holds, the payment password.
  const started = await mutate(
    `mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok issuance { id nextStep { id } } } }`,
    {
      i: { customerId, idempotencyKey: key('start') },
    },
  );
  expect(started).toMatchObject({ ok: true, issuance: { nextStep: { id: 'face' } } });
  const issuanceId = started.issuance.id;
  const verify = (stepId: string, name: string, value: string) =>
    mutate(
      `mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok error { code } issuance { nextStep { id } } } }`,
      {
        i: { issuanceId, stepId, fields: [{ name, value }], idempotencyKey: key(stepId) },
      },
    );
  expect(await verify('face', 'faceToken', 'face-token-0001')).toEqual({ ok: true, error: null, issuance: { nextStep: { id: 'sms' } } });
  const sent = await mutate(`mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok error { code } } }`, {
    i: { issuanceId, idempotencyKey: key('sms-send') },
  });
  expect(sent).toEqual({ ok: true, error: null });
  const smsCode = jd.sentSmsCode(customerId);
  expect(smsCode).toMatch(/^\d{6}$/);
  expect(await verify('sms', 'smsCode', smsCode!)).toEqual({ ok: true, error: null, issuance: { nextStep: { id: 'payment-password' } } });
  expect(await verify('payment-password', 'paymentPassword', PAYMENT_PASSWORD)).toEqual({
    ok: true,
    error: null,
    issuance: { nextStep: null },
  });
  const issued = await mutate(
    `mutation($i: IssueCardInput!) { issueCard(input: $i) { ok error { code } issuance { status card { id maskedNumber status } } } }`,
    { i: { issuanceId, idempotencyKey: key('issue') } },
  );
  expect(issued).toMatchObject({ ok: true, error: null, issuance: { status: 'ISSUED', card: { status: 'ACTIVE' } } });
  const cardId: string = issued.issuance.card.id;
  v = await cardView();
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);
  expect(v.cards).toHaveLength(1);
  let card = v.cards[0];
  expect(card).toMatchObject({
    id: cardId,
    maskedNumber: issued.issuance.card.maskedNumber,
    status: 'ACTIVE',
    network: 'UNIONPAY',
    issuer: { id: 'jd-finance' },
    overdue: { isOverdue: false, overdueDays: 0, overdueAmountFen: 0, penaltyAccruedFen: 0 },
    walletBindings: [],
    payableNow: [],
    currentBill: null,
    repayAt: { platform: { id: 'jd-finance' } },
  });
  expect(card.maskedNumber).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
  expect(card.networkLimits.map((l: any) => [l.ruleId, l.limitFen, l.usedFen, l.remainingFen])).toEqual([
    ['unionpay.per-payment', 100_000, 0, 100_000],
    ['unionpay.daily', 500_000, 0, 500_000],
    ['unionpay.yearly', 50_000_000, 0, 50_000_000],
  ]);
  const issuedView = v;

  // 3. Revealed after the payment password: the full number, the printed expiry and the CVV2, once.
  const revealStarted = await mutate(
    `mutation($i: StartCardRevealInput!) { startCardReveal(input: $i) { ok revealToken error { code } } }`,
    { i: { cardId, paymentPassword: PAYMENT_PASSWORD } },
  );
  expect(revealStarted).toMatchObject({ ok: true, error: null, revealToken: expect.any(String) });
  const revealed = await mutate(
    `mutation($i: RevealCardDetailsInput!) { revealCardDetails(input: $i) { ok error { code } details { cardNumber expiry cvv2 } } }`,
    { i: { cardId, revealToken: revealStarted.revealToken } },
  );
  expect(revealed).toMatchObject({ ok: true, error: null });
  const { cardNumber, expiry, cvv2 } = revealed.details as { cardNumber: string; expiry: string; cvv2: string };
  expect(luhnValid(cardNumber)).toBe(true);
  expect(cardNumber.slice(0, 6)).toBe(card.maskedNumber.replace(/ /g, '').slice(0, 6));
  expect(cardNumber.slice(-4)).toBe(card.maskedNumber.slice(-4));
  expect(expiry).toBe(card.expiry);
  expect(cvv2).toMatch(/^\d{3}$/);
  // The token is spent.
  expect(
    await mutate(`mutation($i: RevealCardDetailsInput!) { revealCardDetails(input: $i) { ok error { code } } }`, {
      i: { cardId, revealToken: revealStarted.revealToken },
    }),
  ).toEqual({ ok: false, error: { code: 'INVALID_TOKEN' } });
  // Seeing the card changes nothing in the view.
  expect(await cardView()).toEqual(issuedView);

  // 4. Bound to WeChat Pay with the four elements, the number typed as revealed; the issuer compares all four.
  const bound = await mutate(
    `mutation($i: BindCardInput!) { bindCard(input: $i) { ok error { code } fieldErrors { field } binding { id status verificationMethod walletPlatform { id } } } }`,
    {
      i: {
        idempotencyKey: key('bind'),
        cardId,
        walletPlatform: 'wechat-pay',
        fields: [
          { name: 'cardNumber', value: cardNumber },
          { name: 'name', value: HOLDER.name },
          { name: 'residentId', value: HOLDER.residentId },
          { name: 'mobile', value: `+86${HOLDER.mobile}` },
        ],
      },
    },
  );
  expect(bound).toMatchObject({
    ok: true,
    error: null,
    fieldErrors: [],
    binding: { status: 'ACTIVE', verificationMethod: 'FOUR_ELEMENTS', walletPlatform: { id: 'wechat-pay' } },
  });
  const wechatBindingId: string = bound.binding.id;
  v = await cardView();
  card = v.cards[0];
  expect(card.status).toBe('ACTIVE');
  expect(bindings(card)).toEqual([['wechat-pay', 'FOUR_ELEMENTS', 'ACTIVE']]);
  expect(card.walletBindings[0].id).toBe(wechatBindingId);
  // UnionPay's 1,000 CNY a payment binds: below WeChat Pay's 50,000 and the 30,000 of credit.
  expect(payable(card)).toEqual([['wechat-pay', 100_000, 'unionpay.per-payment', 'unionpay', null]]);
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);

  // 5. Pushed to Cloud QuickPass from the issuer: no number typed or sent.
  const provisioned = await mutate(
    `mutation($i: ProvisionCardInput!) { provisionCardToWallet(input: $i) { ok error { code } binding { id status verificationMethod walletPlatform { id } } } }`,
    { i: { idempotencyKey: key('provision'), cardId, walletPlatform: 'unionpay-quickpass' } },
  );
  expect(provisioned).toMatchObject({
    ok: true,
    error: null,
    binding: { status: 'ACTIVE', verificationMethod: 'PUSH_PROVISIONING', walletPlatform: { id: 'unionpay-quickpass' } },
  });
  v = await cardView();
  card = v.cards[0];
  expect(bindings(card)).toEqual([
    ['unionpay-quickpass', 'PUSH_PROVISIONING', 'ACTIVE'],
    ['wechat-pay', 'FOUR_ELEMENTS', 'ACTIVE'],
  ]);
  expect(payable(card)).toEqual([
    ['unionpay-quickpass', 100_000, 'unionpay.per-payment', 'unionpay', null],
    ['wechat-pay', 100_000, 'unionpay.per-payment', 'unionpay', null],
  ]);
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);

  // 6. The holder's own 300 CNY a payment: it binds on both wallets, as cardholder.per-payment.
  const controlled = await mutate(
    `mutation($cardId: ID!, $input: SpendingControlsInput!) { setSpendingControls(cardId: $cardId, input: $input) { ok card { spendingControls { perPaymentFen dailyFen monthlyFen blockedMerchantCategories } } } }`,
    { cardId, input: { perPaymentFen: 30_000 } },
  );
  expect(controlled).toEqual({
    ok: true,
    card: { spendingControls: { perPaymentFen: 30_000, dailyFen: null, monthlyFen: null, blockedMerchantCategories: [] } },
  });
  v = await cardView();
  card = v.cards[0];
  expect(payable(card)).toEqual([
    ['unionpay-quickpass', 30_000, 'cardholder.per-payment', 'cardholder', null],
    ['wechat-pay', 30_000, 'cardholder.per-payment', 'cardholder', null],
  ]);
  for (const wallet of ['unionpay-quickpass', 'wechat-pay']) {
    expect(ruleOf(card, wallet, 'cardholder.per-payment')).toMatchObject({
      platform: { id: 'cardholder' },
      window: 'PER_PAYMENT',
      limitFen: 30_000,
      usedFen: 0,
      remainingFen: 30_000,
      blockedCode: null,
    });
  }
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);
  const controlledView = v;

  // 7. 400 CNY is declined by the holder's own rule, asking for a lower amount; nothing is used.
  expect(await pay(wechatBindingId, 40_000)).toEqual({
    ok: false,
    error: {
      code: 'LIMIT_EXCEEDED',
      platform: 'cardholder',
      platformMessage: '超出持卡人自设单笔限额',
      decision: 'USER_ACTION',
      remedy: 'LOWER_AMOUNT',
      limitRuleId: 'cardholder.per-payment',
      limitWindow: 'PER_PAYMENT',
      message: {
        zhCN: '金额超出您为此卡设置的单笔限额，请降低金额',
        en: 'The amount is over the per-payment limit you set for this card; pay less',
      },
    },
    payment: { amountFen: 40_000, status: 'DECLINED' },
  });
  expect(await cardView()).toEqual(controlledView);

  // 8. Locked: nothing payable anywhere, bound by the issuer's rule with CARD_LOCKED.
  const locked = await mutate(`mutation($cardId: ID!) { lockCard(cardId: $cardId) { ok changed error { code } card { status } } }`, {
    cardId,
  });
  expect(locked).toEqual({ ok: true, changed: true, error: null, card: { status: 'LOCKED' } });
  v = await cardView();
  card = v.cards[0];
  expect(card.status).toBe('LOCKED');
  expect(bindings(card)).toEqual([
    ['unionpay-quickpass', 'PUSH_PROVISIONING', 'ACTIVE'],
    ['wechat-pay', 'FOUR_ELEMENTS', 'ACTIVE'],
  ]);
  expect(payable(card)).toEqual([
    ['unionpay-quickpass', 0, 'jd-finance.credit-available', 'jd-finance', 'CARD_LOCKED'],
    ['wechat-pay', 0, 'jd-finance.credit-available', 'jd-finance', 'CARD_LOCKED'],
  ]);
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 0, CREDIT_LINE_FEN]);
  const lockedView = v;

  // 9. Paying on the locked card: declined as locked, unlock it.
  // The issuer declines in its hop, in JD Finance's words (卡片已锁定).
  expect(await pay(wechatBindingId, 25_000)).toEqual({
    ok: false,
    error: {
      code: 'CARD_LOCKED',
      platform: 'jd-finance',
      platformMessage: '卡片已锁定',
      decision: 'USER_ACTION',
      remedy: 'UNLOCK_CARD',
      limitRuleId: null,
      limitWindow: null,
      message: { zhCN: '白条闪付卡已锁定，请在京东金融解锁', en: 'The Baitiao Shanfu card is locked; unlock it in the JD Finance app' },
    },
    payment: { amountFen: 25_000, status: 'DECLINED' },
  });
  expect(await cardView()).toEqual(lockedView);

  // 10. Unlocked: the view is as before the lock.
  const unlocked = await mutate(`mutation($cardId: ID!) { unlockCard(cardId: $cardId) { ok changed error { code } card { status } } }`, {
    cardId,
  });
  expect(unlocked).toEqual({ ok: true, changed: true, error: null, card: { status: 'ACTIVE' } });
  expect(await cardView()).toEqual(controlledView);

  // 11. 250 CNY, under the holder's 300: approved on every platform, the credit taken to the fen.
  expect(await pay(wechatBindingId, 25_000)).toEqual({ ok: true, error: null, payment: { amountFen: 25_000, status: 'APPROVED' } });
  v = await cardView();
  card = v.cards[0];
  expect(card.status).toBe('ACTIVE');
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 25_000, CREDIT_LINE_FEN - 25_000]);
  // A per-payment limit is not used up by a payment: 300 CNY still binds on both wallets.
  expect(payable(card)).toEqual([
    ['unionpay-quickpass', 30_000, 'cardholder.per-payment', 'cardholder', null],
    ['wechat-pay', 30_000, 'cardholder.per-payment', 'cardholder', null],
  ]);
  expect(card.networkLimits.map((l: any) => [l.ruleId, l.usedFen, l.remainingFen])).toEqual([
    ['unionpay.per-payment', 0, 100_000],
    ['unionpay.daily', 25_000, 475_000],
    ['unionpay.yearly', 25_000, 49_975_000],
  ]);
  // Every platform's rules on the route, with what the payment used: the wallet's own only on WeChat Pay's side.
  const rules = (wallet: string) =>
    card.payableNow
      .find((p: any) => p.walletPlatform.id === wallet)
      .rules.map((r: any) => [r.ruleId, r.window, r.limitFen, r.usedFen, r.remainingFen, r.resetsAt]);
  const shared = [
    ['jd-finance.credit-available', 'ALL_TIME', CREDIT_LINE_FEN, 25_000, CREDIT_LINE_FEN - 25_000, null],
    ['cardholder.per-payment', 'PER_PAYMENT', 30_000, 0, 30_000, null],
    ['unionpay.per-payment', 'PER_PAYMENT', 100_000, 0, 100_000, null],
    ['unionpay.daily', 'DAILY', 500_000, 25_000, 475_000, '2028-03-15T16:00:00.000Z'],
    ['unionpay.yearly', 'YEARLY', 50_000_000, 25_000, 49_975_000, '2028-12-31T16:00:00.000Z'],
  ];
  expect(rules('wechat-pay')).toEqual([
    ...shared,
    ['wechat-pay.per-payment', 'PER_PAYMENT', 5_000_000, 0, 5_000_000, null],
    ['wechat-pay.yearly', 'YEARLY', 20_000_000, 25_000, 19_975_000, '2028-12-31T16:00:00.000Z'],
  ]);
  expect(rules('unionpay-quickpass')).toEqual([
    ...shared,
    ['unionpay-quickpass.per-payment', 'PER_PAYMENT', 100_000, 0, 100_000, null],
    ['unionpay-quickpass.daily', 'DAILY', 500_000, 0, 500_000, '2028-03-15T16:00:00.000Z'],
  ]);

  // 12. WeChat Pay binding removed: only QuickPass is left, and the removed binding cannot pay.
  const removed = await mutate(`mutation($id: ID!) { removeWalletBinding(bindingId: $id) { ok changed binding { id status } } }`, {
    id: wechatBindingId,
  });
  expect(removed).toEqual({ ok: true, changed: true, binding: { id: wechatBindingId, status: 'REMOVED' } });
  v = await cardView();
  card = v.cards[0];
  expect(card.status).toBe('ACTIVE');
  expect(bindings(card)).toEqual([['unionpay-quickpass', 'PUSH_PROVISIONING', 'ACTIVE']]);
  expect(payable(card)).toEqual([['unionpay-quickpass', 30_000, 'cardholder.per-payment', 'cardholder', null]]);
  expect(credit(v)).toEqual([CREDIT_LINE_FEN, 25_000, CREDIT_LINE_FEN - 25_000]);
  expect(await pay(wechatBindingId, 10_000)).toMatchObject({ ok: false, error: { code: 'BINDING_NOT_ACTIVE' } });
  expect(credit(await cardView())).toEqual([CREDIT_LINE_FEN, 25_000, CREDIT_LINE_FEN - 25_000]);
});
