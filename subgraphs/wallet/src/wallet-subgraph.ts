/** Starts the wallet subgraph: its database (migrated), its adapters, its HTTP server. */
import * as path from 'node:path';
import type { AdapterRegistry } from '../../../adapters/sdk/src';
import type { Clock } from '../../shared/src/clock';
import { openSubgraphDatabase, type SubgraphDatabase } from '../../shared/src/db/data-source';
import { startSubgraphServer, type RunningSubgraph } from '../../shared/src/server/subgraph-server';
import { DatabaseNonceStore } from '../../shared/src/auth/service-auth';
import { serviceNoncesMigration } from '../../shared/src/auth/service-nonces.migration';
import { createWalletContext } from './context';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from './db/wallet-database';
import { walletResolvers } from './resolvers';

export const WALLET_SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

export interface WalletSubgraphOptions {
  databaseUrl: string;
  registry: AdapterRegistry;
  clock: Clock;
  port?: number;
  host?: string;
}

export interface WalletSubgraph extends RunningSubgraph {
  database: SubgraphDatabase;
}

export async function startWalletSubgraph(options: WalletSubgraphOptions): Promise<WalletSubgraph> {
  if (options.registry.byRole('wallet').length === 0) throw new Error('no wallet adapter is configured');
  const database = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: [...walletMigrations, serviceNoncesMigration(WALLET_SCHEMA)],
  });
  const server = await startSubgraphServer({
    name: 'wallet',
    schemaFile: WALLET_SCHEMA_FILE,
    resolvers: walletResolvers as never,
    context: () => createWalletContext(database.dataSource, options.registry, options.clock),
    nonces: new DatabaseNonceStore(database.dataSource, WALLET_SCHEMA),
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
