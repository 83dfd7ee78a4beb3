/**
 * Ending an endpoint and rotating its secret, through the gateway: deleteWebhookEndpoint
 * (operators any endpoint, a customer their own, anyone else NOT_FOUND; twice the same answer;
 * its pending deliveries CANCELLED in its log, nothing posted to it after) and
 * rotateWebhookEndpointSecret (the owner only; the new secret returned once, the old one
 * signing beside it for the hours asked, as a second v1 of Cardweave-Signature).
 */
import { verifySignature, WebhookWorker } from '@cardweave/wallet-subgraph';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { customerWithCard } from './webhook-customers';
import { allEndpoints } from './webhook-endpoint-pages';
import { startReceiver, type Answer } from './webhook-receiver';

jest.setTimeout(90_000);

let system: TestSystem;
let worker: WebhookWorker;
const receivers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true, webhookWorker: false });
  worker = new WebhookWorker(system.wallet.database.dataSource, {
    secrets: system.wallet.webhookSecrets,
    idleMs: 20,
    requestTimeoutMs: 5_000,
    backoff: { baseMs: 50, maxMs: 200 },
  });
  worker.start();
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await worker?.stop();
  await system?.stop();
});

interface Endpoint {
  id: string;
  deletedAt: string | null;
  previousSecretExpiresAt: string | null;
  deliveries: Array<{ id: string; status: string; lastError: string | null; attempts: Array<{ number: number }> }>;
}
const ENDPOINT = `id deletedAt previousSecretExpiresAt deliveries { id status lastError attempts { number } }`;

async function receiver(answer: () => Answer) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

async function registerOwn(token: string, url: string) {
  const { data, errors } = await system.queryAs<{ registerCustomerWebhookEndpoint: { signingSecret: string; endpoint: { id: string } } }>(
    token,
    `mutation R($url: String!) { registerCustomerWebhookEndpoint(url: $url, eventTypes: ["payment.approved"]) { signingSecret endpoint { id } } }`,
    { url },
  );
  expect(errors).toBeUndefined();
  return { id: data!.registerCustomerWebhookEndpoint.endpoint.id, secret: data!.registerCustomerWebhookEndpoint.signingSecret };
}

const deleteAs = (token: string, endpointId: string) =>
  system.queryAs<{ deleteWebhookEndpoint: Endpoint }>(
    token,
    `mutation D($id: ID!) { deleteWebhookEndpoint(endpointId: $id) { ${ENDPOINT} } }`,
    {
      id: endpointId,
    },
  );

const rotateAs = (token: string, endpointId: string, hours?: number) =>
  system.queryAs<{ rotateWebhookEndpointSecret: { signingSecret: string; previousSecretExpiresAt: string | null; endpoint: Endpoint } }>(
    token,
    `mutation R($id: ID!, $hours: Int) {
       rotateWebhookEndpointSecret(endpointId: $id, previousSecretHours: $hours) { signingSecret previousSecretExpiresAt endpoint { ${ENDPOINT} } }
     }`,
    { id: endpointId, hours },
  );

function endpointsOf(token: string, includeDeleted = false): Promise<Endpoint[]> {
  return allEndpoints<Endpoint>(system, token, ENDPOINT, includeDeleted);
}

describe('deleteWebhookEndpoint', () => {
  it("cancels the endpoint's pending deliveries, posts nothing more to it, and answers the same when repeated", async () => {
    const failing = await receiver(() => 500);
    const live = await receiver(() => 200);
    const customer = await customerWithCard(system);
    const doomed = await registerOwn(customer.token, failing.url);
    await registerOwn(customer.token, live.url);

    await customer.pay(1_00);
    // Failing and retried: its delivery is PENDING when the endpoint is deleted.
    await failing.until((r) => r.length >= 2);

    const other = await customerWithCard(system);
    const refused = await deleteAs(other.token, doomed.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'endpointId' });

    const deleted = await deleteAs(customer.token, doomed.id);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteWebhookEndpoint.deletedAt).toEqual(expect.any(String));
    const [cancelled] = deleted.data!.deleteWebhookEndpoint.deliveries;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', lastError: 'cancelled: the endpoint was deleted' });
    expect(cancelled.attempts.length).toBeGreaterThanOrEqual(2);
    const requestsWhenDeleted = failing.received.length;

    // Again: the same endpoint, deleted when it first was.
    const again = await deleteAs(customer.token, doomed.id);
    expect(again.errors).toBeUndefined();
    expect(again.data!.deleteWebhookEndpoint.deletedAt).toBe(deleted.data!.deleteWebhookEndpoint.deletedAt);

    // The next payment reaches the live endpoint only; by then its event was fanned out to every endpoint.
    await customer.pay(2_00);
    await live.until((r) => r.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    // At most a request already in flight when it was deleted.
    expect(failing.received.length).toBeLessThanOrEqual(requestsWhenDeleted + 1);
    expect(new Set(failing.received.map((r) => r.eventId)).size).toBe(1);

    // Gone from the list; its log stays readable with includeDeleted, the cancelled delivery still cancelled.
    expect((await endpointsOf(customer.token)).map((e) => e.id)).not.toContain(doomed.id);
    const kept = (await endpointsOf(customer.token, true)).find((e) => e.id === doomed.id)!;
    expect(kept.deliveries).toHaveLength(1);
    expect(kept.deliveries[0]).toMatchObject({ id: cancelled.id, status: 'CANCELLED' });

    // Its deliveries cannot be sent again.
    const redelivered = await system.queryAs(customer.token, `mutation R($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { id } }`, {
      id: cancelled.id,
    });
    expect(redelivered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryId' });
  });

  it('cancels, when it is claimed, a delivery queued for an endpoint while it was being deleted', async () => {
    const hooks = await receiver(() => 200);
    const customer = await customerWithCard(system);
    const endpoint = await registerOwn(customer.token, hooks.url);
    await customer.pay(3_00);
    await hooks.until((r) => r.length >= 1);
    expect((await deleteAs(customer.token, endpoint.id)).errors).toBeUndefined();

    // As a fan-out that read the endpoint before its deletion committed leaves it: due, PENDING.
    const db = system.wallet.database.dataSource;
    await db.query(`UPDATE wallet.webhook_deliveries SET status = 'PENDING', next_attempt_at = now() WHERE endpoint_id = $1`, [
      endpoint.id,
    ]);
    for (const deadline = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 50))) {
      const [row] = (await db.query(`SELECT status, last_error FROM wallet.webhook_deliveries WHERE endpoint_id = $1`, [
        endpoint.id,
      ])) as Array<{
        status: string;
        last_error: string;
      }>;
      if (row.status === 'CANCELLED') {
        expect(row.last_error).toBe('cancelled: the endpoint was deleted');
        break;
      }
      if (Date.now() > deadline) throw new Error(`still ${row.status}`);
    }
    expect(hooks.received).toHaveLength(1);
  });

  it('answers every one of many deletions at once with the same endpoint and time, each pending delivery cancelled once', async () => {
    const failing = await receiver(() => 500);
    const customer = await customerWithCard(system);
    const endpoint = await registerOwn(customer.token, failing.url);
    await customer.pay(7_00);
    await customer.pay(8_00);
    await failing.until((r) => new Set(r.map((x) => x.eventId)).size >= 2);

    // The customer and an operator, ten times together (on PostgreSQL, concurrent transactions).
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => deleteAs(i % 2 ? system.token('operator') : customer.token, endpoint.id)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const times = new Set(answers.map((a) => a.data!.deleteWebhookEndpoint.deletedAt));
    expect(times.size).toBe(1);
    const [row] = (await system.wallet.database.dataSource.query(`SELECT deleted_at FROM wallet.webhook_endpoints WHERE id = $1`, [
      endpoint.id,
    ])) as Array<{ deleted_at: Date }>;
    expect(new Date(row.deleted_at).toISOString()).toBe([...times][0]);
    const deliveries = (await system.wallet.database.dataSource.query(
      `SELECT status, last_error FROM wallet.webhook_deliveries WHERE endpoint_id = $1`,
      [endpoint.id],
    )) as Array<{ status: string; last_error: string }>;
    expect(deliveries).toEqual([
      { status: 'CANCELLED', last_error: 'cancelled: the endpoint was deleted' },
      { status: 'CANCELLED', last_error: 'cancelled: the endpoint was deleted' },
    ]);
  });

  it("lets operators delete any endpoint, a customer's too", async () => {
    const hooks = await receiver(() => 200);
    const customer = await customerWithCard(system);
    const endpoint = await registerOwn(customer.token, hooks.url);
    const deleted = await deleteAs(system.token('operator'), endpoint.id);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteWebhookEndpoint.id).toBe(endpoint.id);
    expect((await endpointsOf(customer.token)).map((e) => e.id)).not.toContain(endpoint.id);
    // An id of no endpoint is the same NOT_FOUND another customer's gets.
    const absent = await deleteAs(customer.token, '00000000-0000-4000-8000-000000000000');
    expect(absent.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'endpointId' });
  });
});

describe('rotateWebhookEndpointSecret', () => {
  it('returns a new secret and signs with both for the hours asked, then (0 hours) with the new one alone', async () => {
    const hooks = await receiver(() => 200);
    const customer = await customerWithCard(system);
    const endpoint = await registerOwn(customer.token, hooks.url);

    const rotated = await rotateAs(customer.token, endpoint.id);
    expect(rotated.errors).toBeUndefined();
    const { signingSecret: second, previousSecretExpiresAt } = rotated.data!.rotateWebhookEndpointSecret;
    expect(second).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(second).not.toBe(endpoint.secret);
    // 24 hours by default.
    const graceHours = (Date.parse(previousSecretExpiresAt!) - Date.now()) / 3_600_000;
    expect(graceHours).toBeGreaterThan(23.9);
    expect(graceHours).toBeLessThanOrEqual(24);
    expect(rotated.data!.rotateWebhookEndpointSecret.endpoint.previousSecretExpiresAt).toBe(previousSecretExpiresAt);
    // Both stored sealed.
    const [row] = (await system.wallet.database.dataSource.query(
      `SELECT signing_secret, previous_signing_secret FROM wallet.webhook_endpoints WHERE id = $1`,
      [endpoint.id],
    )) as Array<{ signing_secret: string; previous_signing_secret: string }>;
    expect(row.signing_secret).not.toContain(second);
    expect(row.previous_signing_secret).not.toContain(endpoint.secret);

    await customer.pay(5_00);
    await hooks.until((r) => r.length >= 1);
    const during = hooks.received[0];
    expect(during.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(second, during.body, during.signature, new Date())).toBe(true);
    expect(verifySignature(endpoint.secret, during.body, during.signature, new Date())).toBe(true);

    const now = await rotateAs(customer.token, endpoint.id, 0);
    expect(now.errors).toBeUndefined();
    const third = now.data!.rotateWebhookEndpointSecret.signingSecret;
    expect(now.data!.rotateWebhookEndpointSecret.previousSecretExpiresAt).toBeNull();
    await customer.pay(6_00);
    await hooks.until((r) => r.length >= 2);
    const after = hooks.received[1];
    expect(after.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(third, after.body, after.signature, new Date())).toBe(true);
    expect(verifySignature(second, after.body, after.signature, new Date())).toBe(false);
    expect(verifySignature(endpoint.secret, after.body, after.signature, new Date())).toBe(false);
  });

  it("is the owner's alone, refuses hours out of range and a deleted endpoint, and changes nothing then", async () => {
    const hooks = await receiver(() => 200);
    const customer = await customerWithCard(system);
    const endpoint = await registerOwn(customer.token, hooks.url);
    const stored = async () =>
      (
        (await system.wallet.database.dataSource.query(`SELECT signing_secret FROM wallet.webhook_endpoints WHERE id = $1`, [
          endpoint.id,
        ])) as Array<{ signing_secret: string }>
      )[0].signing_secret;
    const before = await stored();

    const other = await customerWithCard(system);
    expect((await rotateAs(other.token, endpoint.id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'endpointId' });
    // An operator would receive the customer's new secret: not theirs to rotate.
    expect((await rotateAs(system.token('operator'), endpoint.id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    for (const hours of [-1, 169]) {
      expect((await rotateAs(customer.token, endpoint.id, hours)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'previousSecretHours',
      });
    }
    expect(await stored()).toBe(before);

    expect((await deleteAs(customer.token, endpoint.id)).errors).toBeUndefined();
    expect((await rotateAs(customer.token, endpoint.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endpointId',
    });
    expect(await stored()).toBe(before);
  });
});
