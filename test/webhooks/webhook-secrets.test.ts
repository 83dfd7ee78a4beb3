/**
 * Webhook signing secrets at rest: sealed with AES-256-GCM under a key of WEBHOOK_SECRET_KEYS,
 * never stored in clear, still signing with the secret the integrator was given; a row written
 * in clear before sealing (as the older wallet wrote them) signs and is sealed at start; a row
 * under the previous key signs after the keys rotate and is then moved to the new key; a key
 * that does not open a secret is a failed attempt in the delivery's log, not a stopped worker.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resealWebhookSecrets, verifySignature, WebhookSecretKeys, WebhookWorker } from '@cardweave/wallet-subgraph';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';
import { customerWithCard } from './webhook-customers';
import { startReceiver } from './webhook-receiver';

jest.setTimeout(90_000);

let system: TestSystem;
const receivers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true, webhookWorker: false });
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await system?.stop();
});

const wallet = () => system.wallet.database.dataSource;

/** A worker with these keys, for the length of `run`. */
async function withWorker<T>(secrets: WebhookSecretKeys, run: () => Promise<T>, onError?: (error: unknown) => void): Promise<T> {
  const worker = new WebhookWorker(wallet(), {
    secrets,
    idleMs: 20,
    requestTimeoutMs: 5_000,
    backoff: { baseMs: 50, maxMs: 400 },
    onError,
  });
  worker.start();
  try {
    return await run();
  } finally {
    await worker.stop();
  }
}

async function receiver() {
  const r = await startReceiver(() => 200);
  receivers.push(r);
  return r;
}

async function registerOwn(token: string, url: string): Promise<{ id: string; secret: string }> {
  const { data, errors } = await system.queryAs<{ registerCustomerWebhookEndpoint: { signingSecret: string; endpoint: { id: string } } }>(
    token,
    `mutation R($url: String!) { registerCustomerWebhookEndpoint(url: $url, eventTypes: ["payment.approved"]) { signingSecret endpoint { id } } }`,
    { url },
  );
  expect(errors).toBeUndefined();
  return { id: data!.registerCustomerWebhookEndpoint.endpoint.id, secret: data!.registerCustomerWebhookEndpoint.signingSecret };
}

/** An endpoint row as the wallet wrote them before secrets were sealed: the secret in clear, no key id. */
async function insertClearEndpoint(customerId: string, url: string): Promise<{ id: string; secret: string }> {
  const endpoint = { id: randomUUID(), secret: `whsec_${randomBytes(32).toString('hex')}` };
  await wallet().query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, created_at)
     VALUES ($1, $2, ARRAY['payment.approved'], $3, $4, $5)`,
    [endpoint.id, url, customerId, endpoint.secret, TEST_NOW],
  );
  return endpoint;
}

async function storedSecret(endpointId: string): Promise<{ value: string; keyId: string | null }> {
  const [row] = (await wallet().query(
    `SELECT signing_secret AS value, signing_secret_key_id AS "keyId" FROM wallet.webhook_endpoints WHERE id = $1`,
    [endpointId],
  )) as Array<{ value: string; keyId: string | null }>;
  return row;
}

it('stores the secret sealed, never in clear, and signs with the secret the integrator was given', async () => {
  const hooks = await receiver();
  const customer = await customerWithCard(system);
  const endpoint = await registerOwn(customer.token, hooks.url);

  const stored = await storedSecret(endpoint.id);
  expect(stored.keyId).toBe(system.wallet.webhookSecrets.currentKeyId);
  expect(stored.value).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
  expect(stored.value).not.toContain(endpoint.secret);
  expect(stored.value).not.toContain(endpoint.secret.slice('whsec_'.length, 30));
  expect(Buffer.from(stored.value.split('.')[3], 'base64').toString('hex')).not.toContain(endpoint.secret.slice(6, 30));

  await withWorker(system.wallet.webhookSecrets, async () => {
    await customer.pay(3_21);
    await hooks.until((r) => r.length >= 1);
  });
  const [request] = hooks.received;
  expect(verifySignature(endpoint.secret, request.body, request.signature, new Date())).toBe(true);
  // What is stored does not sign: a receiver holding it would refuse the request.
  expect(verifySignature(stored.value, request.body, request.signature, new Date())).toBe(false);
});

it('signs with a secret still in clear (written before sealing) and seals it at start', async () => {
  const hooks = await receiver();
  const customer = await customerWithCard(system);
  const legacy = await insertClearEndpoint(customer.customerId, hooks.url);

  await withWorker(system.wallet.webhookSecrets, async () => {
    await customer.pay(1_11);
    await hooks.until((r) => r.length >= 1);
  });
  expect(verifySignature(legacy.secret, hooks.received[0].body, hooks.received[0].signature, new Date())).toBe(true);

  // What the wallet runs when it starts.
  const report = await resealWebhookSecrets(wallet(), system.wallet.webhookSecrets);
  expect(report.resealed).toBeGreaterThanOrEqual(1);
  expect(report.unreadable).toEqual([]);
  const sealed = await storedSecret(legacy.id);
  expect(sealed.keyId).toBe(system.wallet.webhookSecrets.currentKeyId);
  expect(sealed.value).not.toContain(legacy.secret);
  // Run again, it finds nothing left to seal.
  expect(await resealWebhookSecrets(wallet(), system.wallet.webhookSecrets)).toEqual({ resealed: 0, unreadable: [] });

  await withWorker(system.wallet.webhookSecrets, async () => {
    await customer.pay(1_12);
    await hooks.until((r) => r.length >= 2);
  });
  expect(verifySignature(legacy.secret, hooks.received[1].body, hooks.received[1].signature, new Date())).toBe(true);
});

it('records a secret the configured keys do not open as a failed attempt, with the reason, and keeps delivering to the others', async () => {
  const sealedHooks = await receiver();
  const clearHooks = await receiver();
  const customer = await customerWithCard(system);
  const sealed = await registerOwn(customer.token, sealedHooks.url);
  const clear = await insertClearEndpoint(customer.customerId, clearHooks.url);
  // Another key under the id the secret was sealed with (a mistyped WEBHOOK_SECRET_KEYS).
  const wrongKey = WebhookSecretKeys.parse(`${system.wallet.webhookSecrets.currentKeyId}=${randomBytes(32).toString('base64')}`);

  const errors: unknown[] = [];
  await withWorker(
    wrongKey,
    async () => {
      await customer.pay(2_22);
      await clearHooks.until((r) => r.length >= 1);
      await waitFor(async () => (await attemptsOf(sealed.id)).length >= 2);
    },
    (error) => errors.push(error),
  );
  expect(verifySignature(clear.secret, clearHooks.received[0].body, clearHooks.received[0].signature, new Date())).toBe(true);
  expect(sealedHooks.received).toEqual([]);
  const attempts = await attemptsOf(sealed.id);
  expect(attempts[0]).toMatchObject({
    status: null,
    error: expect.stringMatching(/^not sent: the signing secret of endpoint .+ does not open with key /),
  });
  // Retried like any failure (the key may be put right), and never the secret in the log.
  const [delivery] = (await wallet().query(`SELECT status FROM wallet.webhook_deliveries WHERE endpoint_id = $1`, [sealed.id])) as Array<{
    status: string;
  }>;
  expect(delivery.status).toBe('PENDING');
  expect(JSON.stringify(attempts)).not.toContain(sealed.secret);
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect((errors[0] as Error).name).toBe('WebhookSecretUnreadable');

  // A key id that is not configured at all says so.
  const unknownKey = WebhookSecretKeys.parse(`elsewhere=${randomBytes(32).toString('base64')}`);
  const report = await resealWebhookSecrets(wallet(), unknownKey.rotatedTo(`k2=${randomBytes(32).toString('base64')}`));
  expect(report.unreadable).toEqual(
    expect.arrayContaining([expect.stringMatching(/sealed under key .+, which WEBHOOK_SECRET_KEYS does not list$/)]),
  );
  expect(JSON.stringify(report)).not.toContain(sealed.secret);
  // Nothing was changed by a run that could not read the rows.
  expect((await storedSecret(sealed.id)).keyId).toBe(system.wallet.webhookSecrets.currentKeyId);

  // With the right key again, the delivery goes through.
  await withWorker(system.wallet.webhookSecrets, () => sealedHooks.until((r) => r.length >= 1));
  expect(verifySignature(sealed.secret, sealedHooks.received[0].body, sealedHooks.received[0].signature, new Date())).toBe(true);
});

// Last: re-sealing moves every row of the suite to a key the test system does not hold.
it('signs with a secret under the previous key after the keys rotate, then moves it to the new key', async () => {
  const hooks = await receiver();
  const customer = await customerWithCard(system);
  const endpoint = await registerOwn(customer.token, hooks.url);
  const previousKeyId = system.wallet.webhookSecrets.currentKeyId;
  const newEntry = WebhookSecretKeys.newEntry();
  const rotated = system.wallet.webhookSecrets.rotatedTo(newEntry);
  expect(rotated.currentKeyId).not.toBe(previousKeyId);

  await withWorker(rotated, async () => {
    await customer.pay(4_44);
    await hooks.until((r) => r.length >= 1);
  });
  expect(verifySignature(endpoint.secret, hooks.received[0].body, hooks.received[0].signature, new Date())).toBe(true);
  expect((await storedSecret(endpoint.id)).keyId).toBe(previousKeyId);

  const before = await storedSecret(endpoint.id);
  const report = await resealWebhookSecrets(wallet(), rotated);
  expect(report.resealed).toBeGreaterThanOrEqual(1);
  const after = await storedSecret(endpoint.id);
  expect(after.keyId).toBe(rotated.currentKeyId);
  expect(after.value).not.toBe(before.value);

  // The previous key can now be dropped from the list.
  await withWorker(WebhookSecretKeys.parse(newEntry), async () => {
    await customer.pay(4_45);
    await hooks.until((r) => r.length >= 2);
  });
  expect(verifySignature(endpoint.secret, hooks.received[1].body, hooks.received[1].signature, new Date())).toBe(true);
});

it('refuses a malformed WEBHOOK_SECRET_KEYS with a message that names no key', () => {
  const key = randomBytes(32).toString('base64');
  expect(() => WebhookSecretKeys.parse(`k1=${randomBytes(16).toString('base64')}`)).toThrow('key k1 is not 32 bytes');
  expect(() => WebhookSecretKeys.parse(`k1=${key},k1=${key}`)).toThrow('listed twice');
  expect(() => WebhookSecretKeys.parse(key)).toThrow(/expected <id>=<base64 32 bytes>/);
  expect(() => WebhookSecretKeys.parse('')).toThrow('no key');
  try {
    WebhookSecretKeys.parse(`k1=${key},bad id=${key}`);
  } catch (error) {
    expect((error as Error).message).not.toContain(key);
  }
  expect(() => WebhookSecretKeys.fromEnv({ NODE_ENV: 'production' })).toThrow('WEBHOOK_SECRET_KEYS is required in production');
  // What `npm run keys` prints: an id without a run of digits the logs would mask as a card number.
  expect(WebhookSecretKeys.newEntry(new Date('2026-11-29T08:00:00Z'))).toMatch(/^wh20261129-[a-z]{6}=[A-Za-z0-9+/]{43}=$/);
});

async function attemptsOf(endpointId: string): Promise<Array<{ status: number | null; error: string | null }>> {
  return (await wallet().query(
    `SELECT a.status, a.error FROM wallet.webhook_attempts a JOIN wallet.webhook_deliveries d ON d.id = a.delivery_id
     WHERE d.endpoint_id = $1 ORDER BY a.number`,
    [endpointId],
  )) as Array<{ status: number | null; error: string | null }>;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
  }
}
