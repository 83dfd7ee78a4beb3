/**
 * Repayment only at the issuer: idempotent by key, oldest bill first with penalty before
 * principal, credit restored at once; an overdue bill stays overdue until repaid in full,
 * and the overdue state clears in the unified view the moment it is.
 * A wallet refuses and names the issuer as the place to repay.
 */
import { runStatementJob } from '@cardweave/issuer-subgraph';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity } from './lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let customer: LifecycleCustomer;

const REPAY = `mutation($input: RepayInput!) { repay(input: $input) {
  ok error { code platform platformCode remedy field message { zhCN en } }
  repayment { id amountFen allocations { bill { statementDate } penaltyFen principalFen } }
  creditLine { usedFen availableFen } } }`;
const repay = (amountFen: number, idempotencyKey: string, as = customer.customerId) =>
  actAs(system, 'issuer', customerIdentity(as), REPAY, { input: { customerId: customer.customerId, amountFen, idempotencyKey } });

const VIEW = `query($id: ID!) { card(id: $id) {
  credit { usedFen availableFen }
  overdue { isOverdue overdueDays overdueAmountFen penaltyAccruedFen }
  issuerLimit { remainingFen blockedCode }
  customer { bills { edges { node { statementDate status paidFen penaltyPaidFen outstandingFen } } } } } }`;
const view = async () => (await system.query<{ card: Record<string, any> }>(VIEW, { id: customer.cardId })).data!.card;
const count = async (table: string) =>
  (await system.issuer.database.dataSource.query(`SELECT count(*)::int AS n FROM issuer.${table}`))[0].n;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, now: '2028-03-15T02:00:00.000Z' });
  customer = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  await postPurchase(system, customer, 100_000n, '2028-01-10T12:00:00+08:00');
  await postPurchase(system, customer, 300_849n, '2028-01-31T23:59:59+08:00');
  await postPurchase(system, customer, 50_000n, '2028-02-01T00:00:00+08:00');
  await runStatementJob(system.issuer.database.dataSource, system.registry, shanghai('2028-03-15T10:00:00'));
});

afterAll(async () => {
  await system?.stop();
});

describe('repayment at the issuer', () => {
  it('starts overdue: two bills, 34 and 5 days late', async () => {
    expect((await view()).overdue).toEqual({ isOverdue: true, overdueDays: 34, overdueAmountFen: 450_849, penaltyAccruedFen: 6_700 });
  });

  it('refuses what is not a positive whole amount, more than is owed, or another customer', async () => {
    const zero = await repay(0, 'repay-zero');
    expect(zero.data!.repay).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT', field: 'amountFen', remedy: 'CORRECT_INPUT' } });
    const fraction = await actAs(system, 'issuer', customerIdentity(customer.customerId), REPAY, {
      input: { customerId: customer.customerId, amountFen: 10.5, idempotencyKey: 'repay-fraction' },
    });
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMuch = await repay(450_849 + 6_700 + 1, 'repay-too-much');
    expect(tooMuch.data!.repay).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT', platform: 'jd-finance', platformCode: 'REPAY_AMOUNT_EXCEEDS', remedy: 'CORRECT_INPUT' },
    });
    const stranger = await repay(100, 'repay-stranger', '00000000-0000-4000-8000-00000000abcd');
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await count('repayments')).toBe(0);
  });

  it('pays the oldest bill first, penalty before principal, and restores that principal as credit', async () => {
    const { data, errors } = await repay(50_000, 'repay-1');
    expect(errors).toBeUndefined();
    expect(data!.repay).toMatchObject({
      ok: true,
      error: null,
      repayment: { amountFen: 50_000, allocations: [{ bill: { statementDate: '2028-02-01' }, penaltyFen: 6_600, principalFen: 43_400 }] },
      creditLine: { usedFen: 450_849 - 43_400, availableFen: 5_000_000 - 450_849 + 43_400 },
    });
    const card = await view();
    expect(card.credit.usedFen).toBe(450_849 - 43_400);
    // More than January's minimum, but after its due date: both bills stay overdue until repaid in full.
    expect(card.overdue).toEqual({ isOverdue: true, overdueDays: 34, overdueAmountFen: 450_849 - 43_400, penaltyAccruedFen: 6_700 });
    expect(card.issuerLimit).toEqual({ remainingFen: 0, blockedCode: 'OVERDUE_DEBT' });
    expect(card.customer.bills.edges.map((e: any) => e.node)).toEqual([
      { statementDate: '2028-03-01', status: 'OVERDUE', paidFen: 0, penaltyPaidFen: 0, outstandingFen: 50_100 },
      { statementDate: '2028-02-01', status: 'OVERDUE', paidFen: 50_000, penaltyPaidFen: 6_600, outstandingFen: 400_849 + 6_600 - 50_000 },
    ]);
  });

  it('replays the first answer for the same key and moves no money; refuses the key with another amount', async () => {
    const first = await repay(50_000, 'repay-1');
    const again = await repay(50_000, 'repay-1');
    expect(again.data!.repay.repayment).toEqual(first.data!.repay.repayment);
    expect(await count('repayments')).toBe(1);
    expect((await view()).credit.usedFen).toBe(450_849 - 43_400);
    const reused = await repay(60_000, 'repay-1');
    expect(reused.data!.repay).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' } });
    expect(await count('repayments')).toBe(1);
  });

  it('takes a repayment once when the same key arrives many times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => repay(1_000, 'repay-concurrent')));
    const ids = new Set(answers.map((a) => a.data?.repay.repayment?.id).filter(Boolean));
    expect(ids.size).toBe(1);
    for (const a of answers) expect(a.data!.repay.ok || a.data!.repay.error.code === 'TRANSACTION_IN_PROGRESS').toBe(true);
    expect(await count('repayments')).toBe(2);
    expect((await view()).credit.usedFen).toBe(450_849 - 43_400 - 1_000);
  });

  it('clears the overdue state and unblocks the card when everything overdue is repaid', async () => {
    const { data } = await repay(356_449 + 100 + 50_000, 'repay-2');
    expect(data!.repay.repayment.allocations).toEqual([
      { bill: { statementDate: '2028-02-01' }, penaltyFen: 0, principalFen: 356_449 },
      { bill: { statementDate: '2028-03-01' }, penaltyFen: 100, principalFen: 50_000 },
    ]);
    const card = await view();
    expect(card.overdue).toMatchObject({ isOverdue: false, overdueDays: 0, overdueAmountFen: 0 });
    expect(card.credit).toEqual({ usedFen: 0, availableFen: 5_000_000 });
    expect(card.issuerLimit).toEqual({ remainingFen: 5_000_000, blockedCode: null });
    expect(card.customer.bills.edges.map((e: any) => e.node.status)).toEqual(['PAID', 'PAID']);
  });

  it('posts no further penalty once everything is repaid', async () => {
    const later = await runStatementJob(system.issuer.database.dataSource, system.registry, shanghai('2028-03-20T00:00:00'));
    expect(later.penaltyPostings).toBe(0);
  });

  it('is refused by a wallet, which names the issuer as the place to repay', async () => {
    const { data, errors } = await actAs(
      system,
      'wallet',
      customerIdentity(customer.customerId),
      `mutation($input: WalletRepaymentInput!) { repayThroughWallet(input: $input) {
         ok error { code platform decision remedy message { zhCN en } } repayAt { platform { id } channel { en } } } }`,
      { input: { customerId: customer.customerId, walletPlatform: 'wechat-pay', amountFen: 1_000, idempotencyKey: 'wallet-repay-1' } },
    );
    expect(errors).toBeUndefined();
    expect(data!.repayThroughWallet).toEqual({
      ok: false,
      error: {
        code: 'REPAYMENT_NOT_SUPPORTED',
        platform: 'wechat-pay',
        decision: 'USER_ACTION',
        remedy: 'REPAY_AT_ISSUER',
        message: { zhCN: '微信支付不支持还款，请在京东金融 App还款', en: 'WeChat Pay cannot take repayments; repay in the JD Finance app' },
      },
      repayAt: { platform: { id: 'jd-finance' }, channel: { en: 'the JD Finance app' } },
    });
    expect(await count('repayments')).toBe(3);
  });
});
