/** The whole system for one test suite: its own database, subgraphs and gateway on free ports. */
import { randomBytes } from 'node:crypto';
import { loadAdapterRegistry, type AdapterRegistry, type Clock, type HttpClient } from '@cardweave/adapter-sdk';
import { PanVault } from '@cardweave/issuer-subgraph';
import { fixedClock, mintToken, setLogSink } from '@cardweave/service-kit';
import { startSystem, type RunningSystem } from '../../scripts/system/start-system';
import { generateLocalKeySet, keyringFromLocalKeySet, type Keyring, type LocalKeySet } from '@cardweave/service-kit';

// Request logs are checked by their own test; elsewhere they would only bury Jest's report.
if (!process.env.CARDWEAVE_TEST_LOGS) setLogSink(() => undefined);
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_NOW } from './test-now';

export { TEST_NOW };

export interface TestSystem extends RunningSystem {
  database: TestDatabase;
  vault: PanVault;
  clock: Clock;
  /** This run's keys (tokens, service signatures). */
  keys: LocalKeySet;
  keyring: Keyring;
  /** A valid token for a customer, or for an operator. */
  token(who: string | 'operator', options?: { ttlSeconds?: number }): string;
  /** Sends a GraphQL request through the gateway as `token` (an operator's unless given). */
  queryAs<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** Sends a GraphQL request through the gateway as an operator. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** Statements run so far by the three subgraphs together. */
  statementCount(): number;
  resetStatementCount(): void;
}

export async function startTestSystem(
  options: {
    demoData?: boolean;
    now?: string;
    clock?: Clock;
    registry?: AdapterRegistry;
    platformHttp?: (adapterId: string) => HttpClient;
    /**
     * Run the outbox relays as `npm start` does (in-process bus). Off unless asked: their polling
     * would add statements to the counts the suites measure.
     */
    eventRelays?: boolean;
    /** With eventRelays: the wallet's own webhook worker (on unless false, for a suite that runs its own). */
    webhookWorker?: boolean;
    /** With eventRelays: NATS JetStream and a stream of the suite's own instead of the in-process bus. */
    nats?: { url: string; stream: string; subjectPrefix: string };
  } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const vault = PanVault.fromKey(randomBytes(32));
  const clock = options.clock ?? fixedClock(options.now ?? TEST_NOW);
  const urls = { issuer: database.url, wallet: database.url, clearing: database.url };
  const keys = generateLocalKeySet();
  const keyring = keyringFromLocalKeySet(keys);
  const system = await startSystem(
    {
      databaseUrls: urls,
      host: '127.0.0.1',
      gatewayPort: 0,
      subgraphPorts: { issuer: 0, wallet: 0, clearing: 0 },
      demoData: options.demoData ?? true,
      production: false,
      natsUrl: options.nats?.url,
    },
    {
      registry: options.registry ?? loadAdapterRegistry(),
      clock,
      vault,
      gatewayLogging: false,
      platformHttp: options.platformHttp,
      keys,
      eventRelays: options.eventRelays ?? false,
      webhookWorker: options.webhookWorker,
      eventStream: options.nats,
    },
  );
  const token = (who: string, o: { ttlSeconds?: number } = {}) =>
    mintToken({
      privateKey: keyring.jwtPrivateKey!,
      ...(who === 'operator' ? { roles: ['OPERATOR'] as Array<'OPERATOR'> } : { customerId: who }),
      ttlSeconds: o.ttlSeconds ?? 3600,
    });
  const operatorToken = token('operator');
  async function queryAs(bearer: string | null, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }
  const counters = [system.issuer, system.wallet, system.clearing].map((s) => s.database.statements);
  return {
    ...system,
    database,
    vault,
    clock,
    keys,
    keyring,
    token,
    queryAs,
    async query(query, variables) {
      const { status: _status, ...result } = await queryAs(operatorToken, query, variables);
      return result as never;
    },
    statementCount: () => counters.reduce((sum, c) => sum + c.count, 0),
    resetStatementCount: () => counters.forEach((c) => c.reset()),
    async stop() {
      await system.stop();
      await database.drop();
    },
  };
}
