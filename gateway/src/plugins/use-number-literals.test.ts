/**
 * Number literals written in a document, through the real gateway and its query planner: one
 * beyond what its scalar holds, or beyond what the planner parses, is refused as bad input
 * naming where it was, before any planning; one in range goes on to the subgraphs.
 */
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { buildSchema, parse, validate } from 'graphql';
import { startGateway, type RunningGateway } from '../gateway';
import { NumberLiteralRangeRule } from './use-number-literals';

let gateway: RunningGateway;
let token: string;

// No subgraph listens there: a document that passes the gateway's checks fails as SUBGRAPH_UNAVAILABLE.
const NOWHERE = 'http://127.0.0.1:9/graphql';

beforeAll(async () => {
  const keyring = keyringFromLocalKeySet(generateLocalKeySet());
  gateway = await startGateway({
    logging: false,
    keyring,
    readRetries: 0,
    subgraphUrls: { issuer: NOWHERE, wallet: NOWHERE, clearing: NOWHERE },
  });
  token = mintToken({ privateKey: keyring.jwtPrivateKey!, roles: ['OPERATOR'] });
});

afterAll(async () => {
  await gateway?.stop();
});

async function send(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  };
}

const payWith = (amount: string) =>
  `mutation { pay(input: { idempotencyKey: "literal-1", bindingId: "b", amountFen: ${amount}, merchantName: "M", merchantCategoryCode: "5411" }) { ok } }`;

describe('number literals beyond range', () => {
  it.each([
    ['beyond a signed 64-bit integer', '9223372036854775808'],
    ['below a signed 64-bit integer', '-9223372036854775809'],
    ['beyond a JSON-safe integer, within 64 bits', '9007199254740992'],
    ['the largest 64-bit integer', '9223372036854775807'],
    ['a fraction', '1.5'],
    ['an infinite float', '1e400'],
  ])('refuses a Fen literal %s as BAD_USER_INPUT naming the input field', async (_, amount) => {
    const { status, body } = await send(payWith(amount));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.amountFen' }) }),
    ]);
  });

  it('refuses one in a variable default value', async () => {
    const { status, body } = await send(
      `mutation($input: PayInput! = { idempotencyKey: "literal-2", bindingId: "b", amountFen: 9223372036854775808, merchantName: "M", merchantCategoryCode: "5411" }) { pay(input: $input) { ok } }`,
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: '$input.amountFen' }) }),
    ]);
  });

  it('refuses an id literal the query planner cannot parse', async () => {
    const direct = await send('{ customer(id: 99999999999999999999) { id } }');
    expect(direct.status).toBe(400);
    expect(direct.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }) }),
    ]);
  });

  it("leaves a number in a Boolean directive argument to GraphQL's own check, and in-range directives go on", async () => {
    const { status, body } = await send('{ __typename @include(if: true) customer(id: "c") @skip(if: false) { id @skip(if: false) } }');
    // In range: goes on (the issuer is unreachable here).
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    const bad = await send('query Q { __typename @include(if: 9223372036854775808) }');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it('lets an amount in range go on to the subgraphs', async () => {
    for (const amount of ['100', '9007199254740991', '-9007199254740991']) {
      const { status, body } = await send(payWith(amount));
      expect(status).toBe(200);
      expect(body.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    }
  });
});

describe('NumberLiteralRangeRule', () => {
  // Positions the supergraph has none of yet: lists of numbers, directive arguments taking an ID or a Fen.
  const schema = buildSchema(`
    scalar Fen
    directive @tagged(id: ID, fen: Fen) on FIELD
    input Split { shares: [Fen!]! }
    type Query { total(amounts: [Fen!], split: Split, ids: [ID!]): Int }
  `);
  const problems = (query: string) =>
    validate(schema, parse(query), [NumberLiteralRangeRule]).map((e) => ({
      field: e.extensions.field,
      code: e.extensions.code,
    }));

  it('names the list item, the nested input field and the directive argument', () => {
    expect(problems('{ total(amounts: [1, 9007199254740992]) }')).toEqual([{ field: 'amounts[1]', code: 'BAD_USER_INPUT' }]);
    expect(problems('{ total(split: { shares: [1, 2, -9007199254740992] }) }')).toEqual([
      { field: 'split.shares[2]', code: 'BAD_USER_INPUT' },
    ]);
    expect(problems('{ total(ids: [9223372036854775808]) }')).toEqual([{ field: 'ids[0]', code: 'BAD_USER_INPUT' }]);
    expect(problems('{ total @tagged(id: 9223372036854775808, fen: 0.5) }')).toEqual([
      { field: '@tagged.id', code: 'BAD_USER_INPUT' },
      { field: '@tagged.fen', code: 'BAD_USER_INPUT' },
    ]);
    expect(problems('query($a: [Fen!] = [12, 1e400]) { total(amounts: $a) }')).toEqual([{ field: '$a[1]', code: 'BAD_USER_INPUT' }]);
  });

  it('lets numbers in range through', () => {
    expect(
      problems(
        'query($a: [Fen!] = [9007199254740991]) { total(amounts: $a, ids: [9223372036854775807, -9223372036854775808]) @tagged(fen: -9007199254740991) }',
      ),
    ).toEqual([]);
  });
});
