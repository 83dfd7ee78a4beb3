/**
 * Through the whole system: the errors the subgraphs make (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT of
 * ids, amounts and page sizes) reach a client in the language of its Accept-Language, with the
 * same codes and extensions; and a page of none is refused on every paged field, so a loop over
 * pages always ends.
 */
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let customerId: string;
let cardId: string;

beforeAll(async () => {
  system = await startTestSystem({ demoData: false });
  const fixture = await insertCustomer(system, { cards: 1, billItems: 3 });
  customerId = fixture.customerId;
  cardId = fixture.cardIds[0];
});

afterAll(async () => {
  await system?.stop();
});

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
const ABSENT = '3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b';
const HAN = /\p{Script=Han}/u;

async function both(as: 'customer' | 'operator', query: string, variables?: Record<string, unknown>) {
  const token = system.token(as === 'customer' ? customerId : 'operator');
  const en = await system.queryAs(token, query, variables);
  const zh = await system.queryAs(token, query, variables, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
  return { en: (en.errors ?? []) as Errors, zh: (zh.errors ?? []) as Errors, status: [en.status, zh.status] };
}

const PAY = `mutation($amount: Fen!) { pay(input: { idempotencyKey: "lang-pay-1", bindingId: "${ABSENT}", amountFen: $amount,
  merchantName: "M", merchantCategoryCode: "5411" }) { ok } }`;
const PAY_INPUT = 'mutation($i: PayInput!) { pay(input: $i) { ok } }';
const PAY_FIELDS = { idempotencyKey: 'lang-pay-2', bindingId: ABSENT, merchantName: 'M', merchantCategoryCode: '5411' };

describe.each([
  {
    name: "FORBIDDEN: an operator changing a customer's card",
    as: 'operator' as const,
    query: 'mutation($id: ID!) { setSpendingControls(cardId: $id, input: { dailyFen: 100 }) { ok } }',
    card: true,
    code: 'FORBIDDEN',
    en: /^\S+: operators may not /,
    zh: /^\S+：运营人员不能/,
  },
  {
    name: 'NOT_FOUND: spending controls of an absent card',
    as: 'customer' as const,
    query: `mutation { setSpendingControls(cardId: "${ABSENT}", input: { dailyFen: 100 }) { ok } }`,
    code: 'NOT_FOUND',
    en: /^card not found$/,
    zh: /^未找到卡片$/,
  },
  {
    name: 'BAD_USER_INPUT: an id that is none',
    as: 'operator' as const,
    query: '{ card(id: "x") { id } }',
    code: 'BAD_USER_INPUT',
    en: /^id: not a valid id$/,
    zh: /^id：不是有效的 ID$/,
  },
  {
    name: 'BAD_USER_INPUT: a Fen variable of 2^53 + 2',
    as: 'customer' as const,
    query: PAY,
    variables: { amount: 2 ** 53 + 2 },
    code: 'BAD_USER_INPUT',
    field: '$amount',
    en: /^\$amount: must be a whole number of fen from -9007199254740991 to 9007199254740991; got 9007199254740994$/,
    zh: /^\$amount：必须是 -9007199254740991 到 9007199254740991 之间的整数分；收到的是 9007199254740994$/,
  },
  {
    name: 'BAD_USER_INPUT: a fraction as a string in an input variable',
    as: 'customer' as const,
    query: PAY_INPUT,
    variables: { i: { ...PAY_FIELDS, amountFen: '1.5' } },
    code: 'BAD_USER_INPUT',
    field: '$i.amountFen',
    en: /^\$i\.amountFen: must be a whole number of fen \(e\.g\. 12345 for 123\.45 CNY\), not a fraction; got "1\.5"$/,
    zh: /^\$i\.amountFen：必须是整数分（例如 12345 表示 123\.45 元），不能是小数；收到的是 "1\.5"$/,
  },
  {
    name: 'BAD_USER_INPUT: 2^53 + 2 in an input variable',
    as: 'customer' as const,
    query: PAY_INPUT,
    variables: { i: { ...PAY_FIELDS, amountFen: 2 ** 53 + 2 } },
    code: 'BAD_USER_INPUT',
    field: '$i.amountFen',
    en: /^\$i\.amountFen: must be a whole number of fen from -9007199254740991 to 9007199254740991; got 9007199254740994$/,
    zh: /^\$i\.amountFen：必须是 -9007199254740991 到 9007199254740991 之间的整数分；收到的是 9007199254740994$/,
  },
  {
    name: 'BAD_USER_INPUT: no number at all in an input variable',
    as: 'customer' as const,
    query: PAY_INPUT,
    variables: { i: { ...PAY_FIELDS, amountFen: true } },
    code: 'BAD_USER_INPUT',
    field: '$i.amountFen',
    en: /^\$i\.amountFen: must be a whole number of fen from -9007199254740991 to 9007199254740991, as a JSON number or a string of digits; got true$/,
    zh: /^\$i\.amountFen：必须是 -9007199254740991 到 9007199254740991 之间的整数分，写作 JSON 数字或数字字符串；收到的是 true$/,
  },
  {
    name: 'BAD_USER_INPUT: a payment over the largest accepted',
    as: 'customer' as const,
    query: PAY,
    variables: { amount: 100_000_001 },
    code: 'BAD_USER_INPUT',
    en: /^amountFen: must be a whole number of fen from 1 to 100000000; got 100000001$/,
    zh: /^amountFen：必须是 1 到 100000000 之间的整数分；收到的是 100000001$/,
  },
])('$name', ({ as, query, variables, card, code, field, en, zh }) => {
  it('is English by default and zh-CN when asked, with the same code and extensions', async () => {
    const answer = await both(as, query, card ? { id: cardId } : variables);
    expect(answer.status[0]).toBe(answer.status[1]);
    expect(answer.en[0]?.extensions?.code).toBe(code);
    if (field) expect(answer.en[0].extensions?.field).toBe(field);
    expect(answer.en[0].message).toMatch(en);
    expect(answer.zh.map((e) => e.extensions)).toEqual(answer.en.map((e) => e.extensions));
    expect(answer.zh[0].message).toMatch(zh);
    expect(answer.zh[0].message).toMatch(HAN);
  });
});

describe('a page of none', () => {
  const PAGED: Array<[string, (first: number) => string, Record<string, unknown>?]> = [
    ['Query.customers', (n) => `{ customers(first: ${n}) { edges { cursor } pageInfo { hasNextPage endCursor } } }`],
    ['Customer.bills', (n) => `query($id: ID!) { customer(id: $id) { bills(first: ${n}) { pageInfo { hasNextPage endCursor } } } }`],
    ['Card.bills', (n) => `query($id: ID!) { card(id: $id) { bills(first: ${n}) { pageInfo { hasNextPage endCursor } } } }`],
    [
      'Bill.items',
      (n) =>
        `query($id: ID!) { card(id: $id) { bills(first: 1) { edges { node { items(first: ${n}) { pageInfo { hasNextPage endCursor } } } } } } }`,
    ],
    [
      'BillingCycle.items',
      (n) => `query($id: ID!) { card(id: $id) { currentCycle { items(first: ${n}) { pageInfo { hasNextPage endCursor } } } } }`,
    ],
    ['Card.transactions', (n) => `query($id: ID!) { card(id: $id) { transactions(first: ${n}) { pageInfo { hasNextPage endCursor } } } }`],
  ];

  it.each(PAGED)('%s refuses first: 0 as BAD_USER_INPUT on first, and answers first: 1', async (_, query) => {
    const operator = system.token('operator');
    const variables = { id: query(0).includes('customer(id') ? customerId : cardId };
    const none = await system.queryAs(operator, query(0), variables);
    expect(none.errors).toEqual([
      expect.objectContaining({
        message: 'first: must be between 1 and 100; got 0',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
      }),
    ]);
    const one = await system.queryAs(operator, query(1), variables);
    expect(one.errors).toBeUndefined();
  });
});
