/**
 * The hostile corpus: requests an attacker or a broken client sends. Every one gets a clear
 * error — a 4xx, or a GraphQL error with a canonical code — and none a 5xx; none changes any
 * data; the gateway and the subgraphs stay up and ready throughout.
 */
import { createHmac, randomUUID, sign } from 'node:crypto';
import { generateLocalKeySet, keyringFromLocalKeySet, HEADER, signServiceRequest, mintToken } from '@cardweave/service-kit';
import { ALL_ERROR_CODES } from '@cardweave/gateway';
import { startTestSystem, type TestSystem } from '../support/test-system';

jest.setTimeout(180_000);

let system: TestSystem;
let own = { customer: '', card: '', binding: '' };
let token = '';
let snapshotBefore = '';

interface Hostile {
  name: string;
  send: () => Promise<Response>;
}

const corpus: Hostile[] = [];
const gw = () => system.gateway.url;
const json = (body: unknown) => JSON.stringify(body);

/** POST to the gateway with customer A's token unless `auth` says otherwise. */
function post(body: string | Blob, headers: Record<string, string> = {}, auth: string | null | undefined = undefined) {
  const bearer = auth === undefined ? token : auth;
  return fetch(gw(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
    body,
  });
}
const gql = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) => post(json({ query, variables, ...extra }));
const add = (name: string, send: () => Promise<Response>) => corpus.push({ name, send });

// 1. Malformed JSON and HTTP
for (const [name, body] of [
  ['empty body', ''],
  ['open brace', '{'],
  ['bare array', '['],
  ['null', 'null'],
  ['a string', '"{ __typename }"'],
  ['a number', '42'],
  ['truncated', '{"query": "{ __typename }"'],
  ['trailing garbage', '{"query": "{ __typename }"} xyz'],
  ['single quotes', "{'query': '{ __typename }'}"],
  ['query is a number', '{"query": 1}'],
  ['query is null', '{"query": null}'],
  ['query is an object', '{"query": {"a": 1}}'],
  ['variables is a string', '{"query": "{ __typename }", "variables": "x"}'],
  ['variables is an array', '{"query": "{ __typename }", "variables": [1]}'],
  ['operationName is a number', '{"query": "{ __typename }", "operationName": 5}'],
  ['extensions is a string', '{"query": "{ __typename }", "extensions": "x"}'],
  ['deeply nested JSON', `{"query": "query($a: [Int]) { __typename }", "variables": {"a": ${'['.repeat(5000)}${']'.repeat(5000)}}}`],
  ['byte order mark', '\ufeff{"query": "{ __typename }"}'],
] as const) {
  add(`malformed JSON: ${name}`, () => post(body));
}
add('invalid UTF-8 bytes', () => post(new Blob([new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0xff, 0xfe, 0x7d])])));
add('text/plain body (CSRF shape)', () => post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }));
add('form body', () => post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }));
add('GET with a mutation', () =>
  fetch(`${gw()}?query=${encodeURIComponent('mutation { runStatements { __typename } }')}`, {
    headers: { authorization: `Bearer ${token}` },
  }),
);
add('PUT', () =>
  fetch(gw(), { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' }),
);
add('DELETE', () => fetch(gw(), { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }));
add('batched array of operations', () => post(json([{ query: '{ __typename }' }, { query: '{ __typename }' }])));

// 2. Malformed GraphQL
for (const [name, query] of [
  ['unclosed brace', '{'],
  ['empty document', ''],
  ['only whitespace', '   \n\t '],
  ['bare keyword', 'mutation'],
  ['missing argument value', '{ customer(id: ) { id } }'],
  ['unknown field', '{ nope }'],
  ['unknown nested field', '{ customers { edges { node { password } } } }'],
  ['missing selection', '{ customer(id: "00000000-0000-4000-8000-000000000001") }'],
  ['selection on a scalar', '{ __typename { x } }'],
  ['subscription', 'subscription { customers { edges { node { id } } } }'],
  ['fragment cycle', 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }'],
  ['two anonymous operations', '{ __typename } { __typename }'],
  ['unknown directive', '{ __typename @evil }'],
  ['bad directive argument', '{ __typename @skip(if: "yes") }'],
  ['unterminated string', '{ customer(id: "abc) { id } }'],
  ['NUL byte in the document', '{ __typename \u0000 }'],
  ['unused variable of unknown type', 'query($x: Evil) { __typename }'],
  ['duplicate operation names', 'query A { __typename } query A { __typename }'],
] as const) {
  add(`malformed GraphQL: ${name}`, () => gql(query));
}
add('operationName naming nothing', () => gql('query A { __typename }', undefined, { operationName: 'B' }));
add('introspection of a private type (_Service)', () => gql('{ _service { sdl } }'));

// 3. Huge and deeply nested
const deep = (n: number) => `{ customers { edges { node { ${'cards { customer { '.repeat(n)}id${' } }'.repeat(n)} } } } }`;
add('depth 20', () => gql(deep(10)));
add('depth 100', () => gql(deep(50)));
add('100 aliases', () => gql(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ')} }`));
add('5,000 tokens', () => gql(`{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`));
const limitStatus =
  'ruleId platform { id role displayName { zhCN en } } kind window scope limitFen usedFen remainingFen countLimit usedCount resetsAt blockedCode description { zhCN en }';
const wideCard = `networkLimits { ${limitStatus} } issuerLimit { ${limitStatus} } payableNow { amountFen rules { ${limitStatus} } bindingRule { ${limitStatus} } }
  walletBindings { walletLimits { ${limitStatus} } account { limits { ${limitStatus} } } }`;
add('cost bomb: every limit of every card, three times', () =>
  gql(`{ ${['a', 'b', 'c'].map((k) => `${k}: customers(first: 100) { edges { node { cards { ${wideCard} } } } }`).join(' ')} }`),
);
add('fragment fan-out', () =>
  gql(`fragment F on Customer { id name cards { id } } { customers(first: 100) { edges { node { ${'...F '.repeat(1500)} } } } }`),
);
add('1 MB body', () => gql(`{ __typename } # ${'x'.repeat(1024 * 1024)}`));
add('70 KB body', () => gql(`{ __typename } # ${'x'.repeat(70 * 1024)}`));
add('page size a million', () => gql(`{ customers(first: 1000000) { edges { node { id } } } }`));
add('directive repeated 500 times', () => gql(`{ __typename ${'@include(if: true) '.repeat(500)} }`));

// 4. Wrong types
for (const [name, query, variables] of [
  ['id as a number', '{ customer(id: 123) { id } }', undefined],
  ['id as a boolean', '{ customer(id: true) { id } }', undefined],
  ['id as a list', '{ customer(id: ["a"]) { id } }', undefined],
  ['id as an object in variables', 'query($id: ID!) { customer(id: $id) { id } }', { id: { a: 1 } }],
  ['null for a required variable', 'query($id: ID!) { customer(id: $id) { id } }', { id: null }],
  ['missing required variable', 'query($id: ID!) { customer(id: $id) { id } }', {}],
  ['first as a string', '{ customers(first: "ten") { edges { node { id } } } }', undefined],
  ['first overflowing Int', '{ customers(first: 99999999999) { edges { node { id } } } }', undefined],
  ['first negative', '{ customers(first: -1) { edges { node { id } } } }', undefined],
  ['first fractional', '{ customers(first: 1.5) { edges { node { id } } } }', undefined],
  ['garbage cursor', '{ customers(after: "!!notacursor!!") { edges { node { id } } } }', undefined],
  [
    'cursor with SQL',
    `{ customers(after: "${Buffer.from(`{"sort":"x","id":"' OR 1=1 --"}`).toString('base64url')}") { edges { node { id } } } }`,
    undefined,
  ],
  ['variable of the wrong declared type', 'query($id: Int!) { customer(id: $id) { id } }', { id: 1 }],
] as const) {
  add(`wrong type: ${name}`, () => gql(query, variables));
}

// 5. Amounts, through pay and repay on the customer's own binding and account
const pay = (amountFen: unknown, extra: Record<string, unknown> = {}) =>
  gql('mutation($input: PayInput!) { pay(input: $input) { ok error { code } } }', {
    input: {
      idempotencyKey: `hostile-${randomUUID().slice(0, 8)}`,
      bindingId: own.binding,
      amountFen,
      merchantName: 'M',
      merchantCategoryCode: '5411',
      ...extra,
    },
  });
const repay = (amountFen: unknown) =>
  gql('mutation($input: RepayInput!) { repay(input: $input) { ok error { code } } }', {
    input: { customerId: own.customer, amountFen, idempotencyKey: `hostile-${randomUUID().slice(0, 8)}` },
  });
for (const [name, amount] of [
  ['negative', -100],
  ['zero', 0],
  ['fractional', 12.5],
  ['overflowing', 1e30],
  ['beyond bigint text', '999999999999999999999999'],
  ['exponent text', '1e3'],
  ['NaN text', 'NaN'],
  ['negative zero text', '-0'],
  ['hex text', '0x10'],
  ['empty text', ''],
  ['boolean', true],
] as const) {
  add(`pay amount ${name}`, () => pay(amount));
}
add('repay amount negative', () => repay(-1));
add('repay amount zero', () => repay(0));
add('repay amount fractional', () => repay(0.01));
add('repay amount overflowing', () => repay('92233720368547758070'));
add('pay amount as a literal float', () =>
  gql(
    `mutation { pay(input: { idempotencyKey: "hostile-literal-1", bindingId: "${own.binding}", amountFen: 1.5, merchantName: "M", merchantCategoryCode: "5411" }) { __typename } }`,
  ),
);

// 6. Invalid card, ID and phone numbers where an id or a verification value is expected
for (const [name, value] of [
  ['a card number as an id', '6253500000001362'],
  ['a resident ID as an id', '11010519491231002X'],
  ['a mobile number as an id', '+8613800138000'],
  ['a Luhn-failing card number', '6253500000001363'],
  ['a 30-digit number', '123456789012345678901234567890'],
  ['an ID number with a bad check character', '110105194912310021'],
] as const) {
  add(`invalid number: ${name}`, () => gql('query($id: ID!) { card(id: $id) { id } }', { id: value }));
}
for (const [name, value] of [
  ['card number', '1234'],
  ['resident ID', '11010519491231002Y'],
  ['mobile', '12345'],
  ['CVV2', 'abcd'],
  ['SMS code', '1'.repeat(500)],
] as const) {
  add(`verification value: invalid ${name}`, () =>
    gql('mutation($input: VerifyCardIssuanceStepInput!) { verifyCardIssuanceStep(input: $input) { __typename } }', {
      input: {
        issuanceId: randomUUID(),
        stepId: 'sms',
        fields: [{ name: name.replace(/\s/g, ''), value }],
        idempotencyKey: `hostile-${randomUUID().slice(0, 8)}`,
      },
    }),
  );
}
add('pay with a card number for a binding id', () => pay(100, { bindingId: '6253500000001362' }));

// 7. Unicode tricks
for (const [name, value] of [
  ['right-to-left override', '\u202e00000000-0000-4000-8000-000000000001'],
  ['zero-width joiner inside an id', '00000000-0000-4000-8000-0000000000\u200d01'],
  ['full-width digits', '０００００００００-0000-4000-8000-000000000001'],
  ['Cyrillic homoglyphs', '00000000-0000-4000-8000-00000000000а'],
  ['lone surrogate', '\ud800'],
  ['emoji', '💳💳💳'],
  ['combining characters', 'a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301'],
] as const) {
  add(`unicode: ${name}`, () => gql('query($id: ID!) { customer(id: $id) { id } }', { id: value }));
}
add('unicode: merchant name with control characters', () => pay(100, { merchantName: '\u0000\u0007\u001b[31mM\u202e' }));

// 8. SQL in strings
for (const [name, value] of [
  ['tautology', "' OR '1'='1"],
  ['stacked drop', "'; DROP TABLE issuer.cards; --"],
  ['union select', "x' UNION SELECT id, customer_id FROM issuer.cards --"],
  ['comment', "00000000-0000-4000-8000-000000000001'--"],
] as const) {
  add(`SQL in an id: ${name}`, () =>
    gql('query($id: ID!) { customer(id: $id) { id } card(id: $id) { id } transaction(id: $id) { id } walletBinding(id: $id) { id } }', {
      id: value,
    }),
  );
}
add('SQL in an idempotency key', () => pay(100, { idempotencyKey: "x'); DELETE FROM wallet.card_bindings; --" }));
add('SQL in a merchant name', () => pay(-5, { merchantName: "'); UPDATE issuer.credit_lines SET used_fen = 0; --" }));
add('SQL in operationName', () => gql('query Evil { __typename }', undefined, { operationName: "Evil'; DROP TABLE x; --" }));
add('SQL in a repay customer id', () =>
  gql('mutation($input: RepayInput!) { repay(input: $input) { __typename } }', {
    input: { customerId: "' OR 1=1 --", amountFen: 100, idempotencyKey: 'hostile-sql-repay' },
  }),
);

// 9. Forged tokens
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const claims = () => ({
  iss: 'https://auth.cardweave.local',
  aud: 'cardweave-gateway',
  sub: 'x',
  roles: ['OPERATOR'],
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 600,
});
const q = json({ query: '{ customers { edges { node { id name } } } }' });
add('no token', () => post(q, {}, null));
add('empty bearer', () => post(q, { authorization: 'Bearer ' }, null));
add('garbage bearer', () => post(q, {}, 'not-a-jwt'));
add('three garbage segments', () => post(q, {}, 'a.b.c'));
add('alg none', () => post(q, {}, `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`));
add('HS256 keyed with the public key (algorithm confusion)', () => {
  const secret = system.keyring.jwtPublicKey!.export({ format: 'pem', type: 'spki' }).toString();
  const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
  return post(q, {}, `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`);
});
add('signed by another key', () =>
  post(q, {}, mintToken({ privateKey: keyringFromLocalKeySet(generateLocalKeySet()).jwtPrivateKey!, roles: ['OPERATOR'] })),
);
add('wrong issuer', () =>
  post(q, {}, mintToken({ privateKey: system.keyring.jwtPrivateKey!, roles: ['OPERATOR'], issuer: 'https://evil.example' })),
);
add('wrong audience', () =>
  post(q, {}, mintToken({ privateKey: system.keyring.jwtPrivateKey!, roles: ['OPERATOR'], audience: 'someone-else' })),
);
add('claims a SERVICE role only', () =>
  post(q, {}, mintToken({ privateKey: system.keyring.jwtPrivateKey!, claims: { roles: ['SERVICE'] } })),
);
add('customer role without a customer id', () =>
  post(q, {}, mintToken({ privateKey: system.keyring.jwtPrivateKey!, roles: ['CUSTOMER'] })),
);
add('payload swapped under a valid signature', () => {
  const [h, , s] = token.split('.');
  return post(q, {}, `${h}.${b64({ ...claims(), roles: ['OPERATOR'] })}.${s}`);
});
add('Basic credentials', () => post(q, { authorization: 'Basic dXNlcjpwYXNz' }, null));
add('token in the query string', () =>
  fetch(`${gw()}?access_token=${token}&query=${encodeURIComponent('{ customers { edges { node { id } } } }')}`),
);

// 10. Expired tokens
add('expired an hour ago', () =>
  post(
    q,
    {},
    mintToken({
      privateKey: system.keyring.jwtPrivateKey!,
      customerId: own.customer,
      issuedAt: Math.floor(Date.now() / 1000) - 7200,
      ttlSeconds: 3600,
    }),
  ),
);
add('expired a minute ago', () =>
  post(
    q,
    {},
    mintToken({
      privateKey: system.keyring.jwtPrivateKey!,
      customerId: own.customer,
      issuedAt: Math.floor(Date.now() / 1000) - 120,
      ttlSeconds: 60,
    }),
  ),
);
add('not valid yet', () =>
  post(
    q,
    {},
    mintToken({
      privateKey: system.keyring.jwtPrivateKey!,
      customerId: own.customer,
      claims: { nbf: Math.floor(Date.now() / 1000) + 3600 },
    }),
  ),
);
add('no expiry at all', () =>
  post(q, {}, mintToken({ privateKey: system.keyring.jwtPrivateKey!, customerId: own.customer, claims: { exp: undefined } })),
);

// 11. Straight to a subgraph: unsigned, forged, replayed
const direct = (headers: Record<string, string>, body = json({ query: '{ _service { sdl } }' }), path = '/graphql') =>
  fetch(new URL(path, system.issuer.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
add('subgraph: unsigned', () => direct({}));
add('subgraph: forged signature', () => {
  const body = json({ query: '{ _service { sdl } }' });
  const h = signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, keyring: system.keyring });
  return direct({ ...h, [HEADER.signature]: h[HEADER.signature].replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, body);
});
add('subgraph: replayed mutation signature', async () => {
  const body = json({ query: 'mutation { runStatements { __typename } }' });
  const identity = { subject: 'c', customerId: own.customer, roles: ['CUSTOMER' as const] };
  const h = signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, identity, keyring: system.keyring });
  await direct(h, body);
  return direct(h, body);
});
add('subgraph: replayed read signature', async () => {
  const body = json({ query: '{ __typename }' });
  const h = signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, keyring: system.keyring });
  await direct(h, body);
  return direct(h, body);
});
add('subgraph: stale signature', () => {
  const body = json({ query: '{ __typename }' });
  return direct(
    signServiceRequest({
      service: 'gateway',
      method: 'POST',
      path: '/graphql',
      body,
      keyring: system.keyring,
      now: Date.now() - 10 * 60_000,
    }),
    body,
  );
});
add('subgraph: identity swapped to an operator', () => {
  const body = json({ query: '{ __typename }' });
  const h = signServiceRequest({
    service: 'gateway',
    method: 'POST',
    path: '/graphql',
    body,
    identity: { subject: 'c', customerId: own.customer, roles: ['CUSTOMER'] },
    keyring: system.keyring,
  });
  return direct({ ...h, [HEADER.identity]: b64({ subject: 'c', customerId: null, roles: ['OPERATOR'] }) }, body);
});
add('subgraph: internal route unsigned', () => direct({}, json({ cardIds: [own.card] }), '/internal/card-owners'));
add('subgraph: internal route signed by the gateway', () => {
  const body = json({ cardIds: [own.card] });
  return direct(
    signServiceRequest({ service: 'gateway', method: 'POST', path: '/internal/card-owners', body, keyring: system.keyring }),
    body,
    '/internal/card-owners',
  );
});

// 12. Limits on the wire
add('Content-Length larger than the limit', () => post(json({ query: `{ __typename } # ${'y'.repeat(100_000)}` })));
add('subgraph: a 1.1 MB body', () => direct({}, json({ query: `{ __typename } # ${'z'.repeat(1.1 * 1024 * 1024)}` })));

// 13. Numbers and cursors past what they can hold, tokens asking for what no one understands
for (const [name, amount] of [
  ['beyond 64 bits', '9223372036854775808'],
  ['beyond JSON-safe', '9007199254740992'],
  ['infinite', '1e400'],
] as const) {
  add(`pay amount as a literal ${name}`, () =>
    gql(
      `mutation { pay(input: { idempotencyKey: "hostile-literal-2", bindingId: "${own.binding}", amountFen: ${amount}, merchantName: "M", merchantCategoryCode: "5411" }) { ok } }`,
    ),
  );
}
add('an id literal beyond 64 bits', () => gql('{ customer(id: 99999999999999999999) { id } }'));
add('an amount beyond 64 bits in a variable default', () =>
  gql(
    `mutation($input: PayInput! = { idempotencyKey: "hostile-literal-3", bindingId: "b", amountFen: -9223372036854775809, merchantName: "M", merchantCategoryCode: "5411" }) { pay(input: $input) { ok } }`,
  ),
);
for (const [name, pair] of [
  ['holding no date', ['not-a-date', randomUUID()]],
  ['holding no uuid', ['2026-11-29 15:48:57+00', 'not-a-uuid']],
] as const) {
  add(`cursor ${name}`, () => gql(`{ card(id: "${own.card}") { transactions(first: 5, after: "${b64(pair)}") { edges { cursor } } } }`));
}
add('token with a crit header', () => {
  const data = `${b64({ alg: 'ES256', typ: 'JWT', crit: ['exp'] })}.${b64(claims())}`;
  const signature = sign('sha256', Buffer.from(data), { key: system.keyring.jwtPrivateKey!, dsaEncoding: 'ieee-p1363' });
  return post(q, {}, `${data}.${signature.toString('base64url')}`);
});

beforeAll(async () => {
  system = await startTestSystem();
  const { data } = await system.query<{
    customers: { edges: Array<{ node: { id: string; cards: Array<{ id: string; walletBindings: Array<{ id: string }> }> } }> };
  }>('{ customers(first: 40) { edges { node { id cards { id walletBindings { id } } } } } }');
  const owner = data!.customers.edges.map((e) => e.node).find((n) => n.cards.some((c) => c.walletBindings.length))!;
  const card = owner.cards.find((c) => c.walletBindings.length)!;
  own = { customer: owner.id, card: card.id, binding: card.walletBindings[0].id };
  token = system.token(owner.id);
  snapshotBefore = await snapshot();
});
afterAll(() => system?.stop());

async function snapshot(): Promise<string> {
  const rows: unknown[] = [];
  for (const [schema, table] of [
    ['issuer', 'customers'],
    ['issuer', 'credit_lines'],
    ['issuer', 'cards'],
    ['issuer', 'bills'],
    ['wallet', 'card_bindings'],
    ['wallet', 'wallet_accounts'],
    ['clearing', 'transactions'],
  ] as const) {
    const source = system[schema].database.dataSource;
    rows.push(await source.query(`SELECT * FROM ${schema}.${table} ORDER BY id`));
  }
  return JSON.stringify(rows);
}

describe(`the hostile corpus`, () => {
  it('has at least 100 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it('answers every one with a clear 4xx or GraphQL error, never a 5xx, and changes nothing', async () => {
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    for (const item of corpus) {
      let response: Response;
      try {
        response = await item.send();
      } catch (error) {
        failures.push(`${item.name}: the request itself failed (${(error as Error).message})`);
        continue;
      }
      const text = await response.text();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) failures.push(`${item.name}: ${response.status} ${text.slice(0, 200)}`);
      let body: { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (response.status >= 400 && response.status < 500) {
        const code = body?.errors?.[0]?.extensions?.code;
        if (body?.errors && (!code || !ALL_ERROR_CODES.has(code)))
          failures.push(`${item.name}: ${response.status} without a canonical code: ${text.slice(0, 200)}`);
        if (!body?.errors && !text.trim()) failures.push(`${item.name}: ${response.status} with no explanation`);
        continue;
      }
      // A decline is data in a mutation's result: a canonical error, not a GraphQL error.
      const declined = /"ok":false,"error":\{"code":"([A-Z_]+)"/.exec(text);
      if (!body?.errors?.length && declined && ALL_ERROR_CODES.has(declined[1])) continue;
      if (!body?.errors?.length) {
        failures.push(`${item.name}: ${response.status} without an error: ${text.slice(0, 200)}`);
        continue;
      }
      for (const error of body.errors) {
        if (!error.extensions?.code || !ALL_ERROR_CODES.has(error.extensions.code) || !error.message) {
          failures.push(`${item.name}: an error without a canonical code: ${JSON.stringify(error).slice(0, 200)}`);
        }
        if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') failures.push(`${item.name}: INTERNAL_SERVER_ERROR ${error.message}`);
      }
    }
    if (process.env.CARDWEAVE_TEST_LOGS) console.log(corpus.length, statuses);
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(snapshotBefore);
  });

  it('leaves every service up and ready', async () => {
    const base = new URL(system.gateway.url);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
    for (const name of ['issuer', 'wallet', 'clearing'] as const) {
      expect((await fetch(new URL('/readyz', system[name].url))).status).toBe(200);
    }
    const { data } = await system.queryAs(token, `query($id: ID!) { card(id: $id) { id } }`, { id: own.card });
    expect(data).toEqual({ card: { id: own.card } });
  });
});
