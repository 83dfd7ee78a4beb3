/**
 * Subscriptions over SSE check the whole signature, its nonce included, before anything else:
 * a replayed or unsigned request is refused as unauthenticated (401) whatever its document,
 * as on Apollo's path, never told first whether its document is valid.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLocalKeySet, keyringFromLocalKeySet, MemoryNonceStore, signServiceRequest, type Keyring } from '@cardweave/service-kit';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';

let keyring: Keyring;
let server: RunningSubgraph;
let base: string;

beforeAll(async () => {
  keyring = keyringFromLocalKeySet(generateLocalKeySet());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-sse-'));
  const schemaFile = path.join(dir, 'schema.graphql');
  fs.writeFileSync(
    schemaFile,
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n' +
      'type Query { ping: String }\ntype Subscription { ticks: Int! }',
  );
  server = await startSubgraphServer({
    name: 'wallet',
    schemaFile,
    resolvers: {
      Query: { ping: () => 'pong' },
      Subscription: {
        ticks: {
          async *subscribe() {
            yield { ticks: 1 };
          },
        },
      },
    } as never,
    context: () => ({}),
    ready: async () => true,
    keyring,
    nonces: new MemoryNonceStore(),
  });
  base = server.url.replace('/graphql', '');
});
afterAll(() => server.stop());

const pathOf = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
const signedGet = (p: string) => signServiceRequest({ service: 'gateway', method: 'GET', path: p, body: '', keyring });
const get = (p: string, headers: Record<string, string>) => fetch(`${base}${p}`, { headers: { accept: 'text/event-stream', ...headers } });
const codeOf = async (response: Response) =>
  ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code;

it('a signed subscription streams its results', async () => {
  const p = pathOf('subscription { ticks }');
  const response = await get(p, signedGet(p));
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('event: next\ndata: {"data":{"ticks":1}}');
});

it('an invalid document with a fresh signature is a validation error; replayed, it is refused as unauthenticated first', async () => {
  const p = pathOf('subscription { nothingHere }');
  const headers = signedGet(p);
  const first = await get(p, headers);
  expect(first.status).toBe(400);
  expect(await codeOf(first)).toBe('GRAPHQL_VALIDATION_FAILED');
  const replay = await get(p, headers);
  expect(replay.status).toBe(401);
  expect(await codeOf(replay)).toBe('UNAUTHENTICATED');
});

it('a replayed valid subscription is refused before any stream opens', async () => {
  const p = pathOf('subscription { ticks }');
  const headers = signedGet(p);
  await (await get(p, headers)).text();
  const replay = await get(p, headers);
  expect(replay.status).toBe(401);
  expect(replay.headers.get('content-type')).toContain('application/json');
  expect(await codeOf(replay)).toBe('UNAUTHENTICATED');
});

it('an unsigned request is refused whatever its document', async () => {
  const response = await get(pathOf('not a document'), {});
  expect(response.status).toBe(401);
  expect(await codeOf(response)).toBe('UNAUTHENTICATED');
});
