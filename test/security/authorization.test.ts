/**
 * A customer reads and changes only their own data: another customer's customer, cards,
 * bindings, transactions and bills read as absent by id, through nested fields, through the
 * subgraphs' entity resolution (`_entities`, signed by the gateway's key as the gateway would)
 * and through every mutation in the supergraph — found by introspection, so a new mutation is
 * covered without editing this file.
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
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { signServiceRequest } from '@cardweave/service-kit';
import { startTestSystem, TEST_NOW, type TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

let system: TestSystem;
let schema: GraphQLSchema;
const A = { customer: '', card: '', token: '' };
const B = { customer: '', name: '', card: '', binding: '', transaction: '', bill: '' };

const SNAPSHOT = `query($id: ID!) { customer(id: $id) { status creditLine { usedFen } bills(first: 50) { edges { node { id paidFen status } } }
  cards { id status walletBindings { id status } transactions(first: 50) { edges { node { id status amountFen } } } } } }`;

beforeAll(async () => {
  system = await startTestSystem();
  const { data } = await system.query<{
    customers: {
      edges: Array<{
        node: {
          id: string;
          name: string;
          cards: Array<{ id: string; walletBindings: Array<{ id: string }>; transactions: { edges: Array<{ node: { id: string } }> } }>;
          bills: { edges: Array<{ node: { id: string } }> };
        };
      }>;
    };
  }>(
    `{ customers(first: 40) { edges { node { id name cards { id walletBindings { id } transactions(first: 1) { edges { node { id } } } } bills(first: 1) { edges { node { id } } } } } } }`,
  );
  const nodes = data!.customers.edges.map((e) => e.node);
  const b = nodes.find((n) => n.cards.some((c) => c.walletBindings.length && c.transactions.edges.length) && n.bills.edges.length)!;
  const a = nodes.find((n) => n.id !== b.id && n.cards.length)!;
  const bCard = b.cards.find((c) => c.walletBindings.length && c.transactions.edges.length)!;
  Object.assign(B, {
    customer: b.id,
    name: b.name,
    card: bCard.id,
    binding: bCard.walletBindings[0].id,
    transaction: bCard.transactions.edges[0].node.id,
    bill: b.bills.edges[0].node.id,
  });
  Object.assign(A, { customer: a.id, card: a.cards[0].id, token: system.token(a.id) });
  const introspection = await system.query(getIntrospectionQuery());
  schema = buildClientSchema(introspection.data as never);
});
afterAll(() => system?.stop());

const asA = (query: string, variables?: Record<string, unknown>) => system.queryAs(A.token, query, variables);

describe('a customer and another customer’s data', () => {
  it('sees their own card', async () => {
    const { data } = await asA(`query($id: ID!) { card(id: $id) { id customer { id } } }`, { id: A.card });
    expect(data).toEqual({ card: { id: A.card, customer: { id: A.customer } } });
  });

  it('reads another customer, card, binding and transaction by id as absent', async () => {
    const { data, errors } = await asA(
      `query($c: ID!, $card: ID!, $b: ID!, $t: ID!) { customer(id: $c) { id name } card(id: $card) { id maskedNumber } walletBinding(id: $b) { id } transaction(id: $t) { id amountFen } }`,
      { c: B.customer, card: B.card, b: B.binding, t: B.transaction },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ customer: null, card: null, walletBinding: null, transaction: null });
  });

  it('lists only themselves among customers', async () => {
    const { data } = await asA(`{ customers(first: 50) { edges { node { id } } } }`);
    expect(data).toEqual({ customers: { edges: [{ node: { id: A.customer } }] } });
  });

  it('reaches nothing of another customer through nested fields', async () => {
    const { data } = await asA(
      `query($t: ID!, $b: ID!, $card: ID!) {
        transaction(id: $t) { id card { id customer { name } walletBindings { id } } }
        walletBinding(id: $b) { card { id customer { name } } account { id } }
        card(id: $card) { customer { name cards { id } bills { edges { node { id } } } walletAccounts { id } } walletBindings { id } transactions { edges { node { id } } } }
      }`,
      { t: B.transaction, b: B.binding, card: B.card },
    );
    expect(data).toEqual({ transaction: null, walletBinding: null, card: null });
  });

  it('never gets the answer given to another identity asking the same at the same time', async () => {
    // Same document, same variables: the subgraph requests differ only in whom they act for.
    const query = `query($id: ID!) { customer(id: $id) { id name cards { id } } }`;
    const tokenB = system.token(B.customer);
    const rounds = await Promise.all(
      Array.from({ length: 20 }, () =>
        Promise.all([
          system.queryAs(tokenB, query, { id: B.customer }),
          asA(query, { id: B.customer }),
          system.query(query, { id: B.customer }),
        ]),
      ),
    );
    for (const [owner, other, operator] of rounds) {
      expect(owner.data?.customer).toMatchObject({ id: B.customer, name: B.name });
      expect(operator.data?.customer).toMatchObject({ id: B.customer, name: B.name });
      expect(other.data).toEqual({ customer: null });
    }
  });

  it('cannot send _entities through the gateway', async () => {
    const result = await asA(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: [{ __typename: 'Card', id: B.card }],
    });
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data ?? null).toBeNull();
  });

  it.each([
    ['issuer', 'Customer', () => B.customer, '... on Customer { id name }'],
    ['issuer', 'Card', () => B.card, '... on Card { id maskedNumber }'],
    ['issuer', 'Bill', () => B.bill, '... on Bill { id totalDueFen }'],
    ['wallet', 'Customer', () => B.customer, '... on Customer { walletAccounts { id } }'],
    ['wallet', 'Card', () => B.card, '... on Card { walletBindings { id } }'],
    ['clearing', 'Card', () => B.card, '... on Card { transactions { edges { node { id } } } networkLimits { ruleId } }'],
    ['clearing', 'Transaction', () => B.transaction, '... on Transaction { id amountFen }'],
  ] as const)(
    'gets nothing of another customer’s %s %s through _entities, even signed by the gateway',
    async (subgraph, type, id, selection) => {
      const url = system[subgraph].url;
      const body = JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: [{ __typename: type, id: id() }] },
      });
      const leaks = async (customerId: string) => {
        const identity = { subject: `customer:${customerId}`, customerId, roles: ['CUSTOMER' as const] };
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, identity, keyring: system.keyring }),
          },
          body,
        });
        const result = (await response.json()) as { data?: { _entities: unknown[] } };
        const entity = result.data?._entities[0] as Record<string, unknown> | null;
        // Absent, or present with every list empty (the wallet and clearing only add fields to a key).
        return !!entity && Object.values(entity).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
      };
      expect(await leaks(A.customer)).toBe(false);
      expect(await leaks(B.customer)).toBe(true); // the same request for its owner does answer
    },
  );

  it('changes nothing and learns nothing of another customer through every mutation', async () => {
    const before = await system.query(SNAPSHOT, { id: B.customer });
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(0);
    const outcomes: Record<string, string> = {};
    for (const field of mutations) {
      const variables: Record<string, unknown> = {};
      const params = field.args.map((arg) => {
        variables[arg.name] = sample(arg.name, arg.type);
        return `$${arg.name}: ${arg.type.toString()}`;
      });
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
      const returned = getNamedType(field.type);
      const selection = isObjectType(returned)
        ? Object.values(returned.getFields())
            .filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)))
            .filter((f) => f.args.length === 0)
            .map((f) => f.name)
            .join(' ') || '__typename'
        : '';
      const query = `mutation${params.length ? `(${params.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection ? `{ __typename ${selection} }` : ''} }`;
      const result = await system.queryAs(A.token, query, variables);
      expect(result.status).toBeLessThan(500);
      const text = JSON.stringify(result);
      expect(text).not.toContain(B.name);
      const code = result.errors?.[0]?.extensions?.code as string | undefined;
      outcomes[field.name] = code ?? 'DATA';
      expect([field.name, code]).toEqual([field.name, expect.stringMatching(/^(NOT_FOUND|FORBIDDEN|BAD_USER_INPUT)$/)]);
    }
    const after = await system.query(SNAPSHOT, { id: B.customer });
    expect(after).toEqual(before);
    expect(Object.keys(outcomes).length).toBe(mutations.length);
    if (process.env.CARDWEAVE_TEST_LOGS) console.log(outcomes);
  });

  it('keeps operator-only mutations from customers', async () => {
    const result = await asA(`mutation { runStatements { __typename } }`);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

/** A value for an argument, aimed at customer B wherever an id names something. */
function sample(name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(name, type.ofType);
  if (isListType(type)) return [sample(name, type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, sample(f.name, f.type)]));
  }
  const n = name.toLowerCase();
  switch (type.name) {
    case 'ID':
      if (n.includes('customer')) return B.customer;
      if (n.includes('binding')) return B.binding;
      if (n.includes('card')) return B.card;
      if (n.includes('bill')) return B.bill;
      if (n.includes('transaction')) return B.transaction;
      if (n.includes('platform')) return 'wechat-pay';
      if (n.endsWith('id') && n !== 'id') return randomUUID();
      return 'sms';
    case 'String':
      return n.includes('idempotency') ? `probe-${randomUUID().slice(0, 12)}` : n.includes('category') ? '5411' : 'probe';
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
