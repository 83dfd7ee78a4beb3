/**
 * The database a test suite runs on. By default an in-memory embedded PGlite server of
 * its own; with CARDWEAVE_TEST_DATABASE=postgres, a fresh database of its own on the real
 * server (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres), dropped
 * afterwards. Either way suites can run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@cardweave/subgraph-kit';

export interface TestDatabase {
  url: string;
  kind: 'pglite' | 'postgres';
  drop(): Promise<void>;
}

export const usesRealPostgres = () => process.env.CARDWEAVE_TEST_DATABASE === 'postgres';

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!usesRealPostgres()) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, kind: 'pglite', drop: () => embedded.stop() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cardweave_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
