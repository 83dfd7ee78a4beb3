/**
 * Serves the custom scalars' specification (docs/scalars.md) at the path their `@specifiedBy`
 * names, so the URL a client reads in the schema answers from the gateway it asked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** The path every custom scalar's `@specifiedBy(url:)` names (with its own #fragment). */
export const SCALAR_DOCS_PATH = '/docs/scalars.md';

// gateway/src/plugins (or gateway/dist/plugins) → the repository's root.
const SCALAR_DOCS_FILE = path.resolve(__dirname, '../../../docs/scalars.md');

export function useScalarDocs(file = SCALAR_DOCS_FILE): GatewayPlugin {
  let text: string | null | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SCALAR_DOCS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      text ??= fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      endResponse(
        text === null
          ? new fetchAPI.Response('not found', { status: 404 })
          : new fetchAPI.Response(text, {
              headers: { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'public, max-age=300' },
            }),
      );
    },
  };
}
