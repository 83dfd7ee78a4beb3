/**
 * A bill is the statement of a cycle: its items are everything posted in the cycle (purchases,
 * the daily penalties and the repayments), and its totals add them up: charges, penalties,
 * repayments and the balance the credit line owed at the close. A bill's total due includes the
 * penalty accrued on it. The cycle in progress reads the same way (Card.currentCycle), and the
 * card's bill history pages like every connection. Through the gateway, the clock moving.
 */
import type { Clock } from '@cardweave/adapter-sdk';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, customerIdentity } from './lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let customer: LifecycleCustomer;
let now = shanghai('2028-02-01T00:30:00');
const clock: Clock = { now: () => new Date(now) };

const at = async (local: string) => {
  now = shanghai(local);
};

const runStatements = async (local: string) => {
  await at(local);
  const { errors } = await system.query(`mutation($asOf: DateTime) { runStatements(asOf: $asOf) { billsCreated } }`, {
    asOf: now.toISOString(),
  });
  expect(errors).toBeUndefined();
};

const repay = async (amountFen: number, idempotencyKey: string) => {
  const { data, errors } = await actAs<{ repay: { ok: boolean } }>(
    system,
    'issuer',
    customerIdentity(customer.customerId),
    `mutation($input: RepayInput!) { repay(input: $input) { ok } }`,
    { input: { customerId: customer.customerId, amountFen, idempotencyKey } },
  );
  expect(errors).toBeUndefined();
  expect(data!.repay.ok).toBe(true);
};

const TOTALS = `chargesFen penaltiesFen repaymentsFen balanceFen`;
const ITEMS = `items(first: 30) { totalCount edges { node { kind amountFen postedAt } } }`;

const query = async <T = Record<string, any>>(q: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const { data, errors } = await system.query<T>(q, { id: customer.cardId, ...variables });
  expect(errors).toBeUndefined();
  return data!;
};

/** Sums of a page of items by kind, to check the totals are the items'. */
const sumsOf = (items: { edges: Array<{ node: { kind: string; amountFen: number } }> }) => {
  const sums: Record<string, number> = { PURCHASE: 0, PENALTY: 0, REPAYMENT: 0 };
  for (const { node } of items.edges) sums[node.kind] += node.amountFen;
  return sums;
};

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, clock });
  customer = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  // January: 1,000.00 CNY, billed 1 February, due 10 February, left unpaid.
  await postPurchase(system, customer, 100_000n, '2028-01-10T12:00:00+08:00');
  await runStatements('2028-02-01T00:30:00');
  // February: a purchase, nine days of penalty (0.50 CNY), a repayment (the penalty, then 300.00 CNY of principal),
  // then ten days of penalty on the 700.00 CNY left (0.35 CNY).
  await postPurchase(system, customer, 20_000n, '2028-02-15T12:00:00+08:00');
  await runStatements('2028-02-20T00:30:00');
  await at('2028-02-20T10:00:00');
  await repay(30_450, 'february-repayment');
  await runStatements('2028-03-01T00:30:00');
  // March so far: four days of penalty, a purchase, a repayment.
  await postPurchase(system, customer, 5_000n, '2028-03-03T12:00:00+08:00');
  await runStatements('2028-03-05T00:30:00');
  await at('2028-03-05T10:00:00');
  await repay(10_000, 'march-repayment');
});

afterAll(async () => {
  await system?.stop();
});

describe('a bill as the statement of its cycle', () => {
  it('holds the penalties and repayments of its cycle among its items, and its own penalty in its total', async () => {
    const { card } = await query(`query($id: ID!) { card(id: $id) { customer { bills(first: 2) { edges { node {
        statementDate totalDueFen items(first: 30) { totalCount edges { node { kind amountFen } } } } } } } } }`);
    const [february, january] = card.customer.bills.edges.map((e: any) => e.node);
    expect(sumsOf(february.items)).toEqual({ PURCHASE: 20_000, PENALTY: 800, REPAYMENT: 30_450 });
    expect(february.items.totalCount).toBe(21);
    expect(january.totalDueFen).toBe(100_000 + 800 + 4 * 35);
  });

  it('lists the penalties and repayments posted in the cycle, with totals that add them up', async () => {
    const { card } = await query(`query($id: ID!) { card(id: $id) { bills(first: 2) { edges { node {
        statementDate totalDueFen penaltyAccruedFen paidFen outstandingFen ${TOTALS} ${ITEMS} } } } } }`);
    const [february, january] = card.bills.edges.map((e: any) => e.node);

    expect(february).toMatchObject({
      statementDate: '2028-03-01',
      chargesFen: 20_000,
      penaltiesFen: 9 * 50 + 10 * 35,
      repaymentsFen: 30_450,
      // January's 1,000.00 CNY + 200.00 + 8.00 − 304.50: 700.00 CNY and 3.50 CNY of penalty on January, 200.00 on February.
      balanceFen: 100_000 + 20_000 + 800 - 30_450,
      totalDueFen: 20_000,
    });
    expect(february.items.totalCount).toBe(1 + 19 + 1);
    expect(sumsOf(february.items)).toEqual({ PURCHASE: 20_000, PENALTY: 800, REPAYMENT: 30_450 });
    // Each penalty is posted as its day ends, so the last February day's is in February's bill.
    const penalties = february.items.edges.filter((e: any) => e.node.kind === 'PENALTY').map((e: any) => e.node.postedAt);
    expect(penalties[0]).toBe(shanghai('2028-02-29T23:59:59.999').toISOString());
    expect(penalties[penalties.length - 1]).toBe(shanghai('2028-02-11T23:59:59.999').toISOString());

    expect(january).toMatchObject({
      statementDate: '2028-02-01',
      chargesFen: 100_000,
      penaltiesFen: 0,
      repaymentsFen: 0,
      balanceFen: 100_000,
      // What the bill asks in all: its purchases and the penalty accrued on it (19 days, then 4 in March).
      penaltyAccruedFen: 800 + 4 * 35,
      totalDueFen: 100_000 + 800 + 4 * 35,
      paidFen: 30_450 + 10_000,
      outstandingFen: 100_000 + 800 + 4 * 35 - 30_450 - 10_000,
    });
    expect(january.items.totalCount).toBe(1);
  });

  it('shows the cycle in progress with its items and totals so far', async () => {
    const { card } = await query(`query($id: ID!) { card(id: $id) { currentCycle {
        cycleStart cycleEnd statementDate dueDate ${TOTALS} ${ITEMS} } } }`);
    expect(card.currentCycle).toMatchObject({
      cycleStart: '2028-03-01',
      cycleEnd: '2028-03-31',
      statementDate: '2028-04-01',
      dueDate: '2028-04-10',
      chargesFen: 5_000,
      penaltiesFen: 4 * 35,
      repaymentsFen: 10_000,
      balanceFen: 90_350 + 5_000 + 4 * 35 - 10_000,
    });
    expect(card.currentCycle.items.totalCount).toBe(6);
    expect(card.currentCycle.items.edges.map((e: any) => e.node.kind)).toEqual([
      'REPAYMENT',
      'PENALTY',
      'PENALTY',
      'PURCHASE',
      'PENALTY',
      'PENALTY',
    ]);
  });

  it('pages the cycle’s items and the bill history with cursors', async () => {
    const page = `query($id: ID!, $itemsAfter: String, $billsAfter: String) { card(id: $id) {
        currentCycle { items(first: 4, after: $itemsAfter) { edges { node { kind } } pageInfo { hasNextPage endCursor } } }
        bills(first: 1, after: $billsAfter) { edges { node { statementDate } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await query(page)).card;
    expect(first.currentCycle.items.edges.length).toBe(4);
    expect(first.currentCycle.items.pageInfo.hasNextPage).toBe(true);
    expect(first.bills.edges.map((e: any) => e.node.statementDate)).toEqual(['2028-03-01']);
    expect(first.bills.pageInfo.hasNextPage).toBe(true);

    const items = (await query(page, { itemsAfter: first.currentCycle.items.pageInfo.endCursor })).card.currentCycle.items;
    expect(items.edges.map((e: any) => e.node.kind)).toEqual(['PENALTY', 'PENALTY']);
    expect(items.pageInfo.hasNextPage).toBe(false);
    const bills = (await query(page, { billsAfter: first.bills.pageInfo.endCursor })).card.bills;
    expect(bills.edges.map((e: any) => e.node.statementDate)).toEqual(['2028-02-01']);
    expect(bills.pageInfo.hasNextPage).toBe(false);
  });
});
