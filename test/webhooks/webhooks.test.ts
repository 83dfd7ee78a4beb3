/**
 * Webhooks through the gateway: endpoints registered by an operator (every customer's events)
 * and by a customer (their own), signed deliveries retried with backoff until they succeed,
 * the delivery log and redelivery for the endpoint's owner, and endpoints that hang past the
 * timeout, answer 5xx or refuse the connection without holding up a payment. The delivery worker runs here with a short backoff base.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature, WebhookWorker } from '@cardweave/wallet-subgraph';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { bindingsOf } from '../payments/payment-support';
import { holderClient } from '../holder-controls/holder-controls-support';
import { allEndpoints } from './webhook-endpoint-pages';
import { startReceiver } from './webhook-receiver';

jest.setTimeout(90_000);

const REQUEST_TIMEOUT_MS = 5_000;

let system: TestSystem;
let worker: WebhookWorker;
const receivers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true, webhookWorker: false });
  worker = new WebhookWorker(system.wallet.database.dataSource, {
    secrets: system.wallet.webhookSecrets,
    idleMs: 20,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    backoff: { baseMs: 50, maxMs: 400 },
  });
  worker.start();
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await worker?.stop();
  await system?.stop();
});

const REGISTER = (field: string) => `mutation Register($url: String!, $types: [String!]!) {
  ${field}(url: $url, eventTypes: $types) { signingSecret endpoint { id url eventTypes scope } }
}`;

const LOG = `id url scope
  deliveries { id eventId eventType status attemptCount lastStatus lastError deliveredAt attempts { number status error } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastStatus: number | null;
  attempts: Array<{ number: number; status: number | null; error: string | null }>;
}

async function register(token: string | null, field: 'registerWebhookEndpoint' | 'registerCustomerWebhookEndpoint', url: string) {
  const result = await system.queryAs<Record<string, { signingSecret: string; endpoint: { id: string; scope: string } }>>(
    token,
    REGISTER(field),
    { url, types: ['payment.approved'] },
  );
  return { ...result, registered: result.data?.[field] };
}

async function logOf(token: string, endpointId: string): Promise<Delivery[]> {
  const endpoints = await allEndpoints<{ id: string; deliveries: Delivery[] }>(system, token, LOG);
  return endpoints.find((e) => e.id === endpointId)?.deliveries ?? [];
}

async function customerWithCard() {
  const customer = await insertCustomer(system, { cards: 1, billItems: 1 });
  const binding = (await bindingsOf(system, customer.cardIds[0])).find((b) => b.platform === 'wechat-pay')!.id;
  return { ...customer, binding, holder: holderClient(system, customer.customerId) };
}

it('delivers to an endpoint that fails three times (500) once it succeeds, signed, with each attempt in the log', async () => {
  const receiver = await startReceiver((_request, earlierForEvent) => (earlierForEvent < 3 ? 500 : 200));
  receivers.push(receiver);
  const operator = system.token('operator');
  const { registered, errors } = await register(operator, 'registerWebhookEndpoint', receiver.url);
  expect(errors).toBeUndefined();
  expect(registered!.endpoint.scope).toBe('ALL_CUSTOMERS');
  expect(registered!.signingSecret).toMatch(/^whsec_[0-9a-f]{64}$/);

  const customer = await customerWithCard();
  expect((await customer.holder.pay(customer.binding, 12_34)).ok).toBe(true);

  await receiver.until((r) => r.length >= 4);
  const requests = receiver.received;
  expect(new Set(requests.map((r) => r.eventId)).size).toBe(1);
  const delivered = requests[3];
  const event = JSON.parse(delivered.body) as Record<string, unknown>;
  expect(event).toMatchObject({ type: 'payment.approved', customerId: customer.customerId, payload: { amountFen: '1234' } });
  // As an integrator checks it: the HMAC of "<t>.<raw body>" under the secret, at a recent t.
  expect(verifySignature(registered!.signingSecret, delivered.body, delivered.signature, new Date())).toBe(true);
  expect(verifySignature(registered!.signingSecret, delivered.body.replace('1234', '9999'), delivered.signature, new Date())).toBe(false);
  expect(verifySignature('whsec_another', delivered.body, delivered.signature, new Date())).toBe(false);
  // Every attempt carried the same body.
  expect(requests.every((r) => r.body === delivered.body)).toBe(true);

  let log: Delivery[] = [];
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    log = await logOf(operator, registered!.endpoint.id);
    if (log[0]?.status === 'DELIVERED') break;
  }
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ eventId: event.id, eventType: 'payment.approved', status: 'DELIVERED', attemptCount: 4, lastStatus: 200 });
  expect(log[0].attempts.map((a) => [a.number, a.status, a.error])).toEqual([
    [1, 500, 'HTTP 500'],
    [2, 500, 'HTTP 500'],
    [3, 500, 'HTTP 500'],
    [4, 200, null],
  ]);

  // The owner asks for it again: it is sent once more, with a fresh signature.
  const redelivered = await system.queryAs<{ redeliverWebhookEvent: { id: string; status: string } }>(
    operator,
    `mutation R($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { id status } }`,
    { id: log[0].id },
  );
  expect(redelivered.errors).toBeUndefined();
  expect(redelivered.data!.redeliverWebhookEvent).toEqual({ id: log[0].id, status: 'PENDING' });
  await receiver.until((r) => r.length >= 5);
  expect(receiver.received[4].body).toBe(delivered.body);
  expect(verifySignature(registered!.signingSecret, receiver.received[4].body, receiver.received[4].signature, new Date())).toBe(true);
});

it("sends a customer's endpoint only that customer's events; other callers neither see its log nor redeliver", async () => {
  const receiver = await startReceiver(() => 200);
  const everyone = await startReceiver(() => 200);
  receivers.push(receiver, everyone);
  const [alice, bob] = [await customerWithCard(), await customerWithCard()];
  const aliceToken = system.token(alice.customerId);
  const bobToken = system.token(bob.customerId);
  const { registered } = await register(aliceToken, 'registerCustomerWebhookEndpoint', receiver.url);
  expect(registered!.endpoint.scope).toBe('CUSTOMER');
  const operatorEndpoint = await register(system.token('operator'), 'registerWebhookEndpoint', everyone.url);
  expect(operatorEndpoint.errors).toBeUndefined();

  expect((await bob.holder.pay(bob.binding, 5_00)).ok).toBe(true);
  expect((await alice.holder.pay(alice.binding, 7_00)).ok).toBe(true);
  expect((await bob.holder.pay(bob.binding, 6_00)).ok).toBe(true);

  // The operator's endpoint gets all three; by then each event was fanned out to every endpoint.
  const customerOf = (body: string) => (JSON.parse(body) as { customerId: string }).customerId;
  await everyone.until((r) => r.filter((x) => [alice.customerId, bob.customerId].includes(customerOf(x.body))).length >= 3);
  await receiver.until((r) => r.length >= 1);
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.received.map((r) => customerOf(r.body))).toEqual([alice.customerId]);
  const aliceLog = await logOf(aliceToken, registered!.endpoint.id);
  expect(aliceLog).toHaveLength(1);
  expect(aliceLog[0].eventId).toBe(receiver.received[0].eventId);

  // Bob sees none of Alice's endpoints and cannot redeliver her deliveries.
  expect(await allEndpoints(system, bobToken, LOG)).toEqual([]);
  const refused = await system.queryAs(bobToken, `mutation R($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { id } }`, {
    id: aliceLog[0].id,
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

it("the issuer's events reach a customer's endpoint, signed, and an operator's: a card locked and unlocked, a repayment posted", async () => {
  const mine = await startReceiver(() => 200);
  const everyone = await startReceiver(() => 200);
  receivers.push(mine, everyone);
  const REGISTER_TYPES = (field: string) => `mutation R($url: String!, $types: [String!]!) {
    ${field}(url: $url, eventTypes: $types) { signingSecret endpoint { id eventTypes } } }`;
  const types = ['card.locked', 'card.unlocked', 'repayment.posted'];
  const customer = await insertCustomer(system, { cards: 1, billItems: 1, paid: false });
  const other = await insertCustomer(system, { cards: 1, billItems: 0 });
  const token = system.token(customer.customerId);
  const own = await system.queryAs<{
    registerCustomerWebhookEndpoint: { signingSecret: string; endpoint: { id: string; eventTypes: string[] } };
  }>(token, REGISTER_TYPES('registerCustomerWebhookEndpoint'), { url: mine.url, types });
  expect(own.errors).toBeUndefined();
  expect(own.data!.registerCustomerWebhookEndpoint.endpoint.eventTypes).toEqual(types);
  const operator = await system.queryAs<{ registerWebhookEndpoint: { signingSecret: string } }>(
    system.token('operator'),
    REGISTER_TYPES('registerWebhookEndpoint'),
    { url: everyone.url, types: ['card.locked'] },
  );
  expect(operator.errors).toBeUndefined();

  const holder = holderClient(system, customer.customerId);
  expect((await holder.lockCard(customer.cardIds[0])).data?.lockCard.ok).toBe(true);
  expect((await holder.unlockCard(customer.cardIds[0])).data?.unlockCard.ok).toBe(true);
  const repaid = await system.queryAs<{ repay: { ok: boolean } }>(token, `mutation($input: RepayInput!) { repay(input: $input) { ok } }`, {
    input: { customerId: customer.customerId, amountFen: 20_00, idempotencyKey: `webhook-repay-${customer.customerId}` },
  });
  expect(repaid.data?.repay.ok).toBe(true);
  // Another customer's lock: the operator's endpoint gets it too, the customer's does not.
  expect((await holderClient(system, other.customerId).lockCard(other.cardIds[0])).data?.lockCard.ok).toBe(true);

  await mine.until((r) => r.length >= 3);
  const bodies = mine.received.map(
    (r) => JSON.parse(r.body) as { type: string; customerId: string; cardId: string | null; payload: Record<string, unknown> },
  );
  expect(bodies.map((b) => b.type).sort()).toEqual(['card.locked', 'card.unlocked', 'repayment.posted']);
  expect(bodies.every((b) => b.customerId === customer.customerId)).toBe(true);
  expect(bodies.find((b) => b.type === 'card.locked')!.cardId).toBe(customer.cardIds[0]);
  expect(bodies.find((b) => b.type === 'repayment.posted')!.payload).toMatchObject({ amountFen: '2000' });
  const secret = own.data!.registerCustomerWebhookEndpoint.signingSecret;
  for (const request of mine.received) expect(verifySignature(secret, request.body, request.signature, new Date())).toBe(true);
  // Each event once, and the log names each with its type.
  expect(new Set(mine.received.map((r) => r.eventId)).size).toBe(3);
  const log = await logOf(token, own.data!.registerCustomerWebhookEndpoint.endpoint.id);
  expect(log.map((d) => d.eventType).sort()).toEqual(['card.locked', 'card.unlocked', 'repayment.posted']);

  const locks = () => everyone.received.map((r) => JSON.parse(r.body) as { type: string; customerId: string });
  await everyone.until(() => locks().filter((b) => [customer.customerId, other.customerId].includes(b.customerId)).length >= 2);
  expect(locks().every((b) => b.type === 'card.locked')).toBe(true);
  for (const request of everyone.received)
    expect(verifySignature(operator.data!.registerWebhookEndpoint.signingSecret, request.body, request.signature, new Date())).toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect(mine.received).toHaveLength(3);
});

it('answers payments while endpoints hang past the timeout, answer 503 or refuse the connection; each failure is logged and retried', async () => {
  const hanging = await startReceiver(() => 'hang');
  const failing = await startReceiver(() => 503);
  receivers.push(hanging, failing);
  const refusedUrl = await closedPortUrl();
  const customer = await customerWithCard();
  const token = system.token(customer.customerId);
  const endpointIds: Record<'hanging' | 'failing' | 'refused', string> = { hanging: '', failing: '', refused: '' };
  for (const [name, url] of [
    ['hanging', hanging.url],
    ['failing', failing.url],
    ['refused', refusedUrl],
  ] as const) {
    const { registered, errors } = await register(token, 'registerCustomerWebhookEndpoint', url);
    expect(errors).toBeUndefined();
    endpointIds[name] = registered!.endpoint.id;
  }

  expect((await customer.holder.pay(customer.binding, 1_00)).ok).toBe(true);
  await hanging.until((r) => r.length >= 1);
  // While that request hangs the other endpoints are tried again and again: a slow endpoint holds its own request only.
  await failing.until((r) => r.length >= 3);
  await waitForLog(token, endpointIds.refused, (d) => d.attemptCount >= 3);
  expect(hanging.pendingCount()).toBe(1);

  // A payment is answered while all three fail, the hanging request still open when it is.
  const started = Date.now();
  expect((await customer.holder.pay(customer.binding, 2_00)).ok).toBe(true);
  const tookMs = Date.now() - started;
  expect(hanging.pendingCount()).toBeGreaterThanOrEqual(1);
  expect(tookMs).toBeLessThan(REQUEST_TIMEOUT_MS);

  // Each failure is in the log with its reason, and the delivery waits for its next attempt.
  const timedOut = await waitForLog(token, endpointIds.hanging, (d) => d.attempts.length >= 1);
  expect(timedOut.attempts[0]).toEqual({ number: 1, status: null, error: `timed out after ${REQUEST_TIMEOUT_MS} ms` });
  expect(timedOut.status).toBe('PENDING');
  const answered503 = await waitForLog(token, endpointIds.failing, (d) => d.attempts.length >= 2);
  expect(answered503.attempts.slice(0, 2)).toEqual([
    { number: 1, status: 503, error: 'HTTP 503' },
    { number: 2, status: 503, error: 'HTTP 503' },
  ]);
  expect(answered503.status).toBe('PENDING');
  const refused = await waitForLog(token, endpointIds.refused, (d) => d.attempts.length >= 2);
  expect(refused.attempts[0]).toEqual({ number: 1, status: null, error: 'connection failed: ECONNREFUSED' });
  expect(refused.status).toBe('PENDING');
});

/** The URL of a port nothing listens on: a connection to it is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hooks`;
}

/** The endpoint's oldest delivery once `ready` holds of it. */
async function waitForLog(token: string, endpointId: string, ready: (delivery: Delivery) => boolean): Promise<Delivery> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
    const oldest = (await logOf(token, endpointId)).at(-1);
    if (oldest && ready(oldest)) return oldest;
    if (Date.now() > deadline) throw new Error(`the log of ${endpointId} did not show what was expected: ${JSON.stringify(oldest)}`);
  }
}

it('refuses other URL schemes and the wrong role, field by field, and registers nothing', async () => {
  const operator = system.token('operator');
  for (const url of ['ftp://example.com/hooks', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
    const { errors } = await register(operator, 'registerWebhookEndpoint', url);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  }
  const badType = await system.queryAs(operator, REGISTER('registerWebhookEndpoint'), {
    url: 'https://example.com/h',
    types: ['card.bogus'],
  });
  expect(badType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });

  const customer = await insertCustomer(system, { cards: 1, billItems: 0 });
  const asCustomer = await register(system.token(customer.customerId), 'registerWebhookEndpoint', 'https://example.com/h');
  expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const asOperator = await register(operator, 'registerCustomerWebhookEndpoint', 'https://example.com/h');
  expect(asOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const anonymous = await register(null, 'registerWebhookEndpoint', 'https://example.com/h');
  // The gateway refuses a request without a token before the wallet sees it.
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const endpoints = await allEndpoints<{ url: string }>(system, operator, LOG);
  expect(endpoints.filter((e) => e.url.includes('example.com'))).toEqual([]);
});
