/**
 * One customer, the whole way through the gateway, with the unified view after each step:
 * ineligible → eligible → card issued → bound to WeChat Pay → paying (approved, then
 * declined by UnionPay's per-payment limit, then by its daily limit) → billed → overdue →
 * penalized → repaid. The clock is injected and moves as the story does.
 */
import { fetchHttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';
import { MutableClock } from '../support/mutable-clock';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { residentIdFor, insertLifecycleCustomer } from './lifecycle-fixtures';

const clock = new MutableClock('2028-01-10T02:00:00Z'); // 10:00 on 10 January 2028 in Shanghai
const jd = new JdFinanceSimulator(clock);
const wechat = new WechatPaySimulator(clock);
let system: TestSystem;
let customerId: string;
let token: string;

const VIEW = `query($id: ID!) { customer(id: $id) {
  issuerEligibility { eligible reasons { rule } }
  creditLine { limitFen usedFen availableFen }
  cards { id maskedNumber status
    overdue { isOverdue overdueDays overdueAmountFen penaltyAccruedFen }
    walletBindings { walletPlatform { id } verificationMethod }
    payableNow { walletPlatform { id } amountFen bindingRule { ruleId blockedCode } }
    currentBill { totalDueFen minimumDueFen paidFen status dueDate penaltyAccruedFen items(first: 20) { totalCount edges { node { amountFen transaction { amountFen status } } } } }
  } } }`;

async function view() {
  const { data, errors } = await system.queryAs<{ customer: any }>(token, VIEW, { id: customerId });
  expect(errors).toBeUndefined();
  return data!.customer;
}

async function mutate(query: string, variables: Record<string, unknown>, as: string = token) {
  const { data, errors } = await system.queryAs<Record<string, any>>(as, query, variables);
  expect(errors).toBeUndefined();
  return Object.values(data!)[0];
}

const key = (() => {
  let n = 0;
  return (what: string) => `journey-${what}-${(n += 1)}`;
})();

const pay = (bindingId: string, amountFen: number) =>
  mutate(`mutation($i: PayInput!) { pay(input: $i) { ok error { code platform } } }`, {
    i: { idempotencyKey: key('pay'), bindingId, amountFen, merchantName: '盒马鲜生', merchantCategoryCode: '5411' },
  });

beforeAll(async () => {
  const real = fetchHttpClient();
  system = await startTestSystem({
    demoData: false,
    clock,
    platformHttp: (id) => (id === 'jd-finance' ? jd : id === 'wechat-pay' ? wechat : real),
  });
  customerId = (
    await insertLifecycleCustomer(system, { createdAt: '2027-06-01T00:00:00+08:00', card: false, realNameLevel: 2, limitFen: 2_000_000n })
  ).customerId;
  token = system.token(customerId);
});

afterAll(async () => {
  await system?.stop();
});

it('walks one customer from ineligible to repaid', async () => {
  // 1. Ineligible: real-name level 2, the issuer needs 3.
  let v = await view();
  expect(v.issuerEligibility.eligible).toBe(false);
  expect(v.issuerEligibility.reasons.map((r: any) => r.rule)).toContain('REAL_NAME_LEVEL');
  expect(v.cards).toEqual([]);

  // 2. Eligible once the customer completes level-3 real-name verification at the issuer.
  await system.issuer.database.dataSource.query(`UPDATE issuer.customers SET real_name_level = 3 WHERE id = $1`, [customerId]);
  v = await view();
  expect(v.issuerEligibility).toEqual({ eligible: true, reasons: [] });

  // 3. Issued after face, SMS code and payment password.
  const started = await mutate(`mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok issuance { id } } }`, {
    i: { customerId, idempotencyKey: key('start') },
  });
  const issuanceId = started.issuance.id;
  for (const [stepId, fields] of [
    ['face', { faceToken: 'face-token-0001' }],
    ['sms', { smsCode: 'sent' }],
    ['payment-password', { paymentPassword: '135790' }],
  ] as const) {
    if (stepId === 'sms') {
      // JD Finance texts the code to the holder's phone; the test reads it from the simulator's phone.
      const sent = await mutate(`mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`, {
        i: { issuanceId, idempotencyKey: key('sms-send') },
      });
      expect(sent.ok).toBe(true);
    }
    const values: Record<string, string> = stepId === 'sms' ? { smsCode: jd.sentSmsCode(customerId)! } : fields;
    const step = await mutate(`mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok } }`, {
      i: { issuanceId, stepId, fields: Object.entries(values).map(([name, value]) => ({ name, value })), idempotencyKey: key(stepId) },
    });
    expect(step.ok).toBe(true);
  }
  const issued = await mutate(`mutation($i: IssueCardInput!) { issueCard(input: $i) { ok issuance { card { id maskedNumber } } } }`, {
    i: { issuanceId, idempotencyKey: key('issue') },
  });
  expect(issued.ok).toBe(true);
  const cardId = issued.issuance.card.id;
  v = await view();
  expect(v.cards).toHaveLength(1);
  expect(v.cards[0]).toMatchObject({ status: 'ACTIVE', walletBindings: [], payableNow: [] });

  // 4. Bound to WeChat Pay with the four elements (the holder reads the number in the JD Finance app).
  const [row] = await system.issuer.database.dataSource.query(`SELECT pan_encrypted FROM issuer.cards WHERE id = $1`, [cardId]);
  const bound = await mutate(`mutation($i: BindCardInput!) { bindCard(input: $i) { ok binding { id } error { code } } }`, {
    i: {
      idempotencyKey: key('bind'),
      cardId,
      walletPlatform: 'wechat-pay',
      fields: [
        { name: 'name', value: '测试用户' },
        { name: 'residentId', value: residentIdFor('1995-05-05') },
        { name: 'mobile', value: '+8613800138000' },
        { name: 'cardNumber', value: system.vault.decrypt(row.pan_encrypted) },
      ],
    },
  });
  expect(bound).toMatchObject({ ok: true, error: null });
  const bindingId = bound.binding.id;
  v = await view();
  expect(v.cards[0].walletBindings).toEqual([{ walletPlatform: { id: 'wechat-pay' }, verificationMethod: 'FOUR_ELEMENTS' }]);
  expect(v.cards[0].payableNow[0]).toMatchObject({ amountFen: 100_000, bindingRule: { ruleId: 'unionpay.per-payment' } });

  // 5. Paying: approved, then over UnionPay's 1,000 CNY per payment, then over its 5,000 CNY a day.
  expect(await pay(bindingId, 50_000)).toMatchObject({ ok: true });
  expect(await pay(bindingId, 100_001)).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED', platform: 'unionpay' } });
  for (let i = 0; i < 4; i += 1) expect(await pay(bindingId, 100_000)).toMatchObject({ ok: true });
  expect(await pay(bindingId, 60_000)).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED', platform: 'unionpay' } });
  v = await view();
  expect(v.creditLine).toMatchObject({ limitFen: 2_000_000, usedFen: 450_000, availableFen: 1_550_000 });
  expect(v.cards[0].payableNow[0]).toMatchObject({ amountFen: 50_000, bindingRule: { ruleId: 'unionpay.daily' } });

  // 6. Billed: the statement job closes January on 1 February.
  clock.set('2028-01-31T16:05:00Z'); // 00:05 on 1 February in Shanghai
  const run = await mutate(`mutation { runStatements { billsCreated } }`, {}, system.token('operator'));
  expect(run.billsCreated).toBe(1);
  v = await view();
  const bill = v.cards[0].currentBill;
  expect(bill).toMatchObject({ totalDueFen: 450_000, paidFen: 0, status: 'OPEN', dueDate: '2028-02-10' });
  expect(bill.items.totalCount).toBe(5);
  expect(
    bill.items.edges.every((e: any) => e.node.transaction.status === 'APPROVED' && e.node.transaction.amountFen === e.node.amountFen),
  ).toBe(true);

  // 7. Overdue and penalized: nothing paid by the due date; the job accrues 0.05% a day.
  clock.set('2028-02-12T16:05:00Z'); // 00:05 on 13 February
  await mutate(`mutation { runStatements { penaltyPostings } }`, {}, system.token('operator'));
  v = await view();
  const overdue = v.cards[0].overdue;
  expect(overdue).toMatchObject({ isOverdue: true, overdueAmountFen: 450_000 });
  expect(overdue.overdueDays).toBeGreaterThanOrEqual(2);
  expect(overdue.penaltyAccruedFen).toBeGreaterThan(0);
  expect(overdue.penaltyAccruedFen % 225).toBe(0); // 450,000 fen × 0.05% = 225 fen per day
  expect(v.cards[0].payableNow[0]).toMatchObject({ amountFen: 0, bindingRule: { blockedCode: 'OVERDUE_DEBT' } });
  // Running the job again changes nothing.
  await mutate(`mutation { runStatements { penaltyPostings } }`, {}, system.token('operator'));
  expect((await view()).cards[0].overdue.penaltyAccruedFen).toBe(overdue.penaltyAccruedFen);

  // 8. Repaid at the issuer: penalty first, then principal; credit restored, overdue cleared.
  const owed = 450_000 + overdue.penaltyAccruedFen;
  const repaid = await mutate(`mutation($i: RepayInput!) { repay(input: $i) { ok error { code } } }`, {
    i: { customerId, amountFen: owed, idempotencyKey: key('repay') },
  });
  expect(repaid).toMatchObject({ ok: true, error: null });
  v = await view();
  expect(v.cards[0].overdue.isOverdue).toBe(false);
  expect(v.creditLine).toMatchObject({ usedFen: 0, availableFen: 2_000_000 });
  expect(v.cards[0].currentBill.status).toBe('PAID');
  expect(v.cards[0].payableNow[0]).toMatchObject({ amountFen: 100_000, bindingRule: { ruleId: 'unionpay.per-payment' } });
});
