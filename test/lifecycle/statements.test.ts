/**
 * The statement job: cycles close into bills built from the issuer's own postings, overdue
 * bills accrue 0.05% a day on the overdue principal for each overdue day that has ended,
 * and re-running changes nothing.
 * Time is injected: the job runs at explicit instants across midnight, a month end, a
 * leap day, and the system's clock stands at 2028-03-15 for the view.
 */
import { runStatementJob } from '@cardweave/issuer-subgraph';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { actAs, operator } from './lifecycle-client';
import { insertLifecycleCustomer, postPurchase, shanghai, type LifecycleCustomer } from './lifecycle-fixtures';

let system: TestSystem;
let customer: LifecycleCustomer;
const run = (local: string) => runStatementJob(system.issuer.database.dataSource, system.registry, shanghai(local));

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, now: '2028-03-15T02:00:00.000Z' });
  customer = await insertLifecycleCustomer(system, { createdAt: '2028-01-05T00:00:00+08:00' });
  await postPurchase(system, customer, 100_000n, '2028-01-10T12:00:00+08:00');
  await postPurchase(system, customer, 300_849n, '2028-01-31T23:59:59+08:00');
  await postPurchase(system, customer, 50_000n, '2028-02-01T00:00:00+08:00');
});

afterAll(async () => {
  await system?.stop();
});

const bills = () =>
  system.issuer.database.dataSource.query(
    `SELECT statement_date::text, cycle_start::text, cycle_end::text, due_date::text, total_due_fen::text AS total, minimum_due_fen::text AS minimum, penalty_accrued_fen::text AS penalty,
            (SELECT count(*)::int FROM issuer.bill_items i WHERE i.bill_id = b.id) AS items,
            (SELECT count(*)::int FROM issuer.penalty_postings p WHERE p.bill_id = b.id) AS postings
       FROM issuer.bills b WHERE credit_line_id = $1 ORDER BY statement_date`,
    [customer.creditLineId],
  );

describe('the statement job', () => {
  it('closes a cycle on the statement day (Asia/Shanghai midnight), with the postings dated before it', async () => {
    expect((await run('2028-01-31T23:59:59.999')).billsCreated).toBe(0);
    const first = await run('2028-02-01T00:00:00');
    expect(first).toMatchObject({ businessDate: '2028-02-01', billsCreated: 1, penaltyPostings: 0 });
    expect(await bills()).toEqual([
      {
        statement_date: '2028-02-01',
        cycle_start: '2028-01-01',
        cycle_end: '2028-01-31',
        due_date: '2028-02-10',
        total: '400849',
        minimum: '40085',
        penalty: '0',
        items: 2,
        postings: 0,
      },
    ]);
  });

  it('changes nothing when run again', async () => {
    const again = await run('2028-02-01T09:00:00');
    expect(again).toMatchObject({ billsCreated: 0, penaltyPostings: 0, penaltyFen: 0n });
    expect((await bills()).length).toBe(1);
  });

  it('charges the first overdue day once it has ended, at the second local midnight after the due date', async () => {
    expect((await run('2028-02-10T23:59:59.999')).penaltyPostings).toBe(0);
    expect((await run('2028-02-11T00:00:00')).penaltyPostings).toBe(0);
    expect((await run('2028-02-11T23:59:59.999')).penaltyPostings).toBe(0);
    const first = await run('2028-02-12T00:00:00');
    expect(first).toMatchObject({ penaltyPostings: 1, penaltyFen: 200n });
    expect((await run('2028-02-12T00:00:01')).penaltyPostings).toBe(0);
  });

  it('posts every missed day on a late run, across 29 February and the month end, and closes the next cycle', async () => {
    const late = await run('2028-03-01T00:00:00');
    // 12 Feb … 29 Feb, the days that have ended: 18 days of 0.05% × 4,008.49 CNY = 2.00 CNY each.
    expect(late).toMatchObject({ billsCreated: 1, penaltyPostings: 18, penaltyFen: 3_600n });
    const [jan, feb] = await bills();
    expect(jan).toMatchObject({ penalty: '3800', postings: 19 });
    expect(feb).toMatchObject({
      statement_date: '2028-03-01',
      cycle_end: '2028-02-29',
      due_date: '2028-03-10',
      total: '50000',
      minimum: '5000',
      // The purchase and the January bill's 19 daily penalties, each posted as its February day ended.
      items: 20,
    });
  });

  it('runs as an operator mutation, as of now, and again changes nothing', async () => {
    const mutation = `mutation { runStatements { businessDate billsCreated penaltyPostings penaltyFen } }`;
    // Only operators may run it.
    expect((await actAs(system, 'issuer', null, mutation)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { data, errors } = await actAs<{ runStatements: Record<string, unknown> }>(system, 'issuer', operator, mutation);
    expect(errors).toBeUndefined();
    // Jan bill: 1–14 Mar (14 days × 200); Feb bill: 11–14 Mar (4 days × 25). 15 March is still running.
    expect(data!.runStatements).toEqual({
      businessDate: '2028-03-15',
      billsCreated: 0,
      penaltyPostings: 18,
      penaltyFen: 14 * 200 + 4 * 25,
    });
    const again = await actAs<{ runStatements: Record<string, unknown> }>(system, 'issuer', operator, mutation);
    expect(again.data!.runStatements).toEqual({ businessDate: '2028-03-15', billsCreated: 0, penaltyPostings: 0, penaltyFen: 0 });
  });

  it('shows the bills, the overdue state and the penalty in the unified view at once', async () => {
    const { data, errors } = await system.query<{ card: Record<string, any> }>(
      `query($id: ID!) { card(id: $id) {
          overdue { isOverdue overdueDays overdueAmountFen penaltyAccruedFen }
          issuerLimit { remainingFen blockedCode }
          currentBill { statementDate totalDueFen chargesFen penaltiesFen repaymentsFen balanceFen minimumDueFen status overdueDays penaltyAccruedFen items { totalCount } }
        } }`,
      { id: customer.cardId },
    );
    expect(errors).toBeUndefined();
    expect(data!.card.overdue).toEqual({
      isOverdue: true,
      overdueDays: 34,
      overdueAmountFen: 450_849,
      penaltyAccruedFen: 33 * 200 + 4 * 25,
    });
    expect(data!.card.issuerLimit).toEqual({ remainingFen: 0, blockedCode: 'OVERDUE_DEBT' });
    expect(data!.card.currentBill).toEqual({
      statementDate: '2028-03-01',
      // Its purchases and the penalty accrued on it.
      totalDueFen: 50_000 + 100,
      chargesFen: 50_000,
      // February's days of penalty on the January bill.
      penaltiesFen: 19 * 200,
      repaymentsFen: 0,
      balanceFen: 400_849 + 50_000 + 19 * 200,
      minimumDueFen: 5_000,
      status: 'OVERDUE',
      overdueDays: 5,
      penaltyAccruedFen: 100,
      items: { totalCount: 20 },
    });
  });
});
