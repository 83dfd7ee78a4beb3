/**
 * "Not yours" and "no such thing" are one answer: for every query field and mutation that
 * takes an id (found by introspection, so a new one is covered without editing this file),
 * a customer asking with another customer's existing id gets, byte for byte, the answer a
 * random absent uuid gets — the same error message and extensions, or the same null — so
 * other customers' ids cannot be confirmed. Only where the error sits (path, locations)
 * may differ.
 */
import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

let system: TestSystem;
let schema: GraphQLSchema;
let tokenA = '';
/** Customer B's objects, by the kind of id that names them. */
const B: Record<'customer' | 'card' | 'binding' | 'transaction' | 'payment' | 'issuance' | 'delivery' | 'endpoint', string> = {
  customer: '',
  card: '',
  binding: '',
  transaction: '',
  payment: '',
  issuance: '',
  delivery: '',
  endpoint: '',
};

/** Which of B's objects an id argument names: by the argument's name, or for `id` by the field's. */
const KIND_OF_ID: Record<string, keyof typeof B> = {
  customerId: 'customer',
  cardId: 'card',
  bindingId: 'binding',
  issuanceId: 'issuance',
  deliveryId: 'delivery',
  endpointId: 'endpoint',
  'customer.id': 'customer',
  'card.id': 'card',
  'walletBinding.id': 'binding',
  'transaction.id': 'transaction',
  'payment.id': 'payment',
  'cardIssuance.id': 'issuance',
};
/** Id arguments that name no customer's object. */
const NOT_OBJECT_IDS = new Set(['walletPlatform', 'stepId']);

beforeAll(async () => {
  system = await startTestSystem();
  const { data } = await system.query<{
    customers: { edges: Array<{ node: { id: string; cards: Array<{ id: string; walletBindings: Array<{ id: string }> }> } }> };
  }>(`{ customers(first: 40) { edges { node { id cards { id walletBindings { id } } } } } }`);
  const nodes = data!.customers.edges.map((e) => e.node);
  const b = nodes.find((n) => n.cards.some((c) => c.walletBindings.length))!;
  const a = nodes.find((n) => n.id !== b.id && n.cards.length)!;
  const bCard = b.cards.find((c) => c.walletBindings.length)!;
  Object.assign(B, { customer: b.id, card: bCard.id, binding: bCard.walletBindings[0].id });
  tokenA = system.token(a.id);

  // B pays once: a payment and its network transaction of B's own.
  const paid = await system.queryAs<{ pay: { payment: { id: string; transaction: { id: string } | null } | null } }>(
    system.token(b.id),
    `mutation($input: PayInput!) { pay(input: $input) { payment { id transaction { id } } } }`,
    {
      input: {
        idempotencyKey: `not-found-${randomUUID().slice(0, 8)}`,
        bindingId: B.binding,
        amountFen: 100,
        merchantName: '永辉超市',
        merchantCategoryCode: '5411',
      },
    },
  );
  B.payment = paid.data!.pay.payment!.id;
  B.transaction = paid.data!.pay.payment!.transaction!.id;
  // And an issuance of B's, as startCardIssuance records it.
  B.issuance = randomUUID();
  const issuer = system.issuer.database.dataSource;
  const [line] = (await issuer.query(`SELECT id, issuer_platform FROM issuer.credit_lines WHERE customer_id = $1`, [b.id])) as Array<{
    id: string;
    issuer_platform: string;
  }>;
  await issuer.query(
    `INSERT INTO issuer.card_issuances (id, customer_id, credit_line_id, issuer_platform, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'VERIFYING', $5, $5)`,
    [B.issuance, b.id, line.id, line.issuer_platform, TEST_NOW],
  );
  // And a webhook delivery to an endpoint of B's own, as the wallet's worker records one.
  const wallet = system.wallet.database.dataSource;
  const endpoint = randomUUID();
  B.endpoint = endpoint;
  B.delivery = randomUUID();
  await wallet.query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, created_at) VALUES ($1, 'https://hooks.example/b', ARRAY['payment.approved'], $2, 'secret-of-b', $3)`,
    [endpoint, b.id, TEST_NOW],
  );
  await wallet.query(
    `INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, give_up_after, created_at) VALUES ($1, $2, $3, 'FAILED', $4, $4)`,
    [B.delivery, randomUUID(), endpoint, TEST_NOW],
  );
  for (const [kind, id] of Object.entries(B)) expect([kind, id]).toEqual([kind, expect.stringMatching(/^[0-9a-f-]{36}$/)]);

  schema = buildClientSchema((await system.query(getIntrospectionQuery())).data as never);
});
afterAll(() => system?.stop());

/** Every id argument of a field, top-level or inside its input objects, by path. */
function idArguments(field: GraphQLField<unknown, unknown>): Array<{ path: string[]; name: string }> {
  const found: Array<{ path: string[]; name: string }> = [];
  const walk = (name: string, type: GraphQLInputType, path: string[]) => {
    const named = getNamedType(type);
    if (isInputObjectType(named)) for (const f of Object.values(named.getFields())) walk(f.name, f.type, [...path, f.name]);
    else if (named.name === 'ID') found.push({ path, name });
  };
  for (const arg of field.args) walk(arg.name, arg.type, [arg.name]);
  return found;
}

function kindOf(field: string, name: string): keyof typeof B {
  const kind = KIND_OF_ID[name] ?? KIND_OF_ID[`${field}.${name}`];
  if (!kind) throw new Error(`${field}(${name}) takes an id this test does not know: add it to KIND_OF_ID`);
  return kind;
}

/** A value for a plain argument; the same for both requests of a pair except the id probed. */
function sample(name: string, type: GraphQLInputType, ids: Record<string, string>, path: string[]): unknown {
  if (isNonNullType(type)) return sample(name, type.ofType, ids, path);
  if (isListType(type)) return [sample(name, type.ofType, ids, path)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, sample(f.name, f.type, ids, [...path, f.name])]));
  }
  const at = path.join('.');
  if (type.name === 'ID') {
    if (ids[at]) return ids[at];
    if (name === 'walletPlatform') return 'wechat-pay';
    if (name === 'stepId') return 'face';
  }
  switch (type.name) {
    case 'String':
      return name.toLowerCase().includes('idempotency')
        ? `probe-${randomUUID().slice(0, 12)}`
        : name.includes('Category')
          ? '5411'
          : 'probe';
    case 'Int':
      return 1;
    case 'Fen':
      return 100;
    case 'Boolean':
      return false;
    case 'DateTime':
      return TEST_NOW;
    case 'Date':
      return TEST_NOW.slice(0, 10);
    default:
      return 'probe';
  }
}

function requestFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ids: Record<string, string>) {
  const variables: Record<string, unknown> = {};
  const params = field.args.map((arg: GraphQLArgument) => {
    variables[arg.name] = sample(arg.name, arg.type, ids, [arg.name]);
    return `$${arg.name}: ${arg.type.toString()}`;
  });
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const returned = getNamedType(field.type);
  const scalars = isObjectType(returned)
    ? Object.values(returned.getFields())
        .filter((f) => (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))) && f.args.length === 0)
        .map((f) => f.name)
        .join(' ')
    : '';
  const selection = isObjectType(returned) ? `{ __typename ${scalars} }` : '';
  return { query: `${operation}(${params.join(', ')}) { ${field.name}(${args.join(', ')}) ${selection} }`, variables };
}

/** The answer with only where its errors sit removed. */
function comparable(answer: { status: number; data?: unknown; errors?: Array<Record<string, unknown>> }): string {
  const errors = answer.errors?.map(({ path: _path, locations: _locations, ...rest }) => rest);
  return JSON.stringify({ status: answer.status, data: answer.data ?? null, errors: errors ?? null });
}

describe('another customer’s id and an absent id', () => {
  it('get one answer from every query field and mutation that takes an id', async () => {
    const compared: string[] = [];
    const differences: Array<{ probe: string; absent: string; theirs: string }> = [];
    for (const operation of ['query', 'mutation'] as const) {
      const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(root.getFields())) {
        for (const id of idArguments(field).filter((i) => !NOT_OBJECT_IDS.has(i.name))) {
          const at = id.path.join('.');
          const kind = kindOf(field.name, id.name);
          const theirs = requestFor(operation, field, { [at]: B[kind] });
          const absent = requestFor(operation, field, { [at]: randomUUID() });
          const [theirAnswer, absentAnswer] = [
            await system.queryAs(tokenA, theirs.query, theirs.variables),
            await system.queryAs(tokenA, absent.query, absent.variables),
          ];
          const probe = `${field.name}(${at})`;
          compared.push(probe);
          expect([probe, theirAnswer.status < 500]).toEqual([probe, true]);
          // Nothing of B's comes back, not even the id asked about.
          expect([probe, JSON.stringify(theirAnswer).includes(B[kind])]).toEqual([probe, false]);
          if (comparable(absentAnswer as never) !== comparable(theirAnswer as never)) {
            differences.push({ probe, absent: comparable(absentAnswer as never), theirs: comparable(theirAnswer as never) });
          }
        }
      }
    }
    expect(differences).toEqual([]);
    // What exists today is all compared; a new id-taking field joins by itself.
    expect(compared).toEqual(
      expect.arrayContaining([
        'customer(id)',
        'card(id)',
        'cardIssuance(id)',
        'transaction(id)',
        'walletBinding(id)',
        'payment(id)',
        'pay(input.bindingId)',
        'bindCard(input.cardId)',
        'repayThroughWallet(input.customerId)',
        'startCardIssuance(input.customerId)',
        'verifyCardIssuanceStep(input.issuanceId)',
        'issueCard(input.issuanceId)',
        'repay(input.customerId)',
        'freezeCustomer(input.customerId)',
        'unfreezeCustomer(input.customerId)',
        'redeliverWebhookEvent(deliveryId)',
        'deleteWebhookEndpoint(endpointId)',
        'rotateWebhookEndpointSecret(endpointId)',
      ]),
    );
  });
});
