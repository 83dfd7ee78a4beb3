/**
 * A body over the subgraph's 1 MB limit is answered 413 with a GraphQL-style JSON error, after
 * which the same keep-alive connection serves the next request; a body declared far larger is
 * answered at once, and that connection closed.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLocalKeySet, keyringFromLocalKeySet, MemoryNonceStore, signServiceRequest, type Keyring } from '@cardweave/service-kit';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';

let keyring: Keyring;
let server: RunningSubgraph;
let agent: http.Agent;

beforeAll(async () => {
  keyring = keyringFromLocalKeySet(generateLocalKeySet());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-body-'));
  const schemaFile = path.join(dir, 'schema.graphql');
  fs.writeFileSync(
    schemaFile,
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\ntype Query { hello: String }',
  );
  server = await startSubgraphServer({
    name: 'issuer',
    schemaFile,
    resolvers: { Query: { hello: () => 'world' } } as never,
    context: () => ({}),
    ready: async () => true,
    keyring,
    nonces: new MemoryNonceStore(),
  });
  // One socket: the second request must go over the first one's connection.
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});

afterAll(async () => {
  agent?.destroy();
  await server?.stop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
  localPort: number;
}

/** POST over the keep-alive agent; `declared` overrides Content-Length (the body then stops short). */
function post(body: string, headers: Record<string, string> = {}, declared?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      server.url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(declared ?? Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            reusedSocket: request.reusedSocket,
            localPort: request.socket?.localPort ?? 0,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const signedQuery = () => {
  const body = JSON.stringify({ query: '{ hello }' });
  return { body, headers: signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, keyring }) };
};

it('answers a 1.1 MB body with 413 and a JSON error, and keeps the connection for the next request', async () => {
  const big = JSON.stringify({ query: `{ hello } # ${'x'.repeat(1.1 * 1024 * 1024)}` });
  const refused = await post(big);
  expect(refused.status).toBe(413);
  expect(refused.headers['content-type']).toMatch(/application\/json/);
  expect(JSON.parse(refused.body)).toEqual({
    errors: [expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }) })],
  });
  const { body, headers } = signedQuery();
  const next = await post(body, headers);
  expect(next.status).toBe(200);
  expect(JSON.parse(next.body)).toEqual({ data: { hello: 'world' } });
  expect(next.reusedSocket).toBe(true);
  expect(next.localPort).toBe(refused.localPort);
});

it('answers 413 through fetch too', async () => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ hello } # ${'y'.repeat(1.1 * 1024 * 1024)}` }),
  });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
    'PAYLOAD_TOO_LARGE',
  );
});

it('answers a body declared far over the limit at once, without reading it, and closes that connection', async () => {
  const refused = await post('{"query":', {}, 512 * 1024 * 1024);
  expect(refused.status).toBe(413);
  expect(refused.headers.connection).toBe('close');
  expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  // The next request gets a fresh connection and is served.
  const { body, headers } = signedQuery();
  const next = await post(body, headers);
  expect(next.status).toBe(200);
});
