/**
 * An operation over graphql-ws that fails by throwing, rather than with a result that has errors:
 * its stream rejecting after an event, its execution rejecting before it has a stream, or its
 * context not being made. Each reaches the client as a GraphQL error with its edge code, in the
 * language of connection_init, masked in production; the operation ends there and the connection
 * stays open for the others, never closed with the error's message as its reason. The gateway
 * runtime is a stand-in here: the real one turns a subgraph's failure into a result with errors
 * (subscription-error-language.test.ts), so a throw comes from the gateway itself.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { serveGraphqlWs, type GraphqlWsServer } from './graphql-ws-server';

const INTERNAL = 'pg: connection to 10.0.0.5:5432 terminated';
const HAN = /\p{Script=Han}/u;
const EVENT = { data: { customerActivity: { id: 'e1' } } };

type Failure = 'stream' | 'execution' | 'context';
let failure: Failure = 'stream';

/** The runtime's two calls graphql-ws makes (getGraphQLWSOptions), failing as `failure` says. */
const runtime = {
  async getSchema() {
    if (failure === 'context') throw new Error(INTERNAL);
    return {};
  },
  async getResultForParams() {
    if (failure === 'execution') throw new Error(INTERNAL);
    return (async function* () {
      yield EVENT;
      throw new Error(INTERNAL);
    })();
  },
};

let server: http.Server;
let sockets: GraphqlWsServer;
const clients: Client[] = [];

async function start(production: boolean) {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sockets = serveGraphqlWs(server, runtime as never, { production, maxMessageBytes: 100_000 });
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await sockets?.close();
  await new Promise((resolve) => server?.close(resolve));
});

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
interface Outcome {
  results: unknown[];
  errors: Errors;
  ended: 'complete' | 'error' | 'closed';
  closes: Array<{ code: number; reason: string }>;
}

function connect(language?: string) {
  const closes: Outcome['closes'] = [];
  const client = createClient({
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: language ? { 'accept-language': language } : {},
    on: { closed: (event) => void closes.push({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  clients.push(client);
  return { client, closes };
}

/** One subscription to its end: what it was sent, and how it ended. */
function subscribe(client: Client, closes: Outcome['closes']): Promise<Outcome> {
  const outcome: Outcome = { results: [], errors: [], ended: 'closed', closes };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the subscription did not end within 5 s')), 5_000);
    const end = (how: Outcome['ended']) => (clearTimeout(timer), (outcome.ended = how), resolve(outcome));
    client.subscribe(
      { query: 'subscription { customerActivity { id } }' },
      {
        next: (result) => {
          outcome.results.push(result.data);
          outcome.errors.push(...((result.errors ?? []) as Errors));
        },
        // graphql-ws gives an `error` message's GraphQL errors as an array; a closed socket as its CloseEvent.
        error: (error) => (Array.isArray(error) ? (outcome.errors.push(...(error as Errors)), end('error')) : end('closed')),
        complete: () => end('complete'),
      },
    );
  });
}

describe.each<Failure>(['stream', 'execution', 'context'])('when the %s fails by throwing', (kind) => {
  beforeEach(() => void (failure = kind));

  it('the client gets INTERNAL_SERVER_ERROR in English, then in zh-CN, the operation ended and the connection open', async () => {
    await start(false);
    for (const language of [undefined, 'zh-CN']) {
      const { client, closes } = connect(language);
      const first = await subscribe(client, closes);
      if (kind === 'stream') expect(first.results[0]).toEqual(EVENT.data);
      expect(first.ended).not.toBe('closed');
      expect(first.errors.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(first.errors[0].message).toMatch(language ? HAN : /^(?!.*\p{Script=Han})/u);
      // Another operation on the same connection is served as the first.
      const second = await subscribe(client, closes);
      expect(second.errors.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(closes).toEqual([]);
    }
  });

  it('in production, the message is masked in either language and nothing internal reaches the client', async () => {
    await start(true);
    for (const language of [undefined, 'zh-CN']) {
      const { client, closes } = connect(language);
      const outcome = await subscribe(client, closes);
      expect(outcome.ended).not.toBe('closed');
      expect(outcome.errors.map((e) => e.extensions)).toEqual([{ code: 'INTERNAL_SERVER_ERROR' }]);
      expect(outcome.errors[0].message).toBe(language ? '意外错误。' : 'Unexpected error.');
      expect(JSON.stringify(outcome)).not.toMatch(/10\.0\.0\.5|pg:/);
    }
  });
});
