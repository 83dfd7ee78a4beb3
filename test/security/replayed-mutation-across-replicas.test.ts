/**
 * A signed request that may change data is good once for the whole deployment, not once
 * per replica: its nonce is claimed in the database every replica of a subgraph shares,
 * whatever form the mutation arrives in (document text, or an automatic persisted query
 * that sends only the document's hash). Runs on an embedded database of its own, and on the
 * real PostgreSQL with CARDWEAVE_TEST_DATABASE=postgres.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLocalKeySet, keyringFromLocalKeySet, signServiceRequest } from '@cardweave/service-kit';
import { openSubgraphStore, serveSubgraph, type ServedSubgraph } from '@cardweave/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const keyring = keyringFromLocalKeySet(generateLocalKeySet());
const SCHEMA = 'replay_probe';
let database: TestDatabase;
const replicas: ServedSubgraph[] = [];
let recoveries = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-replay-'));
  const schemaFile = path.join(dir, 'schema.graphql');
  fs.writeFileSync(
    schemaFile,
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n' +
      'type Query { ping: String }\ntype Mutation { recoverPayments: Int }',
  );
  // Two replicas of one subgraph over one database, as two processes behind a balancer would be.
  for (let i = 0; i < 2; i++) {
    const store = await openSubgraphStore(database.url, SCHEMA, [], []);
    replicas.push(
      await serveSubgraph(store, SCHEMA, {
        name: 'issuer',
        schemaFile,
        resolvers: { Query: { ping: () => 'pong' }, Mutation: { recoverPayments: () => ++recoveries } } as never,
        context: () => ({}),
        keyring,
      }),
    );
  }
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await database?.drop();
});

// An operator's request: the one role a mutation of this name is open to.
const operator = { subject: 'operator-1', customerId: null, roles: ['OPERATOR' as const] };
const sign = (body: string) =>
  signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, identity: operator, keyring });
const post = (replica: ServedSubgraph, body: string, headers: Record<string, string>) =>
  fetch(replica.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const persisted = (document: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(document).digest('hex') } },
});

it('refuses on the second replica a mutation sent as text and already served by the first', async () => {
  const body = JSON.stringify({ query: 'mutation { recoverPayments }' });
  const headers = sign(body);
  const before = recoveries;
  expect((await post(replicas[0], body, headers)).status).toBe(200);
  const replay = await post(replicas[1], body, headers);
  expect(replay.status).toBe(401);
  expect((await replay.json()).errors[0]).toMatchObject({
    message: expect.stringMatching(/already used/),
    extensions: { code: 'UNAUTHENTICATED' },
  });
  expect(recoveries).toBe(before + 1);
});

it('refuses on the second replica a mutation sent as a persisted query hash and already served by the first', async () => {
  const document = 'mutation Recover { recoverPayments }';
  // Both replicas learn the document (each with a request of its own), as they would from traffic.
  for (const replica of replicas) {
    const register = JSON.stringify({ query: document, ...persisted(document) });
    expect((await post(replica, register, sign(register))).status).toBe(200);
  }
  const body = JSON.stringify(persisted(document));
  const headers = sign(body);
  const before = recoveries;
  const first = await post(replicas[0], body, headers);
  expect(first.status).toBe(200);
  expect((await first.json()).data).toEqual({ recoverPayments: before + 1 });

  const replay = await post(replicas[1], body, headers);
  expect(replay.status).toBe(401);
  expect((await replay.json()).errors[0]).toMatchObject({
    message: expect.stringMatching(/already used/),
    extensions: { code: 'UNAUTHENTICATED' },
  });
  expect(recoveries).toBe(before + 1);
});

it('claims the nonce of a read in memory only: no row for it in the shared table', async () => {
  const document = 'query Ping { ping }';
  const register = JSON.stringify({ query: document, ...persisted(document) });
  const headers = sign(register);
  expect((await post(replicas[0], register, headers)).status).toBe(200);
  const rows = await replicas[0].database.dataSource.query(`SELECT 1 FROM ${SCHEMA}.service_nonces WHERE nonce = $1`, [
    headers['x-cardweave-nonce'],
  ]);
  expect(rows).toEqual([]);
  // The same replica still refuses it again.
  expect((await post(replicas[0], register, headers)).status).toBe(401);
});
