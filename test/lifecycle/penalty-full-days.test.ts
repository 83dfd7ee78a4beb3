/**
 * The overdue penalty is charged for full days only: day D (Asia/Shanghai) is charged once
 * it has ended, at 00:00 of D + 1, never for the day still running. So a bill 50 days
 * overdue (the 50th day running) has 49 postings. Each day is posted once, however often
 * and however concurrently the statement job runs. Statements run through the gateway.
 */
import { startTestSystem, type TestSystem } from '../support/test-system';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let customer: LifecycleCustomer;

interface RunResult {
  businessDate: string;
  penaltyPostings: number;
  penaltyFen: number;
}

const runStatements = async (local: string): Promise<RunResult> => {
  const { data, errors } = await system.query<{ runStatements: RunResult }>(
    `mutation($asOf: DateTime) { runStatements(asOf: $asOf) { businessDate penaltyPostings penaltyFen } }`,
    { asOf: shanghai(local).toISOString() },
  );
  expect(errors).toBeUndefined();
  return data!.runStatements;
};

const postings = async () =>
  (await system.issuer.database.dataSource.query(
    `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::int AS fen, min(accrual_date)::text AS first, max(accrual_date)::text AS last
       FROM issuer.penalty_postings p JOIN issuer.bills b ON b.id = p.bill_id WHERE b.credit_line_id = $1`,
    [customer.creditLineId],
  )) as Array<{ n: number; fen: number; first: string | null; last: string | null }>;

beforeAll(async () => {
  // The view's clock: mid-day on 31 March 2028, the 50th day after the 10 February due date.
  system = await startTestSystem({ demoData: false, now: shanghai('2028-03-31T12:00:00').toISOString() });
  customer = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  // 1,000.00 CNY: 0.50 CNY a day once overdue. Billed 1 February, due 10 February.
  await postPurchase(system, customer, 100_000n, '2028-01-10T12:00:00+08:00');
  await runStatements('2028-02-01T00:00:00');
});

afterAll(async () => {
  await system?.stop();
});

describe('the daily overdue penalty', () => {
  it('charges nothing during the first overdue day, and that day once it has ended', async () => {
    expect(await runStatements('2028-02-11T12:00:00')).toMatchObject({ penaltyPostings: 0, penaltyFen: 0 });
    expect(await runStatements('2028-02-11T23:59:59.999')).toMatchObject({ penaltyPostings: 0, penaltyFen: 0 });
    expect(await runStatements('2028-02-12T00:00:00')).toMatchObject({ penaltyPostings: 1, penaltyFen: 50 });
    expect(await postings()).toEqual([{ n: 1, fen: 50, first: '2028-02-11', last: '2028-02-11' }]);
  });

  it('posts each ended day once when two runs for the same instant race', async () => {
    // 50 days overdue at noon on 31 March: 11 February … 30 March have ended, 29 February included.
    const [a, b] = await Promise.all([runStatements('2028-03-31T12:00:00'), runStatements('2028-03-31T12:00:00')]);
    expect(a.penaltyPostings + b.penaltyPostings).toBe(48);
    expect(a.penaltyFen + b.penaltyFen).toBe(48 * 50);
    expect(await runStatements('2028-03-31T23:59:59')).toMatchObject({ penaltyPostings: 0, penaltyFen: 0 });
    expect(await postings()).toEqual([{ n: 49, fen: 49 * 50, first: '2028-02-11', last: '2028-03-30' }]);
  });

  it('shows 50 overdue days and 49 days of penalty in the unified view', async () => {
    const { data, errors } = await system.query<{ card: Record<string, any> }>(
      `query($id: ID!) { card(id: $id) { overdue { isOverdue overdueDays penaltyAccruedFen }
          bills { edges { node { statementDate overdueDays penaltyAccruedFen outstandingFen } } } } }`,
      { id: customer.cardId },
    );
    expect(errors).toBeUndefined();
    expect(data!.card.overdue).toEqual({ isOverdue: true, overdueDays: 50, penaltyAccruedFen: 49 * 50 });
    // The January bill; the February and March statements list its penalties and owe nothing of their own.
    const january = data!.card.bills.edges.map((e: any) => e.node).find((b: any) => b.statementDate === '2028-02-01');
    expect(january).toEqual({
      statementDate: '2028-02-01',
      overdueDays: 50,
      penaltyAccruedFen: 49 * 50,
      outstandingFen: 100_000 + 49 * 50,
    });
  });
});
