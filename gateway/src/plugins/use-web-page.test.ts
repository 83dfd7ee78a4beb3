/** The web page plugin serves the built page and its assets, and nothing else. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

function serve(pathname: string, method = 'GET', dir = root): Response | undefined {
  let answer: Response | undefined;
  const url = new URL(`http://127.0.0.1${pathname}`);
  useWebPage({ root: dir }).onRequest({ url, request: new Request(url, { method }), endResponse: (r) => (answer = r) });
  return answer;
}

describe('useWebPage', () => {
  it('serves the page at / and its hashed assets with long caching', async () => {
    const page = serve('/')!;
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>page</title>');
    const asset = serve('/assets/app-1234.js')!;
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves /graphql, /healthz, /readyz, other methods and unknown paths to the gateway', () => {
    expect(serve('/graphql')).toBeUndefined();
    expect(serve('/graphql?query={__typename}')).toBeUndefined();
    expect(serve('/healthz')).toBeUndefined();
    expect(serve('/readyz')).toBeUndefined();
    expect(serve('/', 'POST')).toBeUndefined();
    expect(serve('/nothing-here')).toBeUndefined();
  });

  it('never serves a file outside its folder', () => {
    expect(serve('/../package.json')).toBeUndefined();
    expect(serve('/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(serve('/%E0%A4%A')).toBeUndefined();
  });

  it('says how to build the page when it is not built', async () => {
    const page = serve('/', 'GET', path.join(root, 'missing'))!;
    expect(await page.text()).toContain('npm run web:build');
  });
});
