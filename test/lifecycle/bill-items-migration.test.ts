/**
 * A database from before penalties and repayments were bill items: the migration posts each
 * existing daily penalty (dated the end of its day) and each repayment as an item of the bill
 * whose cycle it falls in, or leaves it unbilled in the cycle in progress, and fills every
 * bill's cycle totals and closing balance from them.
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

it('posts existing penalties and repayments as items of their cycles and fills the bills’ totals', async () => {
  const added = issuerMigrations.findIndex((m) => m.name.startsWith('PostPenaltiesAndRepaymentsAsBillItems'));
  const old = await openSubgraphDatabase({
    url: database.url,
    schema: ISSUER_SCHEMA,
    entities: issuerEntities,
    migrations: issuerMigrations.slice(0, added),
  });
  const q = (sql: string, params: unknown[] = []) => old.dataSource.query(sql, params);
  const [customer, line, card, january, february] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await q(
    `INSERT INTO issuer.customers (id, name, birth_date, real_name_level, status, user_group) VALUES ($1, '测试用户', '1995-05-05', 3, 'ACTIVE', 'STUDENT')`,
    [customer],
  );
  await q(
    `INSERT INTO issuer.credit_lines (id, customer_id, issuer_platform, limit_fen, used_fen) VALUES ($1, $2, 'jd-finance', 500000, 0)`,
    [line, customer],
  );
  await q(
    `INSERT INTO issuer.cards (id, customer_id, credit_line_id, issuer_platform, network, bin, last4, pan_encrypted, status, expires_on)
     VALUES ($1, $2, $3, 'jd-finance', 'UNIONPAY', '625350', '0001', 'x', 'ACTIVE', '2032-12-31')`,
    [card, customer, line],
  );
  const bill = (id: string, start: string, end: string, statement: string, due: string, total: number) =>
    q(
      `INSERT INTO issuer.bills (id, credit_line_id, cycle_start, cycle_end, statement_date, due_date, total_due_fen, minimum_due_fen, paid_fen, penalty_accrued_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $7::bigint / 10, 0, 0)`,
      [id, line, start, end, statement, due, total],
    );
  await bill(january, '2028-01-01', '2028-01-31', '2028-02-01', '2028-02-10', 100_000);
  await bill(february, '2028-02-01', '2028-02-29', '2028-03-01', '2028-03-10', 20_000);
  // Penalties on January for 11 February (in February's cycle) and 1 March (in the cycle in progress).
  for (const day of ['2028-02-11', '2028-03-01']) {
    await q(
      `INSERT INTO issuer.penalty_postings (bill_id, accrual_date, principal_fen, amount_fen, posted_at) VALUES ($1, $2, 100000, 50, now())`,
      [january, day],
    );
  }
  // A repayment at 23:59 on 29 February in Shanghai: still February's cycle.
  await q(`INSERT INTO issuer.repayments (id, credit_line_id, amount_fen, repaid_at) VALUES ($1, $2, 30000, '2028-02-29T23:59:00+08:00')`, [
    randomUUID(),
    line,
  ]);
  await old.close();

  const current = await openSubgraphDatabase({
    url: database.url,
    schema: ISSUER_SCHEMA,
    entities: issuerEntities,
    migrations: issuerMigrations,
  });
  open.push(current);
  const items = await current.dataSource.query(
    `SELECT bill_id, kind, amount_fen::int AS amount, posted_at FROM issuer.bill_items ORDER BY posted_at`,
  );
  expect(items).toEqual([
    { bill_id: february, kind: 'PENALTY', amount: 50, posted_at: new Date('2028-02-11T23:59:59.999+08:00') },
    { bill_id: february, kind: 'REPAYMENT', amount: 30_000, posted_at: new Date('2028-02-29T23:59:00+08:00') },
    { bill_id: null, kind: 'PENALTY', amount: 50, posted_at: new Date('2028-03-01T23:59:59.999+08:00') },
  ]);
  const bills = await current.dataSource.query(
    `SELECT id, penalties_fen::int AS penalties, repayments_fen::int AS repayments, balance_fen::int AS balance FROM issuer.bills ORDER BY statement_date`,
  );
  expect(bills).toEqual([
    { id: january, penalties: 0, repayments: 0, balance: 100_000 },
    { id: february, penalties: 50, repayments: 30_000, balance: 100_000 + 20_000 + 50 - 30_000 },
  ]);
});
