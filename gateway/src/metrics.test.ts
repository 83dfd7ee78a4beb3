/**
 * /metrics: its series come from a bounded set of label values (operation names only from the
 * persisted documents, otherwise `unknown`), a refused request adds none, and reading it needs
 * GATEWAY_METRICS_TOKEN (or, in development without one, a loopback client).
 */
import { randomBytes } from 'node:crypto';
import { currentKeyring, mintToken, setLogSink, tokenSettingsFromEnv } from '@cardweave/service-kit';
import { startGateway, type RunningGateway } from './gateway';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

let gateway: RunningGateway;
let operatorToken: string;

beforeAll(async () => {
  setLogSink(() => undefined); // one access-log line per request would bury the test's output
  gateway = await startGateway({ logging: false, metricsToken: METRICS_TOKEN });
  operatorToken = mintToken({ ...tokenSettingsFromEnv(), privateKey: currentKeyring().jwtPrivateKey!, roles: ['OPERATOR'] });
});

afterAll(async () => {
  await gateway?.stop();
});

const randomName = () => `Op${randomBytes(6).toString('hex')}`;

async function metricsText(target = gateway, token = METRICS_TOKEN): Promise<string> {
  const response = await fetch(new URL('/metrics', target.url), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** Every series /metrics exposes, by its name and labels. */
async function series(target = gateway): Promise<Set<string>> {
  const text = await metricsText(target);
  return new Set(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.slice(0, line.lastIndexOf(' '))),
  );
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** One request of each kind a caller can send, each under a fresh operation name. */
async function requestsOfEveryKind(token: string | null): Promise<void> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const name = randomName();
  await Promise.all([
    post({ query: `query ${name} { customers(first: 1) { edges { node { id } } } }` }, auth),
    post({ query: `query ${randomName()} { __typename }` }, auth),
    post({ query: `mutation ${randomName()} { recoverPayments { examined } }` }, auth),
    post({ query: `query ${randomName()} { nope }` }, auth), // invalid
    post({ query: `query ${randomName()} {`.repeat(3) }, auth), // does not parse
    post({ query: '{ customers(first: 1) { edges { node { id } } } }', operationName: randomName() }, auth),
    post({ query: `query ${randomName()} { ${'a: __typename '.repeat(40)} }` }, auth), // over the alias limit
    fetch(`${gateway.url}?query=${encodeURIComponent(`query ${randomName()} { __typename }`)}&x=${randomName()}`, { headers: auth }),
  ]);
}

describe('metric series', () => {
  it('stay flat over 200 requests with random operation names', async () => {
    // The bounded set: the known names, and `unknown` for everything else.
    await requestsOfEveryKind(operatorToken);
    await post({ query: 'query CardView { customers(first: 1) { edges { node { id } } } }' }, { authorization: `Bearer ${operatorToken}` });
    const before = await series();
    for (let i = 0; i < 25; i++) await requestsOfEveryKind(operatorToken); // 200 requests
    const after = await series();
    expect([...after].filter((s) => !before.has(s))).toEqual([]);
    expect([...after].some((s) => s.startsWith('graphql_envelop_request_duration_count{') && s.includes('operationName="CardView"'))).toBe(
      true,
    );
    expect(
      [...after].some((s) => s.startsWith('graphql_gateway_subgraph_execute_duration_count{') && s.includes('operationName="CardView"')),
    ).toBe(true);
    expect([...after].some((s) => s.includes('operationName="unknown"'))).toBe(true);
    // No label carries what the client chose: its operation names, or the URL it asked for.
    expect([...after].filter((s) => /Op[0-9a-f]{12}|\?query=/.test(s))).toEqual([]);
  });

  it('are not created by unauthenticated requests', async () => {
    const fresh = await startGateway({ logging: false, metricsToken: METRICS_TOKEN });
    try {
      const before = await series(fresh);
      for (let i = 0; i < 10; i++) {
        await fetch(fresh.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query ${randomName()} { customers(first: 1) { edges { node { id } } } }` }),
        });
        await fetch(fresh.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
          body: JSON.stringify({ query: `query ${randomName()} { customers(first: 1) { edges { node { id } } } }` }),
        });
        await fetch(fresh.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query ${randomName()} { nope }` }),
        });
      }
      const after = await series(fresh);
      expect([...after].filter((s) => !before.has(s))).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});

describe('GET /metrics', () => {
  it('needs the metrics token', async () => {
    const without = await fetch(new URL('/metrics', gateway.url));
    expect(without.status).toBe(401);
    expect(await without.text()).not.toContain('graphql_envelop');
    const wrong = await fetch(new URL('/metrics', gateway.url), { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
    const client = await fetch(new URL('/metrics', gateway.url), { headers: { authorization: `Bearer ${operatorToken}` } });
    expect(client.status).toBe(401);
    expect(await metricsText()).toContain('cardweave_errors_total');
  });

  it('does not exist in production without a token', async () => {
    const production = await startGateway({ logging: false, production: true, metricsToken: undefined });
    try {
      const response = await fetch(new URL('/metrics', production.url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('graphql_envelop');
    } finally {
      await production.stop();
    }
  });
});
