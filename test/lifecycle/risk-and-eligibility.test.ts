/**
 * The issuer's risk freeze and the eligibility answer: a frozen customer's card shows
 * ACCOUNT_FROZEN wherever it could pay, and eligibility lists every failing rule with
 * its canonical error (real-name level, age from the resident ID number, overdue, frozen).
 */
import { runStatementJob } from '@cardweave/issuer-subgraph';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity, operator } from './lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let good: LifecycleCustomer;

const FREEZE = `mutation($input: CustomerStatusInput!) { freezeCustomer(input: $input) { ok changed error { code field } customer { status isFrozen freeze { reason since } } } }`;
const UNFREEZE = `mutation($input: CustomerStatusInput!) { unfreezeCustomer(input: $input) { ok changed error { code } customer { status isFrozen freeze { reason } } } }`;
const CARD = `query($id: ID!) { card(id: $id) {
  issuerLimit { remainingFen blockedCode }
  payableNow { walletPlatform { id } amountFen bindingRule { ruleId blockedCode } }
  customer { issuerEligibility { eligible reasons { rule error { code remedy } } } } } }`;
const ELIGIBILITY = `query($id: ID!) { customer(id: $id) { issuerEligibility {
  platform { id } action eligible age
  reasons { rule error { code platform platformCode platformMessage decision remedy message { zhCN en } } } } } }`;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, now: '2028-03-15T02:00:00.000Z' });
  good = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
});

afterAll(async () => {
  await system?.stop();
});

describe('freeze and unfreeze', () => {
  const input = (idempotencyKey: string, reason = '异常登录，人工审核') => ({
    input: { customerId: good.customerId, reason, idempotencyKey },
  });

  it('is for operators only', async () => {
    const asCustomer = await actAs(system, 'issuer', customerIdentity(good.customerId), FREEZE, input('freeze-0'));
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('freezes at once: the card cannot pay through any wallet, with ACCOUNT_FROZEN', async () => {
    const { data } = await actAs(system, 'issuer', operator, FREEZE, input('freeze-1'));
    expect(data!.freezeCustomer).toEqual({
      ok: true,
      changed: true,
      error: null,
      customer: { status: 'FROZEN', isFrozen: true, freeze: { reason: '异常登录，人工审核', since: '2028-03-15T02:00:00.000Z' } },
    });
    const card = (await system.query<{ card: any }>(CARD, { id: good.cardId })).data!.card;
    expect(card.issuerLimit).toEqual({ remainingFen: 0, blockedCode: 'ACCOUNT_FROZEN' });
    expect(card.payableNow.length).toBeGreaterThan(0);
    for (const p of card.payableNow)
      expect(p).toMatchObject({ amountFen: 0, bindingRule: { ruleId: 'jd-finance.credit-available', blockedCode: 'ACCOUNT_FROZEN' } });
    expect(card.customer.issuerEligibility).toEqual({
      eligible: false,
      reasons: [{ rule: 'ACCOUNT_FROZEN', error: { code: 'ACCOUNT_FROZEN', remedy: 'CONTACT_SUPPORT' } }],
    });
  });

  it('replays the same key, refuses it with another reason, and keeps one history row', async () => {
    const again = await actAs(system, 'issuer', operator, FREEZE, input('freeze-1'));
    expect(again.data!.freezeCustomer).toMatchObject({ ok: true, changed: true });
    const reused = await actAs(system, 'issuer', operator, FREEZE, input('freeze-1', 'another reason'));
    expect(reused.data!.freezeCustomer).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' } });
    const [{ n }] = await system.issuer.database.dataSource.query(
      `SELECT count(*)::int AS n FROM issuer.customer_status_changes WHERE customer_id = $1`,
      [good.customerId],
    );
    expect(n).toBe(1);
  });

  it('unfreezes after review, and the card can pay again', async () => {
    const { data } = await actAs(system, 'issuer', operator, UNFREEZE, input('unfreeze-1', '审核通过'));
    expect(data!.unfreezeCustomer).toEqual({
      ok: true,
      changed: true,
      error: null,
      customer: { status: 'ACTIVE', isFrozen: false, freeze: null },
    });
    const card = (await system.query<{ card: any }>(CARD, { id: good.cardId })).data!.card;
    expect(card.issuerLimit).toEqual({ remainingFen: 5_000_000, blockedCode: null });
    const twice = await actAs(system, 'issuer', operator, UNFREEZE, input('unfreeze-2', '重复'));
    expect(twice.data!.unfreezeCustomer).toMatchObject({ ok: true, changed: false });
  });
});

describe('eligibility at the issuer', () => {
  it('answers eligible for a level-3 adult in good standing', async () => {
    const { data } = await system.query<{ customer: any }>(ELIGIBILITY, { id: good.customerId });
    expect(data!.customer.issuerEligibility).toEqual({
      platform: { id: 'jd-finance' },
      action: 'GET_CARD',
      eligible: true,
      age: 32,
      reasons: [],
    });
  });

  it('lists every failing reason: real-name level, age from the ID number, overdue debt, frozen', async () => {
    // 56 on 2028-03-15 by the ID number's birth date (1972-03-15): one year over JD Finance's 55.
    const risky = await insertLifecycleCustomer(system, {
      createdAt: '2028-01-05T00:00:00+08:00',
      realNameLevel: 2,
      birthDate: '1972-03-15',
      status: 'FROZEN',
    });
    await postPurchase(system, risky, 10_000n, '2028-01-10T12:00:00+08:00');
    await runStatementJob(system.issuer.database.dataSource, system.registry, shanghai('2028-03-15T09:00:00'));
    const { data, errors } = await system.query<{ customer: any }>(ELIGIBILITY, { id: risky.customerId });
    expect(errors).toBeUndefined();
    const answer = data!.customer.issuerEligibility;
    expect(answer).toMatchObject({ eligible: false, age: 56 });
    expect(answer.reasons.map((r: any) => [r.rule, r.error.code, r.error.remedy, r.error.platformCode])).toEqual([
      ['REAL_NAME_LEVEL', 'NOT_ELIGIBLE', 'RAISE_REAL_NAME_LEVEL', 'REAL_NAME_LEVEL_LOW'],
      ['MAX_AGE', 'NOT_ELIGIBLE', 'NONE', 'AGE_NOT_ELIGIBLE'],
      ['OVERDUE_DEBT', 'OVERDUE_DEBT', 'REPAY_OVERDUE_BILL', 'ACCOUNT_OVERDUE'],
      ['ACCOUNT_FROZEN', 'ACCOUNT_FROZEN', 'CONTACT_SUPPORT', 'ACCOUNT_FROZEN'],
    ]);
    for (const r of answer.reasons) {
      expect(r.error).toMatchObject({
        platform: 'jd-finance',
        platformMessage: expect.any(String),
        message: { zhCN: expect.any(String), en: expect.any(String) },
      });
    }
  });

  it('takes the age from the resident ID number on the day in Asia/Shanghai', async () => {
    // Turns 18 on 2028-03-15 (Shanghai), which starts at 2028-03-14T16:00Z.
    const teen = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00', birthDate: '2010-03-15' });
    const { data } = await system.query<{ customer: any }>(ELIGIBILITY, { id: teen.customerId });
    expect(data!.customer.issuerEligibility).toMatchObject({ eligible: true, age: 18 });
    const before = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00', birthDate: '2010-03-16' });
    const younger = (await system.query<{ customer: any }>(ELIGIBILITY, { id: before.customerId })).data!.customer.issuerEligibility;
    expect(younger).toMatchObject({
      eligible: false,
      age: 17,
      reasons: [{ rule: 'MIN_AGE', error: { code: 'NOT_ELIGIBLE', platformCode: 'AGE_NOT_ELIGIBLE' } }],
    });
  });

  it("answers per wallet from that wallet adapter's rules and the wallet account, beside the issuer", async () => {
    const wallets = system.registry.byRole('wallet').map((w) => w.manifest.id);
    // Level 2 is enough for the wallets; a restricted second wallet account is not.
    const person = await insertLifecycleCustomer(system, {
      createdAt: '2028-01-05T00:00:00+08:00',
      realNameLevel: 2,
      wallets: ['ACTIVE', 'RESTRICTED'],
    });
    const { data, errors } = await system.query<{ customer: any }>(
      `query($id: ID!) { customer(id: $id) {
          issuerEligibility { eligible reasons { rule } }
          walletEligibility { platform { id } action eligible age reasons { rule error { code platform remedy } } } } }`,
      { id: person.customerId },
    );
    expect(errors).toBeUndefined();
    expect(data!.customer.issuerEligibility).toEqual({ eligible: false, reasons: [{ rule: 'REAL_NAME_LEVEL' }] });
    const byWallet = Object.fromEntries(data!.customer.walletEligibility.map((e: any) => [e.platform.id, e]));
    expect(byWallet[wallets[0]]).toEqual({ platform: { id: wallets[0] }, action: 'BIND_CARD', eligible: true, age: 32, reasons: [] });
    expect(byWallet[wallets[1]]).toMatchObject({
      eligible: false,
      reasons: [{ rule: 'WALLET_INACTIVE', error: { code: 'BINDING_NOT_ACTIVE', platform: wallets[1], remedy: 'CONTACT_SUPPORT' } }],
    });
  });
});
