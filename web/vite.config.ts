/**
 * The card holder's page. `npm run web:build` writes web/dist, which the gateway serves at /.
 * `npm run web:dev` serves it with live reload and sends /graphql to a running gateway
 * (CARDWEAVE_GRAPHQL_ORIGIN, default http://127.0.0.1:4000; the mock server is :4010).
 */
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // JSX through esbuild (no Babel): React's automatic runtime.
  esbuild: { jsx: 'automatic' },
  // Workspace packages as their TypeScript sources ("cardweave-source" in their exports), as
  // web/tsconfig.json resolves them: their dist/ is built after the page, if at all.
  resolve: { conditions: ['cardweave-source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': process.env.CARDWEAVE_GRAPHQL_ORIGIN ?? 'http://127.0.0.1:4000' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  logLevel: 'warn',
});
