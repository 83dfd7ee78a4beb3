/**
 * Cross-origin access: CORS answers only the gateway's own origin and the origins listed in
 * GATEWAY_CORS_ORIGINS, and the demo sign-in refuses a request another site's page sends.
 */
import { startGateway, type RunningGateway } from './gateway';
import { originPolicyFromEnv } from './plugins/origin-policy';

const FOREIGN = 'https://evil.example';
const LISTED = 'https://cards.example';

let plain: RunningGateway;
let listed: RunningGateway;

beforeAll(async () => {
  plain = await startGateway({ logging: false });
  listed = await startGateway({ logging: false, corsOrigins: [LISTED, 'https://ops.example'] });
});

afterAll(async () => {
  await plain?.stop();
  await listed?.stop();
});

const originOf = (gateway: RunningGateway) => new URL(gateway.url).origin;

function preflight(gateway: RunningGateway, origin: string, pathname = '/graphql'): Promise<Response> {
  return fetch(new URL(pathname, gateway.url), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
}

function probe(gateway: RunningGateway, origin: string): Promise<Response> {
  return fetch(gateway.url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

function signIn(gateway: RunningGateway, headers: Record<string, string>): Promise<Response> {
  return fetch(new URL('/web/sign-in', gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ customerId: '00000000-0000-4000-8000-000000000002' }),
  });
}

function expectNoCors(response: Response): void {
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
}

describe('CORS', () => {
  it.each([
    ['by default', () => plain],
    ['with an allow-list', () => listed],
  ])('gives an unlisted origin no CORS headers %s, on a preflight and on a POST', async (_, gateway) => {
    expectNoCors(await preflight(gateway(), FOREIGN));
    expectNoCors(await preflight(gateway(), FOREIGN, '/web/sign-in'));
    const response = await probe(gateway(), FOREIGN);
    expectNoCors(response);
    expect(response.status).toBe(200); // answered, but a foreign page cannot read it
  });

  it('answers a listed origin with exactly that origin', async () => {
    for (const response of [await preflight(listed, LISTED), await probe(listed, LISTED)]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('vary')).toContain('Origin');
    }
    expect((await preflight(listed, 'https://ops.example')).headers.get('access-control-allow-origin')).toBe('https://ops.example');
    // Near misses of a listed origin are other origins.
    for (const origin of [`${LISTED}.evil.example`, 'http://cards.example', `${LISTED}:8443`, 'null']) {
      expectNoCors(await preflight(listed, origin));
    }
  });

  it("answers the gateway's own origin", async () => {
    const own = originOf(plain);
    expect((await preflight(plain, own)).headers.get('access-control-allow-origin')).toBe(own);
  });
});

describe('the demo sign-in', () => {
  it('refuses a request from a foreign origin with 403 and no token', async () => {
    for (const headers of [
      { origin: FOREIGN } as Record<string, string>,
      { origin: FOREIGN, 'sec-fetch-site': 'cross-site' },
      // The own origin claimed, but the browser says another site sent it.
      { origin: originOf(plain), 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      {},
    ]) {
      const response = await signIn(plain, headers);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('set-cookie')).toBeNull();
      if (headers.origin !== originOf(plain)) expectNoCors(response);
      const body = (await response.json()) as { token?: string; errors: Array<{ extensions: { code: string } }> };
      expect(body.token).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('signs in a same-origin request, and one from a listed origin', async () => {
    const own = await signIn(plain, { origin: originOf(plain), 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { token: string }).token).toMatch(/^ey/);
    expect((await signIn(plain, { origin: originOf(plain) })).status).toBe(200);
    const fromListed = await signIn(listed, { origin: LISTED, 'sec-fetch-site': 'cross-site' });
    expect(fromListed.status).toBe(200);
    expect(fromListed.headers.get('access-control-allow-origin')).toBe(LISTED);
  });
});

describe('GATEWAY_CORS_ORIGINS', () => {
  it('lists the origins allowed besides the own one, and refuses anything but origins', () => {
    expect([...originPolicyFromEnv({ GATEWAY_CORS_ORIGINS: `${LISTED}, http://127.0.0.1:5173` }).listed]).toEqual([
      LISTED,
      'http://127.0.0.1:5173',
    ]);
    expect([...originPolicyFromEnv({}).listed]).toEqual([]);
    for (const value of ['*', `${LISTED}/`, 'cards.example']) {
      expect(() => originPolicyFromEnv({ GATEWAY_CORS_ORIGINS: value })).toThrow(/GATEWAY_CORS_ORIGINS must be/);
    }
  });
});
