/**
 * Who lists which webhook endpoints, through the gateway: an operator every endpoint (the
 * operators' and each customer's, as they may delete any), a customer only their own; as a
 * connection, oldest first, page by page each endpoint once, the deleted ones only when asked; each
 * saying whose it is (its customer's id, null for an operator's).
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { allEndpoints, endpointPage } from './webhook-endpoint-pages';

jest.setTimeout(60_000);

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, webhookWorker: false });
});

afterAll(async () => {
  await system?.stop();
});

interface Endpoint {
  id: string;
  url: string;
  scope: 'ALL_CUSTOMERS' | 'CUSTOMER';
  customerId: string | null;
  createdAt: string;
  deletedAt: string | null;
}
const FIELDS = 'id url scope customerId createdAt deletedAt';

async function register(token: string, field: 'registerWebhookEndpoint' | 'registerCustomerWebhookEndpoint', url: string): Promise<string> {
  const { data, errors } = await system.queryAs<Record<string, { endpoint: { id: string } }>>(
    token,
    `mutation R($url: String!) { ${field}(url: $url, eventTypes: ["payment.approved"]) { endpoint { id } } }`,
    { url },
  );
  expect(errors).toBeUndefined();
  return data![field].endpoint.id;
}

async function customerWithId() {
  const { customerId } = await insertCustomer(system, { cards: 1, billItems: 0 });
  return { customerId, token: system.token(customerId) };
}

async function customer() {
  return (await customerWithId()).token;
}

it("lists every endpoint to an operator, a customer's too, and to a customer only their own", async () => {
  const operator = system.token('operator');
  const alice = await customer();
  const bob = await customer();
  const everyone = await register(operator, 'registerWebhookEndpoint', 'https://ops.example.com/all');
  const aliceFirst = await register(alice, 'registerCustomerWebhookEndpoint', 'https://alice.example.com/1');
  const aliceSecond = await register(alice, 'registerCustomerWebhookEndpoint', 'https://alice.example.com/2');
  const bobs = await register(bob, 'registerCustomerWebhookEndpoint', 'https://bob.example.com/1');

  const seenByOperator = await allEndpoints<Endpoint>(system, operator, FIELDS);
  const ids = seenByOperator.map((e) => e.id);
  expect(ids).toEqual(expect.arrayContaining([everyone, aliceFirst, aliceSecond, bobs]));
  expect(new Set(ids).size).toBe(ids.length);
  expect(seenByOperator.find((e) => e.id === everyone)!.scope).toBe('ALL_CUSTOMERS');
  expect(seenByOperator.find((e) => e.id === bobs)!.scope).toBe('CUSTOMER');

  // Two registered in the same instant come in the order of their ids.
  expect((await allEndpoints<Endpoint>(system, alice, FIELDS)).map((e) => e.id).sort()).toEqual([aliceFirst, aliceSecond].sort());
  expect((await allEndpoints<Endpoint>(system, bob, FIELDS)).map((e) => e.id)).toEqual([bobs]);
});

it('pages an operator through every endpoint oldest first, each once, the same as one large page', async () => {
  const operator = system.token('operator');
  const carol = await customer();
  for (let i = 0; i < 3; i++) await register(operator, 'registerWebhookEndpoint', `https://ops.example.com/page-${i}`);
  for (let i = 0; i < 4; i++) await register(carol, 'registerCustomerWebhookEndpoint', `https://carol.example.com/page-${i}`);

  const whole = await allEndpoints<Endpoint>(system, operator, FIELDS, false, 100);
  expect(whole.length).toBeGreaterThanOrEqual(7);
  const times = whole.map((e) => Date.parse(e.createdAt));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  // Pages of two: every endpoint once, in the same order, however many pages it takes.
  expect((await allEndpoints<Endpoint>(system, operator, FIELDS, false, 2)).map((e) => e.id)).toEqual(whole.map((e) => e.id));

  const first = (await endpointPage<Endpoint>(system, operator, FIELDS, { first: 2 })).data!.webhookEndpoints;
  expect(first.edges).toHaveLength(2);
  expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
  // A customer's pages hold their own endpoints only (those registered in the same instant in the order of their ids).
  const carolPage = (await endpointPage<Endpoint>(system, carol, FIELDS, { first: 3 })).data!.webhookEndpoints;
  expect(carolPage.edges).toHaveLength(3);
  expect(carolPage.pageInfo.hasNextPage).toBe(true);
  const carolRest = (await endpointPage<Endpoint>(system, carol, FIELDS, { first: 3, after: carolPage.pageInfo.endCursor })).data!
    .webhookEndpoints;
  expect(carolRest.edges).toHaveLength(1);
  expect(carolRest.pageInfo.hasNextPage).toBe(false);
  const carols = [...carolPage.edges, ...carolRest.edges].map((e) => e.node.url);
  expect([...carols].sort()).toEqual([0, 1, 2, 3].map((i) => `https://carol.example.com/page-${i}`));
  expect(carols).toEqual(whole.map((e) => e.url).filter((url) => url.startsWith('https://carol.example.com/')));
});

it("shows an operator a customer's deleted endpoint only when asked, as it shows the customer", async () => {
  const operator = system.token('operator');
  const dave = await customer();
  const doomed = await register(dave, 'registerCustomerWebhookEndpoint', 'https://dave.example.com/doomed');
  const deleted = await system.queryAs(operator, `mutation D($id: ID!) { deleteWebhookEndpoint(endpointId: $id) { id } }`, { id: doomed });
  expect(deleted.errors).toBeUndefined();

  for (const token of [operator, dave]) {
    expect((await allEndpoints<Endpoint>(system, token, FIELDS)).map((e) => e.id)).not.toContain(doomed);
    const kept = (await allEndpoints<Endpoint>(system, token, FIELDS, true)).find((e) => e.id === doomed);
    expect(kept?.deletedAt).toEqual(expect.any(String));
  }
});

it('refuses a page size out of range and a cursor it did not issue, as the other connections do', async () => {
  const operator = system.token('operator');
  for (const first of [0, 101]) {
    const { errors } = await endpointPage(system, operator, 'id', { first });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
  const forged = await endpointPage(system, operator, 'id', { after: 'not-a-cursor' });
  expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

it("says whose each endpoint is: the customer's id to an operator and to that customer, null for an operator's", async () => {
  const operator = system.token('operator');
  const dana = await customerWithId();
  const erin = await customerWithId();
  const everyone = await register(operator, 'registerWebhookEndpoint', 'https://ops.example.com/owner');
  const danas = await register(dana.token, 'registerCustomerWebhookEndpoint', 'https://dana.example.com/1');
  const erins = await register(erin.token, 'registerCustomerWebhookEndpoint', 'https://erin.example.com/1');

  const seenByOperator = await allEndpoints<Endpoint>(system, operator, FIELDS, false, 100);
  const owner = (id: string) => seenByOperator.find((e) => e.id === id)!.customerId;
  expect(owner(everyone)).toBeNull();
  expect(owner(danas)).toBe(dana.customerId);
  expect(owner(erins)).toBe(erin.customerId);

  expect((await allEndpoints<Endpoint>(system, dana.token, FIELDS)).map((e) => [e.id, e.customerId])).toEqual([[danas, dana.customerId]]);
});
