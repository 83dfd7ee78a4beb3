/**
 * What every subgraph process does around its own pieces: open its database (migrated,
 * with the service-nonce table that refuses replayed requests across replicas), serve it
 * (signed callers only; ready while the database answers), and stop both as one.
 */
import type { EntitySchema, MixedList } from 'typeorm';
import { DatabaseNonceStore, signServiceRequest, serviceNoncesMigration } from '@cardweave/service-kit';
import { openSubgraphDatabase, type SubgraphDatabase } from '../db/data-source';
import { SiblingClient } from '../payments/sibling-client';
import { startSubgraphServer, type RunningSubgraph, type SubgraphServerOptions } from './subgraph-server';

export interface ServedSubgraph extends RunningSubgraph {
  database: SubgraphDatabase;
}

export function openSubgraphStore(
  url: string,
  schema: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Array<Function | string>,
): Promise<SubgraphDatabase> {
  return openSubgraphDatabase({ url, schema, entities, migrations: [...migrations, serviceNoncesMigration(schema)] });
}

/**
 * Serves a subgraph over its database. Stopping ends its background work first (`beforeStop`,
 * settling once what it had under way has finished), then its server, then closes its database:
 * nothing reads a pool that has closed.
 */
export async function serveSubgraph<TContext extends object>(
  database: SubgraphDatabase,
  schema: string,
  options: Omit<SubgraphServerOptions<TContext>, 'nonces' | 'ready'>,
  beforeStop: () => void | Promise<void> = () => undefined,
): Promise<ServedSubgraph> {
  const server = await startSubgraphServer<TContext>({
    ...options,
    nonces: new DatabaseNonceStore(database.dataSource, schema),
    ready: async () => (await database.dataSource.query('SELECT 1')).length === 1,
  });
  return {
    ...server,
    database,
    async stop() {
      await beforeStop();
      await server.stop();
      await database.close();
    },
  };
}

/** A client for a sibling subgraph's internal routes, signing as `service`. */
export function siblingClient(service: string, baseUrl: string, timeoutMs: number): SiblingClient {
  return new SiblingClient({ baseUrl, timeoutMs, sign: (request) => signServiceRequest({ service, ...request }) });
}
