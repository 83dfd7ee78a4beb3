/**
 * A subscriber's errors in the language it asked for, as a query's are: over SSE by the request's
 * Accept-Language, over graphql-ws by the connection_init payload's `accept-language` or else the
 * upgrade request's header; English by default; the codes and extensions the same either way.
 * The errors are those of a subscription's first response (another customer's card, a bad
 * cursor, no token), which arrive as an event of the stream.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { insertCustomer } from '../support/card-fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { subscribeOverSse, type SseSubscription } from './activity-sse-client';
import { CARD_ACTIVITY, CUSTOMER_ACTIVITY } from './activity-support';

jest.setTimeout(60_000);

let system: TestSystem;
let alice: { customerId: string; cardId: string; token: string };
let bob: { customerId: string; token: string };
const open: SseSubscription[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  system = await startTestSystem({ demoData: false, eventRelays: true });
  const a = await insertCustomer(system, { cards: 1, billItems: 1 });
  const b = await insertCustomer(system, { cards: 1, billItems: 1 });
  alice = { customerId: a.customerId, cardId: a.cardIds[0], token: system.token(a.customerId) };
  bob = { customerId: b.customerId, token: system.token(b.customerId) };
});
afterEach(async () => {
  for (const subscription of open.splice(0)) subscription.close();
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  await system?.stop();
});

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
const HAN = /\p{Script=Han}/u;
const ZH = 'zh-CN,zh;q=0.9,en;q=0.8';

/** Each refusal a subscriber can get at its start, with its code and both wordings. */
const CASES = [
  {
    name: "NOT_FOUND: another customer's card",
    token: () => bob.token,
    query: CARD_ACTIVITY,
    variables: () => ({ cardId: alice.cardId }),
    code: 'NOT_FOUND',
    en: /^card not found$/,
    zh: /^未找到卡片$/,
  },
  {
    name: 'BAD_USER_INPUT: an `after` that is no event id',
    token: () => alice.token,
    query: CUSTOMER_ACTIVITY,
    variables: () => ({ after: 'x' }),
    code: 'BAD_USER_INPUT',
    en: /^after: not a valid id$/,
    zh: /^after：不是有效的 ID$/,
  },
  {
    name: 'UNAUTHENTICATED: no token',
    token: () => null,
    query: CUSTOMER_ACTIVITY,
    variables: () => ({}),
    code: 'UNAUTHENTICATED',
    en: /^(?!.*\p{Script=Han})/u,
    zh: HAN,
  },
];

async function overSse(token: string | null, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const subscription = await subscribeOverSse(system.gateway.url, token, query, variables, headers);
  open.push(subscription);
  const message = await subscription.next(5_000);
  return (message?.data?.errors ?? []) as Errors;
}

/** The errors of a graphql-ws subscription's first answer, whether sent as `next` or as `error`. */
async function overWs(
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
  language: { header?: string; payload?: string },
): Promise<Errors> {
  const client = createClient({
    url: system.gateway.url.replace(/^http/, 'ws'),
    retryAttempts: 0,
    connectionParams: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(language.payload ? { 'accept-language': language.payload } : {}),
    },
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, language.header ? { headers: { 'accept-language': language.header } } : {});
      }
    },
  });
  clients.push(client);
  return new Promise<Errors>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5_000);
    client.subscribe(
      { query, variables },
      {
        next: (result) => (clearTimeout(timer), resolve((result.errors ?? []) as Errors)),
        error: (error) => {
          clearTimeout(timer);
          // graphql-ws reports an operation's errors through `error` as an array of GraphQL errors.
          resolve(Array.isArray(error) ? (error as Errors) : [{ message: String((error as Error)?.message ?? error) }]);
        },
        complete: () => (clearTimeout(timer), resolve([])),
      },
    );
  });
}

describe.each(['sse', 'graphql-ws (upgrade header)', 'graphql-ws (connection_init payload)'])('over %s', (transport) => {
  const subscribeWith = (token: string | null, query: string, variables: Record<string, unknown>, language?: string) => {
    if (transport === 'sse') return overSse(token, query, variables, language ? { 'accept-language': language } : {});
    const header = transport.includes('header') ? language : undefined;
    const payload = transport.includes('payload') ? language : undefined;
    return overWs(token, query, variables, { header, payload });
  };

  it.each(CASES)('$name is English by default and zh-CN when asked', async ({ token, query, variables, code, en, zh }) => {
    const english = await subscribeWith(token(), query, variables());
    const chinese = await subscribeWith(token(), query, variables(), ZH);
    expect(english.map((e) => e.extensions?.code)).toEqual([code]);
    expect(english[0].message).toMatch(en);
    expect(chinese.map((e) => e.extensions)).toEqual(english.map((e) => e.extensions));
    expect(chinese[0].message).toMatch(zh);
    expect(chinese[0].message).toMatch(HAN);
  });
});

it('over graphql-ws, the connection_init payload’s language wins over the upgrade header’s', async () => {
  const errors = await overWs(bob.token, CARD_ACTIVITY, { cardId: alice.cardId }, { header: 'en', payload: 'zh-CN' });
  expect(errors.map((e) => e.message)).toEqual(['未找到卡片']);
  const english = await overWs(bob.token, CARD_ACTIVITY, { cardId: alice.cardId }, { header: 'zh-CN', payload: 'en' });
  expect(english.map((e) => e.message)).toEqual(['card not found']);
});
