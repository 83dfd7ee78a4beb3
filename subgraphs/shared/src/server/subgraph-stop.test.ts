/**
 * stop() waits for the requests under way (their statements run to the end, and the database
 * closes after stop()), but not for ever: a request that never ends holds it only for the grace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLocalKeySet, keyringFromLocalKeySet, MemoryNonceStore, signServiceRequest, type Keyring } from '@cardweave/service-kit';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';

jest.setTimeout(30_000);

let keyring: Keyring;
const schemaFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-stop-')), 'schema.graphql');
fs.writeFileSync(
  schemaFile,
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\ntype Query { ping: String }',
);

beforeAll(() => {
  keyring = keyringFromLocalKeySet(generateLocalKeySet());
});

async function serverWith(route: () => Promise<{ status: number; body: unknown }>): Promise<RunningSubgraph> {
  return startSubgraphServer({
    name: 'issuer',
    schemaFile,
    resolvers: { Query: { ping: () => 'pong' } } as never,
    context: () => ({}),
    ready: async () => true,
    keyring,
    nonces: new MemoryNonceStore(),
    internalRoutes: { work: route },
  });
}

/** Calls the internal route as a sibling service would; the answer (or the cut connection) is ignored. */
function call(server: RunningSubgraph): void {
  const base = server.url.replace('/graphql', '');
  const body = '{}';
  fetch(`${base}/internal/work`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signServiceRequest({ service: 'wallet', method: 'POST', path: '/internal/work', body, keyring }),
    },
    body,
  }).catch(() => undefined);
}

it('waits for a request under way to finish before it returns', async () => {
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  let finished = false;
  const server = await serverWith(async () => {
    started();
    await new Promise((resolve) => setTimeout(resolve, 500));
    finished = true;
    return { status: 200, body: {} };
  });
  call(server);
  await running;
  await server.stop();
  expect(finished).toBe(true);
});

it('returns after the grace when a request never ends', async () => {
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const server = await serverWith(() => {
    started();
    return new Promise(() => undefined);
  });
  call(server);
  await running;
  await expect(server.stop()).resolves.toBeUndefined();
});
