import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';
import { generateLocalKeySet, keyringFromLocalKeySet, type Keyring } from '@cardweave/service-kit';
import { HEADER, MemoryNonceStore, signServiceRequest } from '@cardweave/service-kit';

describe('trust between services', () => {
  let keyring: Keyring;
  let server: RunningSubgraph;
  let base: string;
  const calls: unknown[] = [];

  beforeAll(async () => {
    keyring = keyringFromLocalKeySet(generateLocalKeySet());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-auth-'));
    const schemaFile = path.join(dir, 'schema.graphql');
    fs.writeFileSync(
      schemaFile,
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n' +
        'type Query { whoami: String }\ntype Mutation { runStatements: String }',
    );
    server = await startSubgraphServer<{ identity?: { subject: string } | null }>({
      name: 'issuer',
      schemaFile,
      resolvers: {
        Query: {
          whoami: (_: unknown, __: unknown, ctx: { identity?: { subject: string } | null }) => ctx.identity?.subject ?? 'anonymous',
        },
        Mutation: { runStatements: () => 'ok' },
      } as never,
      context: () => ({}),
      ready: async () => true,
      keyring,
      nonces: new MemoryNonceStore(),
      internalRoutes: {
        echo: async (body, caller) => {
          calls.push({ body, caller });
          return { status: 200, body: { caller: caller.service, subject: caller.identity?.subject ?? null } };
        },
      },
    });
    base = server.url.replace('/graphql', '');
  });
  afterAll(() => server.stop());

  const graphql = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (service: string, p: string, body: string, extra: Partial<Parameters<typeof signServiceRequest>[0]> = {}) =>
    signServiceRequest({ service, method: 'POST', path: p, body, keyring, ...extra });

  const query = JSON.stringify({ query: '{ whoami }' });
  const identity = { subject: 'c-1', customerId: '00000000-0000-4000-8000-000000000001', roles: ['CUSTOMER' as const] };

  it('serves a request the gateway signed, with the identity it carries', async () => {
    const response = await graphql(query, signed('gateway', '/graphql', query, { identity }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { whoami: 'c-1' } });
  });

  it('rejects an unsigned request straight to the subgraph', async () => {
    const response = await graphql(query);
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged signature, a changed body, a swapped identity and a stale timestamp', async () => {
    const headers = signed('gateway', '/graphql', query, { identity });
    const forged = { ...headers, [HEADER.signature]: Buffer.alloc(64, 1).toString('base64url') };
    expect((await graphql(query, forged)).status).toBe(401);
    expect((await graphql(JSON.stringify({ query: '{ whoami __typename }' }), signed('gateway', '/graphql', query))).status).toBe(401);
    const other = Buffer.from(JSON.stringify({ ...identity, subject: 'someone-else' })).toString('base64url');
    expect((await graphql(query, { ...signed('gateway', '/graphql', query, { identity }), [HEADER.identity]: other })).status).toBe(401);
    expect((await graphql(query, signed('gateway', '/graphql', query, { now: Date.now() - 120_000 }))).status).toBe(401);
  });

  it('rejects a key other than the gateway for /graphql, and a key nobody configured', async () => {
    expect((await graphql(query, signed('wallet', '/graphql', query))).status).toBe(401);
    const stranger = keyringFromLocalKeySet(generateLocalKeySet());
    expect(
      (await graphql(query, signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body: query, keyring: stranger })))
        .status,
    ).toBe(401);
  });

  it('rejects a replayed signature', async () => {
    const mutation = JSON.stringify({ query: 'mutation { runStatements }' });
    const operator = { subject: 'operator-1', customerId: null, roles: ['OPERATOR' as const] };
    const headers = signed('gateway', '/graphql', mutation, { identity: operator });
    const first = await graphql(mutation, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { runStatements: 'ok' } });
    const replay = await graphql(mutation, headers);
    expect(replay.status).toBe(401);
    expect((await replay.json()).errors[0].message).toMatch(/already used/);
    const readHeaders = signed('gateway', '/graphql', query);
    expect((await graphql(query, readHeaders)).status).toBe(200);
    expect((await graphql(query, readHeaders)).status).toBe(401);
  });

  it('serves internal routes to signed siblings only', async () => {
    const body = JSON.stringify({ amountFen: '100' });
    const post = (headers: Record<string, string>, p = '/internal/echo') =>
      fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const ok = await post(signed('wallet', '/internal/echo', body, { identity }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ caller: 'wallet', subject: 'c-1' });
    expect(calls).toHaveLength(1);
    expect((await post({})).status).toBe(401);
    expect((await post(signed('gateway', '/internal/echo', body))).status).toBe(401);
    expect((await post(signed('issuer', '/internal/echo', body))).status).toBe(401); // not itself
    const once = signed('clearing', '/internal/echo', body);
    expect((await post(once)).status).toBe(200);
    expect((await post(once)).status).toBe(401);
    expect((await post(signed('wallet', '/internal/nope', body), '/internal/nope')).status).toBe(404);
    expect(calls).toHaveLength(2);
  });
});
