/**
 * Serves the card holder's web page (web/, built into web/dist by `npm run web:build`) at
 * the gateway's root: `/` and its hashed assets. Every other path (/graphql, /healthz,
 * /readyz, …) goes on to the gateway untouched.
 */
import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorEntry, mintToken } from '@cardweave/service-kit';
import { originPolicy, type OriginPolicy } from './origin-policy';

export interface UseWebPageOptions {
  /** The built page: a folder holding index.html. Defaults to web/dist. */
  root?: string;
  /** Paths the page must never answer, whatever files the build holds. */
  reservedPaths?: string[];
  /**
   * Demo sign-in, for a local run only (never in production): with the local token key the
   * page lists the demo customers (GET /web/demo-customers) and signs in as one
   * (POST /web/sign-in → a customer token). Without it the page needs a real identity provider.
   */
  demoSignIn?: { privateKey?: KeyObject; issuer: string; audience: string };
  /** Who may call the demo sign-in from a browser; defaults to the gateway's own origin only. */
  origins?: OriginPolicy;
}

/** What the plugin needs of a request hook; both Hive Gateway and GraphQL Yoga supply it. */
export interface WebPageRequestPayload {
  url: URL;
  request: Request;
  endResponse(response: Response): void;
}

export const DEFAULT_WEB_ROOT = path.resolve(__dirname, '../../../web/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Cardweave</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>Cardweave</h1><p>The card page is not built. Run <code>npm run web:build</code> (npm start and npm test build it),
or open the GraphQL IDE at <a href="/graphql">/graphql</a>.</p></body></html>`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEMO_CUSTOMERS_QUERY = `query DemoCustomers($first: Int) { customers(first: $first) { edges { node {
  id name status userGroup cards { id maskedNumber overdue { isOverdue } } } } } }`;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

/**
 * The answer to a sign-in another site's page sent: without it, any page the customer's browser
 * opens could sign in as anyone and, were CORS ever loosened, read that customer's data.
 */
const crossSiteSignIn = () => json({ errors: [errorEntry('FORBIDDEN', 'sign-in is only accepted from this site')] }, 403);

/** The demo sign-in routes; undefined when the path is not one of them. */
async function demoSignInResponse(
  demo: Required<UseWebPageOptions>['demoSignIn'] & { privateKey: KeyObject },
  origins: OriginPolicy,
  url: URL,
  request: Request,
): Promise<Response | undefined> {
  const settings = { privateKey: demo.privateKey, issuer: demo.issuer, audience: demo.audience };
  if (url.pathname === '/web/sign-in' && request.method === 'POST') {
    if (!origins.acceptsCaller(request)) return crossSiteSignIn();
    const body = (await request.json().catch(() => null)) as { customerId?: unknown } | null;
    const customerId = typeof body?.customerId === 'string' && UUID.test(body.customerId) ? body.customerId.toLowerCase() : null;
    if (!customerId) return json({ errors: [errorEntry('BAD_USER_INPUT', 'customerId: not a valid id')] }, 400);
    return json({ customerId, token: mintToken({ ...settings, customerId, roles: ['CUSTOMER'], ttlSeconds: 12 * 3600 }) });
  }
  if (url.pathname === '/web/demo-customers' && request.method === 'GET') {
    // Listing customers is an operator's query: run it with a one-minute operator token.
    const token = mintToken({ ...settings, subject: 'web-demo-sign-in', roles: ['OPERATOR'], ttlSeconds: 60 });
    const answer = await fetch(new URL('/graphql', url.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DEMO_CUSTOMERS_QUERY, variables: { first: 20 } }),
    });
    return json(await answer.json(), answer.status);
  }
  return undefined;
}

export function useWebPage(options: UseWebPageOptions = {}) {
  const root = path.resolve(options.root ?? DEFAULT_WEB_ROOT);
  const reserved = options.reservedPaths ?? ['/graphql', '/healthz', '/readyz'];
  const demo = options.demoSignIn?.privateKey ? { ...options.demoSignIn, privateKey: options.demoSignIn.privateKey } : undefined;
  const origins = options.origins ?? originPolicy();

  /** The file under root a path names, or undefined (outside root, missing, or a folder). */
  function fileFor(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const file = path.resolve(root, `.${path.posix.normalize(decoded === '/' ? '/index.html' : decoded)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  }

  return {
    // Synchronous for every request but the demo sign-in: a GraphQL POST passes straight through.
    onRequest(payload: WebPageRequestPayload): Promise<void> | void {
      const { url, request, endResponse } = payload;
      if (demo && url.pathname.startsWith('/web/')) {
        return demoSignInResponse(demo, origins, url, request).then((response) => (response ? endResponse(response) : serveFile(payload)));
      }
      return serveFile(payload);
    },
  };

  function serveFile({ url, request, endResponse }: WebPageRequestPayload): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (reserved.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
    const file = fileFor(url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        endResponse(new Response(NOT_BUILT, { status: 200, headers: { 'content-type': CONTENT_TYPES['.html'] } }));
      }
      return;
    }
    const isIndex = path.basename(file) === 'index.html';
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      // Assets carry a content hash in their name; the page itself is always revalidated.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    };
    if (isIndex) {
      headers['content-security-policy'] =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
    }
    endResponse(new Response(request.method === 'HEAD' ? null : fs.readFileSync(file), { status: 200, headers }));
  }
}
