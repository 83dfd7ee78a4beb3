/** The web page plugin serves the built page and its assets, and nothing else. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { identityFromClaims } from '@cardweave/service-kit';
import { useWebPage } from './use-web-page';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>page</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'graphql'), 'must never be served');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function serve(pathname: string, method = 'GET', dir = root): Promise<Response | undefined> {
  let answer: Response | undefined;
  const url = new URL(`http://127.0.0.1${pathname}`);
  await useWebPage({ root: dir }).onRequest({ url, request: new Request(url, { method }), endResponse: (r) => (answer = r) });
  return answer;
}

describe('useWebPage', () => {
  it('serves the page at / and its hashed assets with long caching', async () => {
    const page = (await serve('/'))!;
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>page</title>');
    const asset = (await serve('/assets/app-1234.js'))!;
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves /graphql, /healthz, /readyz, other methods and unknown paths to the gateway', async () => {
    expect(await serve('/graphql')).toBeUndefined();
    expect(await serve('/graphql?query={__typename}')).toBeUndefined();
    expect(await serve('/healthz')).toBeUndefined();
    expect(await serve('/readyz')).toBeUndefined();
    expect(await serve('/', 'POST')).toBeUndefined();
    expect(await serve('/nothing-here')).toBeUndefined();
  });

  it('never serves a file outside its folder', async () => {
    expect(await serve('/../package.json')).toBeUndefined();
    expect(await serve('/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(await serve('/%E0%A4%A')).toBeUndefined();
  });

  it('says how to build the page when it is not built', async () => {
    const page = (await serve('/', 'GET', path.join(root, 'missing')))!;
    expect(await page.text()).toContain('npm run web:build');
  });

  it('offers demo sign-in only when given the local token key', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signIn = async (options: Parameters<typeof useWebPage>[0], body: unknown, origin = 'http://127.0.0.1') => {
      let answer: Response | undefined;
      const url = new URL('http://127.0.0.1/web/sign-in');
      const headers = { 'content-type': 'application/json', origin };
      const request = new Request(url, { method: 'POST', headers, body: JSON.stringify(body) });
      await useWebPage(options).onRequest({ url, request, endResponse: (r) => (answer = r) });
      return answer;
    };
    const id = '00000000-0000-4000-8000-000000000002';
    const demo = { root, demoSignIn: { privateKey, issuer: 'https://auth.test', audience: 'test' } };
    const answer = (await signIn(demo, { customerId: id }))!;
    const { token } = (await answer.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(identityFromClaims(claims)).toEqual({ subject: `customer:${id}`, customerId: id, roles: ['CUSTOMER'] });
    expect((await signIn(demo, { customerId: "1'; --" }))!.status).toBe(400);
    // Another site's page: refused before anything is minted.
    const foreign = (await signIn(demo, { customerId: id }, 'https://evil.example'))!;
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).not.toHaveProperty('token');
    // Production passes no key: the route does not exist.
    expect(await signIn({ root, demoSignIn: undefined }, { customerId: id })).toBeUndefined();
    expect(await signIn({ root, demoSignIn: { privateKey: undefined, issuer: 'x', audience: 'y' } }, { customerId: id })).toBeUndefined();
  });
});
