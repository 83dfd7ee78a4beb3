// Second half of `npm run build`: copies the files the compiled services read at run time
// into dist/, each to the same place relative to the code that reads it.
//
// Why: the services find these files by paths relative to their own code (`__dirname`,
// `require.resolve`), and dist/ mirrors the source tree (gateway/src/gateway.ts becomes
// dist/gateway/src/gateway.js), so a file copied to the mirrored place resolves exactly as it
// does under tsx, with no code that knows whether it runs compiled. tsc emits only JavaScript,
// so without this list the compiled services would start and then fail on their first read.
// The production image holds dist/ and node_modules only: what is not listed here is not there.
//
// One entry per asset, `*` matching within one path segment; an entry that matches nothing
// fails the build (a renamed file must be renamed here too).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS = [
  // each subgraph's schema (subgraphs/<name>/src/<name>-subgraph.ts: ../schema.graphql)
  'subgraphs/*/schema.graphql',
  // the value types the three share (subgraphs/shared/src/server/subgraph-server.ts)
  'subgraphs/shared/schema/*.graphql',
  // the composed supergraph the gateway serves (gateway/src/subgraph-catalog.ts)
  'gateway/supergraph.graphql',
  // the trusted operations of GATEWAY_PERSISTED_ONLY (gateway/src/gateway.ts)
  'gateway/persisted-documents.json',
  // the client operations: persisted documents by hash (gateway/src/performance.ts) and the
  // IDE's example query (gateway/src/gateway.ts)
  'client/operations/*.graphql',
  // which adapters load (adapters/sdk/src/registry.ts); its ./paths then name the compiled
  // adapter folders beside it
  'adapters/adapters.config.json',
  // the built card page the gateway serves at / (gateway/src/plugins/use-web-page.ts);
  // `npm run build` builds it first
  'web/dist',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The paths (relative to root) an entry names: `*` matches any name within one segment. */
export function expand(pattern) {
  let found = [''];
  for (const segment of pattern.split('/')) {
    const next = [];
    for (const dir of found) {
      if (!segment.includes('*')) {
        if (fs.existsSync(path.join(root, dir, segment))) next.push(path.posix.join(dir, segment));
        continue;
      }
      const full = path.join(root, dir);
      if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) continue;
      const re = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      for (const name of fs.readdirSync(full).sort()) if (re.test(name)) next.push(path.posix.join(dir, name));
    }
    found = next;
  }
  return found;
}

function main() {
  const out = path.join(root, 'dist');
  let copied = 0;
  for (const pattern of ASSETS) {
    const matches = expand(pattern);
    if (matches.length === 0) {
      console.error(`copy-assets: nothing matches ${pattern}${pattern === 'web/dist' ? ' (npm run web:build builds it)' : ''}`);
      process.exit(1);
    }
    for (const match of matches) {
      fs.cpSync(path.join(root, match), path.join(out, match), { recursive: true });
      copied += 1;
    }
  }
  console.log(`copied ${copied} run-time files and folders into dist/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
