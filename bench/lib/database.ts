/**
 * The bench's own database on the real PostgreSQL server (dropped and created anew at
 * every run, so nothing else is touched), migrated by the subgraphs' own migrations, and
 * filled with customers built by the tests' fixture builder.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadAdapterRegistry, type AdapterRegistry } from '@cardweave/adapter-sdk';
import { CLEARING_SCHEMA, clearingEntities, clearingMigrations } from '@cardweave/clearing-subgraph';
import { PanVault, ISSUER_SCHEMA, issuerEntities, issuerMigrations } from '@cardweave/issuer-subgraph';
import { openSubgraphDatabase, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { insertCustomer, type FixtureCustomer } from '../../test/support/card-fixtures';
import type { TestSystem } from '../../test/support/test-system';

export interface BenchDatabase {
  url: string;
  registry: AdapterRegistry;
  /** Builds one customer with `cards` cards, each bound to every wallet, and `billItems` items on the current bill. */
  addCustomer(shape: { cards: number; billItems: number }): Promise<FixtureCustomer>;
  /** Reads and writes one subgraph's own schema (its books), as that subgraph's database user. */
  query<T = Record<string, unknown>>(schema: 'issuer' | 'wallet' | 'clearing', sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openBenchDatabase(url: string): Promise<BenchDatabase> {
  const registry = loadAdapterRegistry();
  const open = (
    schema: string,
    entities: SubgraphDatabase['dataSource']['options']['entities'],
    migrations: SubgraphDatabase['dataSource']['options']['migrations'],
  ) => openSubgraphDatabase({ url, schema, entities: entities!, migrations: migrations! });
  const issuer = await open(ISSUER_SCHEMA, issuerEntities, issuerMigrations);
  const wallet = await open(WALLET_SCHEMA, walletEntities, walletMigrations);
  const clearing = await open(CLEARING_SCHEMA, clearingEntities, clearingMigrations);
  // The fixture builder reads only these parts of a test system.
  const target = {
    issuer: { database: issuer },
    wallet: { database: wallet },
    clearing: { database: clearing },
    vault: PanVault.fromKey(randomBytes(32)),
    registry,
  };
  return {
    url,
    registry,
    addCustomer: (shape) => insertCustomer(target as unknown as TestSystem, shape),
    query: async <T>(schema: 'issuer' | 'wallet' | 'clearing', sql: string, params: unknown[] = []) =>
      (await { issuer, wallet, clearing }[schema].dataSource.query(sql, params)) as T[],
    async close() {
      await Promise.all([issuer.close(), wallet.close(), clearing.close()]);
    },
  };
}
