/** Starts the issuer subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import type { AdapterRegistry, HttpClient } from '@cardweave/adapter-sdk';
import type { Clock } from '@cardweave/service-kit';
import { openSubgraphStore, serveSubgraph, type ServedSubgraph } from '@cardweave/subgraph-kit';
import type { PanVault } from './card-number/pan-vault';
import { paymentRoutes, cardOwnerRoutes } from '@cardweave/subgraph-kit';
import { createIssuerContext } from './context';
import { IssuerAuthorizations } from './payments/issuer-authorization';
import { holderVerificationRoutes } from './binding/holder-verification';
import { ISSUER_SCHEMA, issuerEntities, issuerMigrations } from './db/issuer-database';
import { issuerResolvers } from './resolvers';
import { provisioningRoutes } from './provisioning/provisioning-routes';

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

export type IssuerSubgraph = ServedSubgraph;

export async function startIssuerSubgraph(options: IssuerSubgraphOptions): Promise<IssuerSubgraph> {
  // Fails at start, not at the first request, when no issuer adapter is configured.
  options.registry.single('issuer');
  const database = await openSubgraphStore(options.databaseUrl, ISSUER_SCHEMA, issuerEntities, issuerMigrations);
  const authorizations = new IssuerAuthorizations(database.dataSource, options.registry, options.clock);
  return serveSubgraph(database, ISSUER_SCHEMA, {
    name: 'issuer',
    internalRoutes: {
      ...paymentRoutes('clearing', authorizations),
      ...cardOwnerRoutes(database.dataSource, ISSUER_SCHEMA),
      ...holderVerificationRoutes(database.dataSource, options.vault),
      ...provisioningRoutes(database.dataSource, options.clock),
    },
    schemaFile: ISSUER_SCHEMA_FILE,
    resolvers: issuerResolvers,
    context: () =>
      createIssuerContext(database.dataSource, options.registry, options.clock, {
        vault: options.vault,
        platformHttp: options.platformHttp,
      }),
    port: options.port,
    host: options.host,
  });
}
