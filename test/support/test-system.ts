/** The whole system for one test suite: its own database, subgraphs and gateway on free ports. */
import { randomBytes } from 'node:crypto';
import { loadAdapterRegistry, type AdapterRegistry, type Clock, type HttpClient } from '../../adapters/sdk/src';
import { PanVault } from '../../subgraphs/issuer/src/card-number/pan-vault';
import { fixedClock } from '../../subgraphs/shared/src/clock';
import { startSystem, type RunningSystem } from '../../scripts/system/start-system';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Tests stand at a fixed instant, so windows, bills and overdue days are the same on every run. */
export const TEST_NOW = '2026-11-26T06:00:00.000Z';

export interface TestSystem extends RunningSystem {
  database: TestDatabase;
  vault: PanVault;
  clock: Clock;
  /** Sends a GraphQL request through the gateway. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** Statements run so far by the three subgraphs together. */
  statementCount(): number;
  resetStatementCount(): void;
}

export async function startTestSystem(
  options: { demoData?: boolean; now?: string; registry?: AdapterRegistry; platformHttp?: (adapterId: string) => HttpClient } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const vault = PanVault.fromKey(randomBytes(32));
  const clock = fixedClock(options.now ?? TEST_NOW);
  const urls = { issuer: database.url, wallet: database.url, clearing: database.url };
  const system = await startSystem(
    {
      databaseUrls: urls,
      host: '127.0.0.1',
      gatewayPort: 0,
      subgraphPorts: { issuer: 0, wallet: 0, clearing: 0 },
      demoData: options.demoData ?? true,
      production: false,
    },
    { registry: options.registry ?? loadAdapterRegistry(), clock, vault, gatewayLogging: false, platformHttp: options.platformHttp },
  );
  const counters = [system.issuer, system.wallet, system.clearing].map((s) => s.database.statements);
  return {
    ...system,
    database,
    vault,
    clock,
    async query(query, variables) {
      const response = await fetch(system.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    statementCount: () => counters.reduce((sum, c) => sum + c.count, 0),
    resetStatementCount: () => counters.forEach((c) => c.reset()),
    async stop() {
      await system.stop();
      await database.drop();
    },
  };
}
