/** Starts the issuer subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import type { AdapterRegistry, HttpClient } from '../../../adapters/sdk/src';
import type { Clock } from '../../shared/src/clock';
import { openSubgraphDatabase, type SubgraphDatabase } from '../../shared/src/db/data-source';
import { startSubgraphServer, type RunningSubgraph } from '../../shared/src/server/subgraph-server';
import { DatabaseNonceStore } from '../../shared/src/auth/service-auth';
import { serviceNoncesMigration } from '../../shared/src/auth/service-nonces.migration';
import type { PanVault } from './card-number/pan-vault';
import { paymentRoutes } from '../../shared/src/payments/payment-routes';
import { cardOwnerRoutes } from '../../shared/src/auth/card-owners';
import { createIssuerContext } from './context';
import { IssuerAuthorizations } from './payments/issuer-authorization';
import { holderVerificationRoutes } from './binding/holder-verification';
import { ISSUER_SCHEMA, issuerEntities, issuerMigrations } from './db/issuer-database';
import { issuerResolvers } from './resolvers';

export const ISSUER_SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

export interface IssuerSubgraphOptions {
  databaseUrl: string;
  registry: AdapterRegistry;
  clock: Clock;
  port?: number;
  host?: string;
  /** Encrypts the card numbers the issuer generates (and reads resident ID numbers). */
  vault?: PanVault;
  /** How adapters reach their platforms; real HTTP unless given (simulators in tests and demos). */
  platformHttp?: (adapterId: string) => HttpClient;
}

export interface IssuerSubgraph extends RunningSubgraph {
  database: SubgraphDatabase;
}

export async function startIssuerSubgraph(options: IssuerSubgraphOptions): Promise<IssuerSubgraph> {
  // Fails at start, not at the first request, when no issuer adapter is configured.
  options.registry.single('issuer');
  const database = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: ISSUER_SCHEMA,
    entities: issuerEntities,
    migrations: [...issuerMigrations, serviceNoncesMigration(ISSUER_SCHEMA)],
  });
  const authorizations = new IssuerAuthorizations(database.dataSource, options.registry, options.clock);
  const server = await startSubgraphServer({
    name: 'issuer',
    internalRoutes: {
      ...paymentRoutes('clearing', authorizations),
      ...cardOwnerRoutes(database.dataSource, ISSUER_SCHEMA),
      ...holderVerificationRoutes(database.dataSource, options.vault),
    },
    schemaFile: ISSUER_SCHEMA_FILE,
    resolvers: issuerResolvers as never,
    context: () => createIssuerContext(database.dataSource, options.registry, options.clock, { vault: options.vault, platformHttp: options.platformHttp }),
    nonces: new DatabaseNonceStore(database.dataSource, ISSUER_SCHEMA),
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
