/** Starts the clearing subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import type { AdapterRegistry } from '../../../adapters/sdk/src';
import type { Clock } from '../../shared/src/clock';
import { openSubgraphDatabase, type SubgraphDatabase } from '../../shared/src/db/data-source';
import { startSubgraphServer, type RunningSubgraph } from '../../shared/src/server/subgraph-server';
import { DatabaseNonceStore, signServiceRequest } from '../../shared/src/auth/service-auth';
import { paymentRoutes } from '../../shared/src/payments/payment-routes';
import { SiblingClient } from '../../shared/src/payments/sibling-client';
import { ClearingRoute } from './payments/clearing-route';
import { serviceNoncesMigration } from '../../shared/src/auth/service-nonces.migration';
import { CardOwnerDirectory } from '../../shared/src/auth/card-owners';
import { createClearingContext } from './context';
import { CLEARING_SCHEMA, clearingEntities, clearingMigrations } from './db/clearing-database';
import { clearingResolvers } from './resolvers';

export const CLEARING_SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

export interface ClearingSubgraphOptions {
  databaseUrl: string;
  registry: AdapterRegistry;
  clock: Clock;
  port?: number;
  host?: string;
  /** Where the issuer subgraph listens (its /graphql URL or origin): payments go there next. */
  issuerUrl: string;
  /** How long the issuer may take before the network reverses its leg. */
  hopTimeoutMs?: number;
}

export interface ClearingSubgraph extends RunningSubgraph {
  database: SubgraphDatabase;
}

export async function startClearingSubgraph(options: ClearingSubgraphOptions): Promise<ClearingSubgraph> {
  // Fails at start, not at the first request, unless exactly one network is configured.
  options.registry.single('clearing');
  const database = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: CLEARING_SCHEMA,
    entities: clearingEntities,
    migrations: [...clearingMigrations, serviceNoncesMigration(CLEARING_SCHEMA)],
  });
  const issuer = new SiblingClient({
    baseUrl: options.issuerUrl,
    timeoutMs: options.hopTimeoutMs ?? 5_000,
    sign: (request) => signServiceRequest({ service: 'clearing', ...request }),
  });
  const route = new ClearingRoute(database.dataSource, options.registry.single('clearing'), issuer, options.clock);
  const cardOwners = new CardOwnerDirectory(options.issuerUrl, 'clearing');
  const server = await startSubgraphServer({
    name: 'clearing',
    internalRoutes: paymentRoutes('wallet', route),
    schemaFile: CLEARING_SCHEMA_FILE,
    resolvers: clearingResolvers as never,
    context: () => createClearingContext(database.dataSource, options.registry, options.clock, cardOwners.loader()),
    nonces: new DatabaseNonceStore(database.dataSource, CLEARING_SCHEMA),
    ready: async () => (await database.dataSource.query('SELECT 1')).length === 1,
    port: options.port,
    host: options.host,
  });
  return {
    ...server,
    database,
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}
