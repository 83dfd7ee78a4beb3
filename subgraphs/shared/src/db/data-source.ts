/**
 * One TypeORM data source per subgraph, in the subgraph's own PostgreSQL schema.
 * The same code runs against the embedded PGlite server and a real PostgreSQL server:
 * only the URL differs. Migrations run on start; `synchronize` is never used.
 */
import { Client } from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { closeOutboxSignal } from '../events/outbox-signal';
import { StatementCounter } from './statement-counter';

export interface SubgraphDatabaseOptions {
  url: string;
  /** The subgraph's schema: `issuer`, `wallet` or `clearing`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export interface SubgraphDatabase {
  dataSource: DataSource;
  statements: StatementCounter;
  close(): Promise<void>;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function openSubgraphDatabase(options: SubgraphDatabaseOptions): Promise<SubgraphDatabase> {
  if (!/^[a-z_]+$/.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
  await ensureSchema(options.url, options.schema);
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['query', 'error'],
    logger: statements,
    extra: { max: options.poolSize ?? 10, application_name: `cardweave-${options.schema}` },
  });
  await dataSource.initialize();
  statements.watch((dataSource.driver as unknown as { master: Parameters<StatementCounter['watch']>[0] }).master);
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    statements,
    close: async () => {
      closeOutboxSignal(dataSource);
      await dataSource.destroy();
    },
  };
}

/** Bigint columns come back from pg as strings; amounts live as bigint in the code. */
export const fenColumn = {
  to: (value: bigint | null | undefined) => (value == null ? value : value.toString()),
  from: (value: string | null) => (value == null ? value : BigInt(value)),
};
