/**
 * A database from before keys were per customer keeps working: the migration moves the
 * wallet's keys (their scope named the customer) and the issuer's keys whose stored result
 * names the customer to that customer, so a retry still replays; a key that names no
 * customer matches no one any more rather than anyone.
 */
import { randomUUID } from 'node:crypto';
import { serializeResult } from '@cardweave/adapter-sdk';
import { ISSUER_SCHEMA, issuerEntities, issuerMigrations } from '@cardweave/issuer-subgraph';
import {
  IdempotencyKeys,
  openSubgraphDatabase,
  UNATTRIBUTED_CUSTOMER,
  type SubgraphDatabase,
  type SubgraphDatabaseOptions,
} from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

let database: TestDatabase;
const open: SubgraphDatabase[] = [];

type Migrations = Extract<SubgraphDatabaseOptions['migrations'], unknown[]>;

async function migrated(schema: string, entities: SubgraphDatabaseOptions['entities'], migrations: Migrations, before: string[]) {
  // The database as it was before the migration that scopes keys per customer (later migrations may follow it).
  const scoping = migrations.findIndex((m) => typeof m === 'function' && m.name.startsWith('ScopeIdempotencyKeysByCustomer'));
  const old = await openSubgraphDatabase({ url: database.url, schema, entities, migrations: migrations.slice(0, scoping) });
  for (const sql of before) await old.dataSource.query(sql);
  await old.close();
  const current = await openSubgraphDatabase({ url: database.url, schema, entities, migrations });
  open.push(current);
  return current.dataSource;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const db of open) await db.close();
  await database?.drop();
});

const row = (table: string, scope: string, key: string, result: unknown) =>
  `INSERT INTO ${table} (scope, key, fingerprint, state, result) VALUES ('${scope}', '${key}', 'f', 'DONE', '${serializeResult(result)}')`;

it('moves the wallet’s keys to the customer their scope named', async () => {
  const customer = randomUUID();
  const wallet = await migrated(WALLET_SCHEMA, walletEntities, walletMigrations, [
    row('wallet.idempotency_keys', `pay:${customer}`, 'legacy-pay', { ok: true }),
    row('wallet.idempotency_keys', `bind:${customer}`, 'legacy-bind', { ok: true, bindingId: 'b' }),
  ]);
  const rows = await wallet.query(`SELECT customer_id, operation, key FROM wallet.idempotency_keys ORDER BY key`);
  expect(rows).toEqual([
    { customer_id: customer, operation: 'bindCard', key: 'legacy-bind' },
    { customer_id: customer, operation: 'pay', key: 'legacy-pay' },
  ]);
  const keys = new IdempotencyKeys(WALLET_SCHEMA);
  const replay = await wallet.transaction((m) => keys.claim(m, { customerId: customer, operation: 'bindCard' }, 'legacy-bind', 'x'));
  expect(replay).toEqual({ kind: 'KEY_REUSED' });
  const other = await wallet.transaction((m) => keys.claim(m, { customerId: randomUUID(), operation: 'bindCard' }, 'legacy-bind', 'x'));
  expect(other).toEqual({ kind: 'NEW' });
});

it('moves the issuer’s keys whose result names the customer, and retires the others', async () => {
  const customer = randomUUID();
  const issuer = await migrated(ISSUER_SCHEMA, issuerEntities, issuerMigrations, [
    row('issuer.idempotency_keys', 'freezeCustomer', 'legacy-freeze', { ok: true, error: null, changed: true, customerId: customer }),
    row('issuer.idempotency_keys', 'adapter:jd-finance:verifyStep', 'legacy-face', { status: 'SUCCESS' }),
  ]);
  const rows = await issuer.query(`SELECT customer_id, operation, key FROM issuer.idempotency_keys ORDER BY key`);
  expect(rows).toEqual([
    { customer_id: UNATTRIBUTED_CUSTOMER, operation: 'adapter:jd-finance:verifyStep', key: 'legacy-face' },
    { customer_id: customer, operation: 'freezeCustomer', key: 'legacy-freeze' },
  ]);
  const primaryKey = await issuer.query(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = 'issuer.idempotency_keys'::regclass AND i.indisprimary ORDER BY a.attname`,
  );
  expect(primaryKey.map((r: { attname: string }) => r.attname)).toEqual(['customer_id', 'key', 'operation']);
});
