/**
 * A wallet database from before signing secrets were sealed: the migration adds the key id
 * (null, the secret still in clear) and the wallet, when it starts, seals every clear secret
 * under the first key of WEBHOOK_SECRET_KEYS. Started with a key that does not open the rows it
 * starts all the same, logs why and changes nothing; started with a new key first, it moves the
 * rows to that key.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { fixedClock, setLogSink } from '@cardweave/service-kit';
import { openSubgraphDatabase } from '@cardweave/subgraph-kit';
import { startWalletSubgraph, WALLET_SCHEMA, walletEntities, walletMigrations, WebhookSecretKeys } from '@cardweave/wallet-subgraph';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_NOW } from '../support/test-now';

jest.setTimeout(60_000);

let database: TestDatabase;
const logged: string[] = [];
let restoreSink: ((line: string) => void) | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  restoreSink = setLogSink((line) => logged.push(line));
});
afterAll(async () => {
  if (restoreSink) setLogSink(restoreSink);
  await database?.drop();
});

/** The wallet as its process starts it, on the suite's database, with these keys; stopped at once. */
async function startAndStopWallet(webhookSecrets: WebhookSecretKeys): Promise<void> {
  const wallet = await startWalletSubgraph({
    databaseUrl: database.url,
    registry: loadAdapterRegistry(),
    clock: fixedClock(TEST_NOW),
    port: 0,
    host: '127.0.0.1',
    clearingUrl: 'http://127.0.0.1:9/graphql',
    issuerUrl: 'http://127.0.0.1:9/graphql',
    webhookSecrets,
  });
  await wallet.stop();
}

async function stored(id: string): Promise<{ value: string; keyId: string | null }> {
  const db = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations,
  });
  try {
    const [row] = (await db.dataSource.query(
      `SELECT signing_secret AS value, signing_secret_key_id AS "keyId" FROM wallet.webhook_endpoints WHERE id = $1`,
      [id],
    )) as Array<{ value: string; keyId: string | null }>;
    return row;
  } finally {
    await db.close();
  }
}

it('seals the secrets written in clear before the migration when the wallet starts, and moves them when the key rotates', async () => {
  const sealing = walletMigrations.findIndex((m) => typeof m === 'function' && m.name.startsWith('SealWebhookSecrets'));
  expect(sealing).toBeGreaterThan(0);
  const old = await openSubgraphDatabase({
    url: database.url,
    schema: WALLET_SCHEMA,
    entities: walletEntities,
    migrations: walletMigrations.slice(0, sealing),
  });
  const endpoints = [0, 1].map(() => ({ id: randomUUID(), secret: `whsec_${randomBytes(32).toString('hex')}` }));
  for (const e of endpoints) {
    // The columns the endpoints table had then.
    await old.dataSource.query(
      `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, created_at)
       VALUES ($1, 'https://hooks.example/legacy', ARRAY['payment.approved'], NULL, $2, $3)`,
      [e.id, e.secret, TEST_NOW],
    );
  }
  await old.close();

  const keys = WebhookSecretKeys.parse(WebhookSecretKeys.newEntry());
  await startAndStopWallet(keys);
  for (const e of endpoints) {
    const row = await stored(e.id);
    expect(row.keyId).toBe(keys.currentKeyId);
    expect(row.value).not.toContain(e.secret);
    expect(keys.open(row, e.id)).toBe(e.secret);
  }
  expect(logged.some((l) => l.includes('webhook signing secrets sealed under the current key') && l.includes('"endpoints":2'))).toBe(true);

  // A key under the same id that is not the one: the wallet starts, says why, and leaves the rows.
  logged.length = 0;
  const before = await stored(endpoints[0].id);
  const wrong = WebhookSecretKeys.parse(`${keys.currentKeyId}=${randomBytes(32).toString('base64')}`);
  await startAndStopWallet(wrong.rotatedTo(WebhookSecretKeys.newEntry()));
  expect(await stored(endpoints[0].id)).toEqual(before);
  const refusal = logged.find((l) => l.includes('webhook signing secrets that do not open'));
  expect(refusal).toContain(`does not open with key ${keys.currentKeyId}`);
  expect(refusal).toContain('"level":"error"');
  for (const e of endpoints) expect(refusal).not.toContain(e.secret);

  // A new key put first: the rows move to it, and the old key is no longer needed.
  const newEntry = WebhookSecretKeys.newEntry();
  await startAndStopWallet(keys.rotatedTo(newEntry));
  const newKeys = WebhookSecretKeys.parse(newEntry);
  for (const e of endpoints) {
    const row = await stored(e.id);
    expect(row.keyId).toBe(newKeys.currentKeyId);
    expect(newKeys.open(row, e.id)).toBe(e.secret);
  }
});
