/**
 * A bill past its due date with less than the minimum paid by then is overdue until it is
 * repaid in full: a partial repayment afterwards (even more than the minimum) lowers the
 * principal the daily penalty is charged on, but the bill stays OVERDUE, the card stays
 * blocked, and the penalty keeps accruing on what remains. A bill whose minimum was paid
 * by the due date is not overdue at all. The clock moves; statements run through the gateway.
 */
import type { Clock } from '@cardweave/adapter-sdk';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity } from './lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let late: LifecycleCustomer;
let punctual: LifecycleCustomer;
let now = shanghai('2028-02-01T10:00:00');
const clock: Clock = { now: () => new Date(now) };

const runStatements = async (local: string) => {
  now = shanghai(local);
  const { data, errors } = await system.query<{ runStatements: { penaltyPostings: number; penaltyFen: number } }>(
    `mutation($asOf: DateTime) { runStatements(asOf: $asOf) { penaltyPostings penaltyFen } }`,
    { asOf: now.toISOString() },
  );
  expect(errors).toBeUndefined();
  return data!.runStatements;
};

const repay = async (who: LifecycleCustomer, amountFen: number, idempotencyKey: string) => {
  const { data, errors } = await actAs<{ repay: { ok: boolean; error: unknown } }>(
    system,
    'issuer',
    customerIdentity(who.customerId),
    `mutation($input: RepayInput!) { repay(input: $input) { ok error { code } } }`,
    { input: { customerId: who.customerId, amountFen, idempotencyKey } },
  );
  expect(errors).toBeUndefined();
  expect(data!.repay).toEqual({ ok: true, error: null });
};

const view = async (who: LifecycleCustomer): Promise<Record<string, any>> => {
  const { data, errors } = await system.query<{ card: Record<string, any> }>(
    `query($id: ID!) { card(id: $id) {
        overdue { isOverdue overdueAmountFen penaltyAccruedFen }
        issuerLimit { blockedCode }
        customer { hasOverdueDebt }
        bills { edges { node { statementDate status paidFen principalOutstandingFen penaltyAccruedFen outstandingFen } } }
      } }`,
    { id: who.cardId },
  );
  expect(errors).toBeUndefined();
  // The January bill (later statements may list its penalties and repayments, owing nothing of their own).
  const { bills, ...card }: Record<string, any> = data!.card;
  const { statementDate, ...january } = bills.edges.map((e: any) => e.node).find((b: any) => b.statementDate === '2028-02-01');
  expect(statementDate).toBe('2028-02-01');
  return { ...card, currentBill: january };
};

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock });
  late = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  punctual = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  // 1,000.00 CNY each, billed on 1 February, due 10 February, minimum 100.00 CNY.
  await postPurchase(system, late, 100_000n, '2028-01-10T12:00:00+08:00');
  await postPurchase(system, punctual, 100_000n, '2028-01-10T12:00:00+08:00');
  await runStatements('2028-02-01T10:00:00');
  // The minimum, late in the evening of the due date: on time.
  now = shanghai('2028-02-10T23:00:00');
  await repay(punctual, 10_000, 'punctual-minimum');
});

afterAll(async () => {
  await system?.stop();
});

describe('a partial repayment of an overdue bill', () => {
  it('leaves the bill OVERDUE and the card blocked', async () => {
    // Ten days late, more than the minimum and less than everything (no penalty posted yet).
    now = shanghai('2028-02-20T10:00:00');
    await repay(late, 20_000, 'late-partial');
    const card = await view(late);
    expect(card.currentBill).toEqual({
      status: 'OVERDUE',
      paidFen: 20_000,
      principalOutstandingFen: 80_000,
      penaltyAccruedFen: 0,
      outstandingFen: 80_000,
    });
    expect(card.overdue).toEqual({ isOverdue: true, overdueAmountFen: 80_000, penaltyAccruedFen: 0 });
    expect(card.issuerLimit).toEqual({ blockedCode: 'OVERDUE_DEBT' });
    expect(card.customer).toEqual({ hasOverdueDebt: true });
  });

  it('keeps accruing the penalty on the principal that remains', async () => {
    // 11–19 February ended owing 1,000.00 CNY (9 × 0.50 CNY); 20–24 February ended owing 800.00 CNY (5 × 0.40 CNY).
    expect(await runStatements('2028-02-25T00:30:00')).toEqual({ penaltyPostings: 14, penaltyFen: 650 });
    const card = await view(late);
    expect(card.currentBill).toMatchObject({ status: 'OVERDUE', penaltyAccruedFen: 650, outstandingFen: 80_650 });
    expect(card.overdue).toEqual({ isOverdue: true, overdueAmountFen: 80_000, penaltyAccruedFen: 650 });
  });

  it('is PAID, and accrues nothing more, once everything is repaid', async () => {
    await repay(late, 80_650, 'late-rest');
    const card = await view(late);
    expect(card.currentBill).toMatchObject({ status: 'PAID', outstandingFen: 0 });
    expect(card.overdue).toEqual({ isOverdue: false, overdueAmountFen: 0, penaltyAccruedFen: 0 });
    expect(card.issuerLimit).toEqual({ blockedCode: null });
    expect(await runStatements('2028-03-05T00:30:00')).toEqual({ penaltyPostings: 0, penaltyFen: 0 });
  });
});

describe('a bill whose minimum was paid by the due date', () => {
  it('is OPEN after the due date, with no penalty', async () => {
    now = shanghai('2028-03-05T10:00:00');
    const card = await view(punctual);
    expect(card.currentBill).toEqual({
      status: 'OPEN',
      paidFen: 10_000,
      principalOutstandingFen: 90_000,
      penaltyAccruedFen: 0,
      outstandingFen: 90_000,
    });
    expect(card.overdue).toEqual({ isOverdue: false, overdueAmountFen: 0, penaltyAccruedFen: 0 });
  });
});
