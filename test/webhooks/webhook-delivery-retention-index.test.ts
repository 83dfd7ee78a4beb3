/**
 * The retention job's batch of finished deliveries (trimFinishedDeliveries: finished statuses,
 * window ended before the cutoff, oldest first) reads a partial index of finished deliveries
 * rather than scanning the log; the migration that adds it is undone by dropping it.
 */
import { openSubgraphDatabase, type SubgraphDatabase } from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA, walletEntities, walletMigrations } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

let database: TestDatabase;
let wallet: SubgraphDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  wallet = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations,
    poolSize: 2,
  });
});
afterAll(async () => {
  await wallet?.close();
  await database?.drop();
});

const INDEX = 'webhook_deliveries_finished_idx';

async function indexDefinition(): Promise<string | undefined> {
  const rows: Array<{ indexdef: string }> = await wallet.dataSource.query(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'wallet' AND indexname = $1`,
    [INDEX],
  );
  return rows[0]?.indexdef;
}

it('indexes finished deliveries by the end of their retry window', async () => {
  const definition = await indexDefinition();
  expect(definition).toContain('(give_up_after)');
  for (const status of ['DELIVERED', 'FAILED', 'CANCELLED']) expect(definition).toContain(`'${status}'`);
  expect(definition).not.toContain(`'PENDING'`);
});

it('drops the index when its migration is undone, and makes it again when it is run', async () => {
  const last = walletMigrations[walletMigrations.length - 1];
  expect(typeof last === 'function' && last.name).toBe('IndexFinishedWebhookDeliveries1797206400001');
  await wallet.dataSource.undoLastMigration({ transaction: 'each' });
  expect(await indexDefinition()).toBeUndefined();
  const ran = await wallet.dataSource.runMigrations({ transaction: 'each' });
  expect(ran.map((m) => m.name)).toEqual(['IndexFinishedWebhookDeliveries1797206400001']);
  expect(await indexDefinition()).toBeDefined();
});
