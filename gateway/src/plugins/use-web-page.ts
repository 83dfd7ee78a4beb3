/**
 * Serves the card holder's web page (web/, built into web/dist by `npm run web:build`) at
 * the gateway's root: `/` and its hashed assets. Every other path (/graphql, /healthz,
 * /readyz, …) goes on to the gateway untouched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface UseWebPageOptions {
  /** The built page: a folder holding index.html. Defaults to web/dist. */
  root?: string;
  /** Paths the page must never answer, whatever files the build holds. */
  reservedPaths?: string[];
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

export function useWebPage(options: UseWebPageOptions = {}) {
  const root = path.resolve(options.root ?? DEFAULT_WEB_ROOT);
  const reserved = options.reservedPaths ?? ['/graphql', '/healthz', '/readyz'];

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
    onRequest({ url, request, endResponse }: WebPageRequestPayload): void {
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
    },
  };
}
