/** Starts the clearing subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import type { AdapterRegistry } from '@cardweave/adapter-sdk';
import { configValueFor, type Clock } from '@cardweave/service-kit';
import { openSubgraphStore, serveSubgraph, siblingClient, type ServedSubgraph } from '@cardweave/subgraph-kit';
import { paymentRoutes, CardOwnerDirectory } from '@cardweave/subgraph-kit';
import { ClearingRoute } from './payments/clearing-route';
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
  /** How long the issuer may take before the network reverses its leg (HOP_TIMEOUT_MS's default for clearing unless given). */
  hopTimeoutMs?: number;
}

export type ClearingSubgraph = ServedSubgraph;

export async function startClearingSubgraph(options: ClearingSubgraphOptions): Promise<ClearingSubgraph> {
  // Fails at start, not at the first request, unless exactly one network is configured.
  options.registry.single('clearing');
  const database = await openSubgraphStore(options.databaseUrl, CLEARING_SCHEMA, clearingEntities, clearingMigrations);
  const hopTimeoutMs = options.hopTimeoutMs ?? configValueFor('HOP_TIMEOUT_MS', 'clearing', {});
  const issuer = siblingClient('clearing', options.issuerUrl, hopTimeoutMs);
  const route = new ClearingRoute(database.dataSource, options.registry.single('clearing'), issuer, options.clock, hopTimeoutMs);
  const cardOwners = new CardOwnerDirectory(options.issuerUrl, 'clearing');
  return serveSubgraph(database, CLEARING_SCHEMA, {
    name: 'clearing',
    internalRoutes: paymentRoutes('wallet', route),
    schemaFile: CLEARING_SCHEMA_FILE,
    resolvers: clearingResolvers,
    context: () => createClearingContext(database.dataSource, options.registry, options.clock, cardOwners.loader()),
    port: options.port,
    host: options.host,
  });
}
