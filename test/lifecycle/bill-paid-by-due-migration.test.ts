/**
 * A database from before bills kept what was repaid by their due date: the migration takes
 * it from the repayment allocations made before the due date ended (00:00 Asia/Shanghai of
 * the next day), so a bill whose minimum was repaid late is overdue after it, and one repaid
 * on time is not.
 */
import { randomUUID } from 'node:crypto';
import { ISSUER_SCHEMA, issuerEntities, issuerMigrations } from '@cardweave/issuer-subgraph';
import { openSubgraphDatabase, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

let database: TestDatabase;
const open: SubgraphDatabase[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const db of open) await db.close();
  await database?.drop();
});

it('fills paid_by_due_fen from the allocations made by the end of the due date', async () => {
  const added = issuerMigrations.findIndex((m) => m.name.startsWith('AddBillPaidByDueDate'));
  const old = await openSubgraphDatabase({
    url: database.url,
    schema: ISSUER_SCHEMA,
    entities: issuerEntities,
    migrations: issuerMigrations.slice(0, added),
  });
  const customer = randomUUID();
  const line = randomUUID();
  const [onTime, late] = [randomUUID(), randomUUID()];
  const q = (sql: string, params: unknown[] = []) => old.dataSource.query(sql, params);
  await q(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group) VALUES ($1, '测试用户', '1995-05-05', 3, 'ACTIVE', 'STUDENT')`,
    [customer],
  );
  await q(
    `INSERT INTO issuer.credit_lines (id, customer_id, issuer_platform, limit_fen, used_fen) VALUES ($1, $2, 'jd-finance', 500000, 0)`,
    [line, customer],
  );
  for (const [id, start] of [
    [onTime, '2028-01-01'],
    [late, '2028-02-01'],
  ]) {
    await q(
      `INSERT INTO issuer.bills (id, credit_line_id, cycle_start, cycle_end, statement_date, due_date, total_due_fen, minimum_due_fen, paid_fen, penalty_accrued_fen)
       VALUES ($1, $2, $3, $3, $3, '2028-02-10', 100000, 10000, 10000, 0)`,
      [id, line, start],
    );
  }
  const repayment = randomUUID();
  await q(`INSERT INTO issuer.repayments (id, credit_line_id, amount_fen, repaid_at) VALUES ($1, $2, 20000, '2028-02-10T23:59:59+08:00')`, [
    repayment,
    line,
  ]);
  // The last second of the due date in Shanghai, and the first second after it.
  await q(
    `INSERT INTO issuer.repayment_allocations (repayment_id, bill_id, penalty_fen, principal_fen, allocated_at) VALUES ($1, $2, 0, 10000, '2028-02-10T23:59:59+08:00')`,
    [repayment, onTime],
  );
  const second = randomUUID();
  await q(`INSERT INTO issuer.repayments (id, credit_line_id, amount_fen, repaid_at) VALUES ($1, $2, 10000, '2028-02-11T00:00:00+08:00')`, [
    second,
    line,
  ]);
  await q(
    `INSERT INTO issuer.repayment_allocations (repayment_id, bill_id, penalty_fen, principal_fen, allocated_at) VALUES ($1, $2, 0, 10000, '2028-02-11T00:00:00+08:00')`,
    [second, late],
  );
  await old.close();

  const current = await openSubgraphDatabase({
    url: database.url,
    schema: ISSUER_SCHEMA,
    entities: issuerEntities,
    migrations: issuerMigrations,
  });
  open.push(current);
  const rows = await current.dataSource.query(`SELECT id, paid_by_due_fen::int AS on_time FROM issuer.bills ORDER BY statement_date`);
  expect(rows).toEqual([
    { id: onTime, on_time: 10_000 },
    { id: late, on_time: 0 },
  ]);
});
