/**
 * No event without its change, no change without its event, through the gateway: each change
 * below writes exactly one event in its subgraph's outbox, in the change's transaction; a
 * request that changes nothing writes none; a change whose event cannot be written is rolled
 * back with it. Events carry ids, the platform, a decline's canonical code and amounts in fen,
 * never a card number. Runs on the real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { randomUUID } from 'node:crypto';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import type { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { fixedClock } from '@cardweave/service-kit';
import { simulatedPlatforms } from '../../scripts/system/simulated-platforms';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { newApplicant } from '../journey/journey-fixtures';
import { insertLifecycleCustomer, postPurchase, shanghai } from '../lifecycle/lifecycle-fixtures';

jest.setTimeout(60_000);

let system: TestSystem;
const clock = fixedClock(TEST_NOW);
const registry = loadAdapterRegistry();
// The platforms as `npm start` reaches them; JD Finance's simulator texts the issuance SMS code.
const platforms = simulatedPlatforms(registry, clock);
const jd = platforms.http('jd-finance') as JdFinanceSimulator;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock, registry, platformHttp: platforms.http });
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

/** Makes the outbox refuse one event type for one customer, so the change that writes it fails; undone after `run`. */
async function refusingEvents(type: string, customerId: string, run: () => Promise<void>): Promise<void> {
  const db = system.issuer.database.dataSource;
  const constraint = `refuse_${randomUUID().replace(/-/g, '')}`;
  await db.query(
    `ALTER TABLE issuer.event_outbox ADD CONSTRAINT ${constraint} CHECK (type <> '${type}' OR customer_id <> '${customerId}') NOT VALID`,
  );
  // The refused INSERT is logged as a failed statement: expected here.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await run();
  } finally {
    quiet.mockRestore();
    await db.query(`ALTER TABLE issuer.event_outbox DROP CONSTRAINT ${constraint}`);
  }
}

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

describe('the holder repays', () => {
  const REPAY = `mutation($input: RepayInput!) { repay(input: $input) { ok error { code } repayment { id } } }`;
  /** A holder whose October bill (123.45 CNY, due 10 November) is still owed. */
  async function owingHolder() {
    const customer = await insertCustomer(system, { cards: 1, billItems: 1, paid: false });
    const repay = (amountFen: number, idempotencyKey: string) =>
      system.queryAs<{ repay: { ok: boolean; error: { code: string } | null; repayment: { id: string } | null } }>(
        system.token(customer.customerId),
        REPAY,
        { input: { customerId: customer.customerId, amountFen, idempotencyKey } },
      );
    return { customerId: customer.customerId, repay };
  }
  const paidFen = async (customerId: string) => {
    const [row] = (await system.issuer.database.dataSource.query(
      `SELECT sum(b.paid_fen)::int AS paid FROM issuer.bills b JOIN issuer.credit_lines l ON l.id = b.credit_line_id WHERE l.customer_id = $1`,
      [customerId],
    )) as Array<{ paid: number }>;
    return row.paid;
  };

  it('a repayment writes one repayment.posted with its amount in fen; its replay and a refused one write none', async () => {
    const { customerId, repay } = await owingHolder();
    const first = await repay(5_000, 'repay-1');
    expect(first.data!.repay).toMatchObject({ ok: true, error: null });
    expect((await repay(5_000, 'repay-1')).data!.repay).toEqual(first.data!.repay);
    // More than is owed: refused by the platform, nothing changes.
    expect((await repay(1_000_000, 'repay-2')).data!.repay).toMatchObject({ ok: false, error: { code: expect.any(String) } });

    const events = await eventsOf('issuer', customerId);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'repayment.posted',
        card_id: null,
        platform: 'jd-finance',
        payload: { repaymentId: first.data!.repay.repayment!.id, amountFen: '5000', principalFen: '5000', penaltyFen: '0' },
      }),
    ]);
    expect(await eventsOf('wallet', customerId)).toEqual([]);
  });

  it('a repayment whose event cannot be written is rolled back: the bill is unpaid, and no event', async () => {
    const { customerId, repay } = await owingHolder();
    await refusingEvents('repayment.posted', customerId, async () => {
      expect((await repay(5_000, 'repay-refused')).errors?.length).toBeGreaterThan(0);
    });
    expect(await paidFen(customerId)).toBe(0);
    expect(await eventsOf('issuer', customerId)).toEqual([]);

    // The same key again: the claim went with the rollback, so the repayment is taken now.
    expect((await repay(5_000, 'repay-refused')).data!.repay).toMatchObject({ ok: true });
    expect(await paidFen(customerId)).toBe(5_000);
    expect((await eventsOf('issuer', customerId)).map((e) => e.type)).toEqual(['repayment.posted']);
  });
});

describe('the statement job', () => {
  const RUN = `mutation($asOf: DateTime) { runStatements(asOf: $asOf) { billsCreated penaltyPostings penaltyFen } }`;
  const run = (local: string) => system.query<{ runStatements: Record<string, number> }>(RUN, { asOf: shanghai(local).toISOString() });
  /** A line opened in September 2026 with one purchase of 1,000.00 CNY: billed 1 October, due 10 October, minimum 100.00 CNY. */
  async function septemberSpender() {
    const customer = await insertLifecycleCustomer(system, { createdAt: '2026-09-05T00:00:00+08:00' });
    await postPurchase(system, customer, 100_000n, '2026-09-10T12:00:00+08:00');
    return customer;
  }

  it('writes one statement.issued per bill, then one bill.overdue and one penalty.posted per day; a run again at the same instant writes none', async () => {
    const { customerId } = await septemberSpender();
    expect((await run('2026-10-01T10:00:00')).errors).toBeUndefined();
    const billed = await eventsOf('issuer', customerId);
    expect(billed).toEqual([
      expect.objectContaining({
        type: 'statement.issued',
        card_id: null,
        platform: 'jd-finance',
        payload: expect.objectContaining({
          statementDate: '2026-10-01',
          dueDate: '2026-10-10',
          totalDueFen: '100000',
          minimumDueFen: '10000',
        }),
      }),
    ]);
    expect((await run('2026-10-01T10:00:00')).errors).toBeUndefined();
    expect(await eventsOf('issuer', customerId)).toEqual(billed);

    // Nothing repaid by the due date: overdue from 11 October; 11 and 12 October have ended (0.05 % a day of 1,000.00 CNY).
    expect((await run('2026-10-13T00:30:00')).errors).toBeUndefined();
    const events = await eventsOf('issuer', customerId);
    const billId = billed[0].payload.billId;
    expect(events.slice(1).map((e) => [e.type, e.payload])).toEqual([
      ['bill.overdue', { billId, dueDate: '2026-10-10', minimumDueFen: '10000', outstandingFen: '100000' }],
      ['penalty.posted', { billId, accrualDate: '2026-10-11', principalFen: '100000', amountFen: '50' }],
      ['penalty.posted', { billId, accrualDate: '2026-10-12', principalFen: '100000', amountFen: '50' }],
    ]);
    expect((await run('2026-10-13T00:30:00')).errors).toBeUndefined();
    expect(await eventsOf('issuer', customerId)).toEqual(events);
    // A day later: that day's penalty only; the bill is overdue once.
    expect((await run('2026-10-14T00:30:00')).errors).toBeUndefined();
    expect((await eventsOf('issuer', customerId)).slice(events.length).map((e) => [e.type, e.payload.accrualDate])).toEqual([
      ['penalty.posted', '2026-10-13'],
    ]);
  });

  it("a line whose penalty event cannot be written keeps none of that run's changes and writes no event; the next run makes them", async () => {
    const { customerId, creditLineId } = await septemberSpender();
    expect((await run('2026-10-01T10:00:00')).errors).toBeUndefined();
    const billed = await eventsOf('issuer', customerId);
    const penalties = async () =>
      (await system.issuer.database.dataSource.query(
        `SELECT p.accrual_date FROM issuer.penalty_postings p JOIN issuer.bills b ON b.id = p.bill_id WHERE b.credit_line_id = $1`,
        [creditLineId],
      )) as unknown[];

    await refusingEvents('penalty.posted', customerId, async () => {
      expect((await run('2026-10-12T00:30:00')).errors?.length).toBeGreaterThan(0);
    });
    expect(await penalties()).toEqual([]);
    // Not even the overdue mark of the same transaction: no bill.overdue.
    expect(await eventsOf('issuer', customerId)).toEqual(billed);

    expect((await run('2026-10-12T00:30:00')).errors).toBeUndefined();
    expect(await penalties()).toHaveLength(1);
    expect((await eventsOf('issuer', customerId)).slice(billed.length).map((e) => e.type)).toEqual(['bill.overdue', 'penalty.posted']);
  });
});

describe('the issuer issues a card', () => {
  const key = () => randomUUID();
  async function verifiedIssuance() {
    const customerId = await newApplicant(system);
    const token = system.token(customerId);
    const mutate = async (query: string, input: Record<string, unknown>) => {
      const { data, errors } = await system.queryAs<Record<string, any>>(token, query, { i: input });
      expect(errors).toBeUndefined();
      return Object.values(data!)[0];
    };
    const applied = await mutate(`mutation($i: ApplyForCreditLineInput!) { applyForCreditLine(input: $i) { ok } }`, {
      customerId,
      idempotencyKey: key(),
    });
    expect(applied).toEqual({ ok: true });
    const started = await mutate(`mutation($i: StartCardIssuanceInput!) { startCardIssuance(input: $i) { ok issuance { id } } }`, {
      customerId,
      idempotencyKey: key(),
    });
    const issuanceId: string = started.issuance.id;
    const verify = (stepId: string, name: string, value: string) =>
      mutate(`mutation($i: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $i) { ok } }`, {
        issuanceId,
        stepId,
        fields: [{ name, value }],
        idempotencyKey: key(),
      });
    expect(await verify('face', 'faceToken', 'face-token-0001')).toEqual({ ok: true });
    expect(
      await mutate(`mutation($i: SendIssuanceSmsCodeInput!) { sendIssuanceSmsCode(input: $i) { ok } }`, {
        issuanceId,
        idempotencyKey: key(),
      }),
    ).toEqual({ ok: true });
    expect(await verify('sms', 'smsCode', jd.sentSmsCode(customerId)!)).toEqual({ ok: true });
    expect(await verify('payment-password', 'paymentPassword', '135790')).toEqual({ ok: true });
    const issue = (idempotencyKey: string) =>
      system.queryAs<{ issueCard: { ok: boolean; issuance: { card: { id: string; maskedNumber: string } | null } } }>(
        token,
        `mutation($i: IssueCardInput!) { issueCard(input: $i) { ok issuance { card { id maskedNumber } } } }`,
        { i: { issuanceId, idempotencyKey } },
      );
    return { customerId, issue };
  }

  it('one card.issued with the card and its masked number; issuing again (another key) writes none', async () => {
    const { customerId, issue } = await verifiedIssuance();
    const issued = (await issue('issue-1')).data!.issueCard;
    expect(issued.ok).toBe(true);
    expect((await issue('issue-2')).data!.issueCard).toEqual(issued);

    const events = await eventsOf('issuer', customerId);
    expect(events).toEqual([
      expect.objectContaining({ type: 'card.issued', card_id: issued.issuance.card!.id, platform: 'jd-finance', error_code: null }),
    ]);
    const last4 = issued.issuance.card!.maskedNumber.slice(-4);
    expect(events[0].payload).toEqual({ maskedCardNumber: `**** **** **** ${last4}`, network: 'UNIONPAY' });
    expect(JSON.stringify(events[0])).not.toMatch(CARD_NUMBER);
  });

  it('an issuance whose event cannot be written is rolled back: no card, and no event', async () => {
    const { customerId, issue } = await verifiedIssuance();
    await refusingEvents('card.issued', customerId, async () => {
      expect((await issue('issue-refused')).errors?.length).toBeGreaterThan(0);
    });
    const cards = () => system.issuer.database.dataSource.query(`SELECT id FROM issuer.cards WHERE customer_id = $1`, [customerId]);
    expect(await cards()).toEqual([]);
    expect(await eventsOf('issuer', customerId)).toEqual([]);

    const issued = (await issue('issue-refused')).data!.issueCard;
    expect(issued.ok).toBe(true);
    expect(await cards()).toEqual([{ id: issued.issuance.card!.id }]);
    expect((await eventsOf('issuer', customerId)).map((e) => e.type)).toEqual(['card.issued']);
  });
});
