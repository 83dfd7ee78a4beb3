/**
 * The whole system as separate processes, as deployed: the issuer, clearing and wallet
 * subgraphs and the gateway each in a node process of its own, on the suite's own database
 * (test-database.ts: the embedded server, which then lives in the test process, or the real
 * PostgreSQL). The test process migrates the three schemas first and keeps a small pool on
 * each, for fixtures and for reading the books.
 */
import { randomBytes } from 'node:crypto';
import { loadAdapterRegistry, type AdapterRegistry } from '@cardweave/adapter-sdk';
import { CLEARING_SCHEMA, clearingEntities, clearingMigrations } from '@cardweave/clearing-subgraph';
import { PanVault, ISSUER_SCHEMA, issuerEntities, issuerMigrations } from '@cardweave/issuer-subgraph';
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { openSubgraphDatabase, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations, WebhookSecretKeys } from '@cardweave/wallet-subgraph';
import type { PlatformDatabases } from './payment-books';
import { freePort, startServiceProcess, type ServiceProcess } from './service-processes';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_NOW } from './test-now';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string; subgraph?: string; [key: string]: unknown } }>;
}

/** What card-fixtures.ts and payment-books.ts need: the databases, the card-data vault, the adapters. */
export interface ProcessFixtures extends PlatformDatabases {
  vault: PanVault;
  registry: AdapterRegistry;
}

export interface GatewayProcess extends ServiceProcess {
  /** One GraphQL request through this gateway; a request that fails below HTTP is status 0. */
  queryAs<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
}

export interface ProcessSystem {
  database: TestDatabase;
  fixtures: ProcessFixtures;
  issuer: ServiceProcess;
  clearing: ServiceProcess;
  wallet: ServiceProcess;
  gateway: GatewayProcess;
  /** A token of a customer, or of an operator. */
  token(who: string | 'operator'): string;
  /** One GraphQL request through the gateway process. */
  queryAs<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** Another gateway process over the same subgraphs, with settings of its own (GATEWAY_SUBGRAPH_TIMEOUT_MS, …). */
  startGateway(env?: Record<string, string>): Promise<GatewayProcess>;
  stop(): Promise<void>;
}

async function queryThrough<T>(
  url: string,
  bearer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as object) };
    } catch {
      return { status: response.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
  } catch (error) {
    return { status: 0, errors: [{ message: (error as Error).message }] };
  }
}

/**
 * `env`: for every process; `gatewayEnv`: for the gateway only. The three subgraphs are
 * started one after another, the gateway beside them.
 */
export async function startProcessSystem(
  options: { env?: Record<string, string>; gatewayEnv?: Record<string, string> } = {},
): Promise<ProcessSystem> {
  const keys = generateLocalKeySet();
  const keyring = keyringFromLocalKeySet(keys);
  const cardDataKey = randomBytes(32);
  const database = await createTestDatabase();
  const started: ServiceProcess[] = [];
  const dbs: SubgraphDatabase[] = [];
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop().catch(() => undefined)));
    await Promise.all(dbs.map((d) => d.close().catch(() => undefined)));
    await database.drop();
  };
  try {
    // Migrated from here, one after another, so the processes start on a ready schema.
    for (const [schema, entities, migrations] of [
      [ISSUER_SCHEMA, issuerEntities, issuerMigrations],
      [WALLET_SCHEMA, walletEntities, walletMigrations],
      [CLEARING_SCHEMA, clearingEntities, clearingMigrations],
    ] as const) {
      dbs.push(await openSubgraphDatabase({ url: database.url, schema, entities, migrations, poolSize: 2 }));
    }
    const env: Record<string, string> = {
      CARDWEAVE_KEYS: JSON.stringify(keys),
      ISSUER_DATABASE_URL: database.url,
      WALLET_DATABASE_URL: database.url,
      CLEARING_DATABASE_URL: database.url,
      CARD_DATA_KEY: cardDataKey.toString('base64'),
      // One key for every wallet process of the run: replicas open each other's webhook secrets.
      WEBHOOK_SECRET_KEYS: WebhookSecretKeys.newEntry(),
      CARDWEAVE_NOW: TEST_NOW,
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    const ports = { issuer: await freePort(), clearing: await freePort(), wallet: await freePort() };
    const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
    const urls = { ISSUER_URL: url(ports.issuer), CLEARING_URL: url(ports.clearing), WALLET_URL: url(ports.wallet) };
    const track = async <P extends ServiceProcess>(p: Promise<P>) => {
      const service = await p;
      started.push(service);
      return service;
    };
    const startGateway = async (gatewayEnv: Record<string, string> = {}): Promise<GatewayProcess> =>
      track(
        startServiceProcess('gateway', await freePort(), { ...env, ...urls, ...gatewayEnv }).then((p) =>
          Object.assign(p, {
            queryAs: <T>(bearer: string, query: string, variables?: Record<string, unknown>) =>
              queryThrough<T>(p.url, bearer, query, variables),
          }),
        ),
      );
    // The gateway touches no database: it starts beside the subgraphs, which start one after
    // another (each still checks its migrations on start).
    const gatewayStarting = startGateway(options.gatewayEnv);
    gatewayStarting.catch(() => undefined); // awaited below; a subgraph failing first must not leave it unhandled
    const issuer = await track(startServiceProcess('issuer', ports.issuer, env));
    const clearing = await track(startServiceProcess('clearing', ports.clearing, { ...env, ...urls }));
    const wallet = await track(startServiceProcess('wallet', ports.wallet, { ...env, ...urls }));
    const gateway = await gatewayStarting;

    const token = (who: string) =>
      mintToken({
        privateKey: keyring.jwtPrivateKey!,
        ...(who === 'operator' ? { roles: ['OPERATOR'] as Array<'OPERATOR'> } : { customerId: who }),
        ttlSeconds: 3600,
      });
    return {
      database,
      fixtures: {
        issuer: { database: dbs[0] },
        wallet: { database: dbs[1] },
        clearing: { database: dbs[2] },
        vault: PanVault.fromKey(cardDataKey),
        registry: loadAdapterRegistry(),
      },
      issuer,
      clearing,
      wallet,
      gateway,
      token,
      queryAs: gateway.queryAs,
      startGateway,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
