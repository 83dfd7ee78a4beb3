/** Starts the wallet subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import { fetchHttpClient, type AdapterRegistry, type HttpClient } from '../../../adapters/sdk/src';
import type { Clock } from '../../shared/src/clock';
import { openSubgraphDatabase, type SubgraphDatabase } from '../../shared/src/db/data-source';
import { startSubgraphServer, type RunningSubgraph } from '../../shared/src/server/subgraph-server';
import { DatabaseNonceStore } from '../../shared/src/auth/service-auth';
import { serviceNoncesMigration } from '../../shared/src/auth/service-nonces.migration';
import { signServiceRequest } from '../../shared/src/auth/service-auth';
import { SiblingClient } from '../../shared/src/payments/sibling-client';
import { CardOwnerDirectory } from '../../shared/src/auth/card-owners';
import { CardBindingService } from './binding/card-binding-service';
import { createWalletContext, type WalletPayments } from './context';
import { PaymentCoordinator } from './payments/payment-coordinator';
import { PaymentRecovery } from './payments/payment-recovery';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from './db/wallet-database';
import { walletResolvers } from './resolvers';

export const WALLET_SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

export interface WalletSubgraphOptions {
  databaseUrl: string;
  registry: AdapterRegistry;
  clock: Clock;
  port?: number;
  host?: string;
  /** Where the clearing subgraph listens (its /graphql URL or origin): payments go there next. */
  clearingUrl: string;
  /** Where the issuer subgraph listens: it says whose a card is and checks its holder's elements. */
  issuerUrl: string;
  /** How wallet adapters reach their platforms; real HTTP unless given (simulators in tests and demos). */
  platformHttp?: (adapterId: string) => HttpClient;
  /** How long a hop may take before the payment is reversed. */
  hopTimeoutMs?: number;
  /** Reverse payments left unfinished this long; checked every `recoveryIntervalMs` (0: never in the background). */
  recoveryAfterMs?: number;
  recoveryIntervalMs?: number;
}

export interface WalletSubgraph extends RunningSubgraph {
  database: SubgraphDatabase;
  payments: WalletPayments;
}

export async function startWalletSubgraph(options: WalletSubgraphOptions): Promise<WalletSubgraph> {
  if (options.registry.byRole('wallet').length === 0) throw new Error('no wallet adapter is configured');
  const database = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: [...walletMigrations, serviceNoncesMigration(WALLET_SCHEMA)],
  });
  const clearing = new SiblingClient({
    baseUrl: options.clearingUrl,
    timeoutMs: options.hopTimeoutMs ?? 8_000,
    sign: (request) => signServiceRequest({ service: 'wallet', ...request }),
  });
  const coordinator = new PaymentCoordinator(database.dataSource, options.registry, clearing, options.clock);
  const payments = { coordinator, recovery: new PaymentRecovery(database.dataSource, coordinator, options.clock) };
  const issuer = new SiblingClient({
    baseUrl: options.issuerUrl,
    timeoutMs: options.hopTimeoutMs ?? 8_000,
    sign: (request) => signServiceRequest({ service: 'wallet', ...request }),
  });
  const http = fetchHttpClient();
  const binding = new CardBindingService(database.dataSource, options.registry, issuer, options.clock, options.platformHttp ?? (() => http));
  const cardOwners = new CardOwnerDirectory(options.issuerUrl, 'wallet');
  const stopRecovery = options.recoveryIntervalMs
    ? payments.recovery.schedule(options.recoveryIntervalMs, options.recoveryAfterMs ?? 30_000)
    : () => undefined;
  const server = await startSubgraphServer({
    name: 'wallet',
    schemaFile: WALLET_SCHEMA_FILE,
    resolvers: walletResolvers as never,
    context: () => createWalletContext(database.dataSource, options.registry, options.clock, payments, binding, cardOwners.loader()),
    nonces: new DatabaseNonceStore(database.dataSource, WALLET_SCHEMA),
    ready: async () => (await database.dataSource.query('SELECT 1')).length === 1,
    port: options.port,
    host: options.host,
  });
  return {
    ...server,
    database,
    payments,
    async stop() {
      stopRecovery();
      await server.stop();
      await database.close();
    },
  };
}
