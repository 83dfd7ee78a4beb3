/**
 * Error messages in the language of the request's Accept-Language, through the real gateway: the
 * same errors, the same codes, the message in zh-CN when it is preferred and in English otherwise;
 * and a limit refusal worded as what was measured against the limit, never as a syntax error.
 */
import { generateLocalKeySet, keyringFromLocalKeySet, mintToken } from '@cardweave/service-kit';
import { startGateway, type RunningGateway } from '../gateway';

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
    limits: { maxDepth: 6, maxAliases: 3, maxTokens: 400, maxCost: 5000, maxBodyBytes: 100_000 },
  });
  token = mintToken({ privateKey: keyring.jwtPrivateKey!, roles: ['OPERATOR'] });
});

afterAll(async () => {
  await gateway?.stop();
});

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function send(query: string, headers: Record<string, string> = {}, bearer: string | null = token) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, errors: ((await response.json()) as { errors?: Errors }).errors ?? [] };
}

const HAN = /\p{Script=Han}/u;

const payWith = (amount: string) =>
  `mutation { pay(input: { idempotencyKey: "literal-1", bindingId: "b", amountFen: ${amount}, merchantName: "M", merchantCategoryCode: "5411" }) { ok } }`;

const nested = (depth: number) => `{ ${'card(id: "1") { customer { '.repeat(depth)}id${' } }'.repeat(depth)} }`;

/** A representative request for each kind of error the gateway itself answers. */
const CASES: Array<{ name: string; query: string; bearer?: null; code: string; en: RegExp; zh: RegExp }> = [
  { name: 'parse', query: '{ card(id: "1") { id ', code: 'GRAPHQL_PARSE_FAILED', en: /^Syntax Error: Expected Name/, zh: /^语法错误：/ },
  {
    name: 'validation',
    query: '{ nope }',
    code: 'GRAPHQL_VALIDATION_FAILED',
    en: /^Cannot query field "nope" on type "Query"/,
    zh: /^类型 "Query" 上没有可查询的字段 "nope"/,
  },
  {
    name: 'cost',
    query: '{ customers(first: 100) { edges { node { cards { id last4 } bills(first: 50) { edges { cursor } } } } } }',
    code: 'OPERATION_LIMIT_EXCEEDED',
    en: /^query cost [\d,]+ is over the limit of 5,000$/,
    zh: /^查询成本 [\d,]+ 超过上限 5,000$/,
  },
  {
    name: 'depth',
    query: nested(4),
    code: 'OPERATION_LIMIT_EXCEEDED',
    en: /^query depth \d+ is over the limit of 6$/,
    zh: /^查询深度 \d+ 超过上限 6$/,
  },
  {
    name: 'aliases',
    query: '{ a: __typename b: __typename c: __typename d: __typename }',
    code: 'OPERATION_LIMIT_EXCEEDED',
    en: /^the query has 4 aliases, over the limit of 3$/,
    zh: /^查询使用了 4 个别名，超过上限 3$/,
  },
  {
    name: 'tokens',
    query: `{ ${'__typename '.repeat(450)}}`,
    code: 'OPERATION_LIMIT_EXCEEDED',
    en: /^the query is longer than the limit of 400 tokens$/,
    zh: /^查询超过了 400 个词法单元的上限$/,
  },
  {
    name: 'Fen literal 2^53 + 2',
    query: payWith('9007199254740994'),
    code: 'BAD_USER_INPUT',
    en: /^input\.amountFen: must be a whole number of fen from -9007199254740991 to 9007199254740991; got 9007199254740994$/,
    zh: /^input\.amountFen：必须是 -9007199254740991 到 9007199254740991 之间的整数分；收到的是 9007199254740994$/,
  },
  {
    name: 'unauthenticated',
    query: '{ customers(first: 1) { edges { cursor } } }',
    bearer: null,
    code: 'UNAUTHENTICATED',
    en: /^Unauthenticated$/,
    zh: /^未认证/,
  },
  {
    name: 'subgraph unavailable',
    query: '{ customers(first: 1) { edges { cursor } } }',
    code: 'SUBGRAPH_UNAVAILABLE',
    en: /^the issuer service is unavailable/,
    zh: /^issuer 服务不可用/,
  },
];

describe.each(CASES)('$name', ({ query, bearer, code, en, zh }) => {
  it('answers in English by default and for en, and never as a syntax error unless it is one', async () => {
    for (const headers of [{}, { 'accept-language': 'en-US,en;q=0.9' }, { 'accept-language': 'fr' }] as Array<Record<string, string>>) {
      const { errors } = await send(query, headers, bearer === null ? null : token);
      expect(errors[0]?.extensions?.code).toBe(code);
      expect(errors[0].message).toMatch(en);
      if (code !== 'GRAPHQL_PARSE_FAILED') expect(errors[0].message).not.toMatch(/Syntax Error/);
    }
  });

  it('answers in zh-CN for Accept-Language: zh-CN, with the same code and status', async () => {
    const english = await send(query, {}, bearer === null ? null : token);
    for (const language of ['zh-CN', 'en;q=0.5, zh-CN;q=0.9']) {
      const chinese = await send(query, { 'accept-language': language }, bearer === null ? null : token);
      expect(chinese.status).toBe(english.status);
      expect(chinese.errors.map((e) => e.extensions)).toEqual(english.errors.map((e) => e.extensions));
      expect(chinese.errors[0].message).toMatch(zh);
      expect(chinese.errors[0].message).toMatch(HAN);
    }
  });
});

it('tells caches that the answer varies with Accept-Language', async () => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('vary')).toMatch(/\bAccept-Language\b/i);
});

it('answers an HTTP-level refusal in the language asked for too', async () => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'accept-language': 'zh-CN' },
    body: '{}',
  });
  const body = (await response.json()) as { errors: Errors };
  expect(response.status).toBe(415);
  expect(body.errors[0]).toEqual({ message: '请以 application/json 发送 GraphQL 请求', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
});

describe('a gateway that runs only its persisted operations, in production', () => {
  let persisted: RunningGateway;

  beforeAll(async () => {
    persisted = await startGateway({
      logging: false,
      production: true,
      persistedOnly: true,
      keyring: keyringFromLocalKeySet(generateLocalKeySet()),
      subgraphUrls: { issuer: NOWHERE, wallet: NOWHERE, clearing: NOWHERE },
    });
  });

  afterAll(async () => {
    await persisted?.stop();
  });

  const post = async (body: unknown, language?: string) => {
    const response = await fetch(persisted.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, errors: ((await response.json()) as { errors: Errors }).errors };
  };

  it.each([
    [
      'a query instead of a hash',
      { query: '{ __typename }' },
      'PERSISTED_QUERY_ONLY',
      /^this gateway runs only the operations of its manifest/,
      /^本网关只执行其清单中的操作/,
    ],
    [
      'an unknown hash',
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      'PERSISTED_QUERY_NOT_FOUND',
      /^no operation in the manifest has this hash$/,
      /^清单中没有与此哈希对应的操作$/,
    ],
  ])('refuses %s in the language asked for, with the same code', async (_, body, code, en, zh) => {
    const english = await post(body);
    const chinese = await post(body, 'zh-CN');
    expect(english.errors[0].extensions?.code).toBe(code);
    expect(english.errors[0].message).toMatch(en);
    expect(chinese.status).toBe(english.status);
    expect(chinese.errors.map((e) => e.extensions)).toEqual(english.errors.map((e) => e.extensions));
    expect(chinese.errors[0].message).toMatch(zh);
  });
});
