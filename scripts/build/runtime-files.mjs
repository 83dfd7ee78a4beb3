// What the production image holds besides node_modules: every package's package.json and the
// files it lists in "files" (its dist/ and the schema, supergraph or persisted documents it
// reads beside it), and the root package's own run-time files (ROOT_FILES).
//
// Why a list: each workspace package builds into its own dist/ beside its src/, so the files a
// service reads by a path relative to its code (`__dirname`) sit where they sit under tsx, and
// nothing is copied at build time. The image leaves the sources out; what is not named here
// is not there.
//
//   node scripts/build/runtime-files.mjs            prints the list (paths relative to the root)
//   node scripts/build/runtime-files.mjs --copy DIR copies them into DIR, the tree kept
//
// One entry per file or folder, `*` matching within one path segment; an entry that matches
// nothing fails (a renamed file must be renamed here too, or in its package's "files").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root package's run-time files: its compiled scripts and what the gateway reads of it. */
export const ROOT_FILES = [
  'package.json',
  'package-lock.json',
  // the root package's compiled scripts (npm start's launcher, demo data, keys, tokens)
  'dist/scripts',
  // the client operations: persisted documents by hash (gateway/src/performance.ts) and the
  // IDE's example query (gateway/src/gateway.ts)
  'client/operations/*.graphql',
  // which adapters load (adapters/sdk/src/registry.ts): package names, resolved in node_modules
  'adapters/adapters.config.json',
  // the built card page the gateway serves at / (gateway/src/plugins/use-web-page.ts);
  // `npm run build` builds it first
  'web/dist',
  // the scalars' specification, which their @specifiedBy names (gateway/src/plugins/use-scalar-docs.ts)
  'docs/scalars.md',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

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
      const re = new RegExp(
        `^${segment
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*')}$`,
      );
      for (const name of fs.readdirSync(full).sort()) if (re.test(name)) next.push(path.posix.join(dir, name));
    }
    found = next;
  }
  return found;
}

/** The workspace packages' folders (relative to root), as npm finds them from "workspaces". */
export function workspaceDirs() {
  return readJson('package.json')
    .workspaces.flatMap(expand)
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
}

/** A package's TypeScript sources: its src/ folder and an index.ts at its root. */
export const isSource = (file) => file === 'src' || file.startsWith('src/') || (file.endsWith('.ts') && !file.endsWith('.d.ts'));

/** Every entry of the image: [pattern, its matches], packages' "files" prefixed by their folder. */
export function runtimeEntries() {
  const entries = ROOT_FILES.map((pattern) => [pattern, expand(pattern)]);
  for (const dir of workspaceDirs()) {
    entries.push([`${dir}/package.json`, [`${dir}/package.json`]]);
    for (const file of readJson(`${dir}/package.json`).files ?? []) {
      // exclusions narrow a published tarball (the image keeps the folder); documents are not run;
      // sources are what a published package (the adapter SDK, the testkit) ships for the
      // cardweave-source condition of an author's checkout, while the image runs dist/
      if (file.startsWith('!') || file.endsWith('.md') || isSource(file)) continue;
      const pattern = `${dir}/${file}`;
      entries.push([pattern, expand(pattern)]);
    }
  }
  return entries;
}

function main() {
  const entries = runtimeEntries();
  const missing = entries.filter(([, matches]) => matches.length === 0).map(([pattern]) => pattern);
  if (missing.length) {
    console.error(`runtime-files: nothing matches ${missing.join(', ')} (npm run build writes dist/ and web/dist)`);
    process.exit(1);
  }
  const files = entries.flatMap(([, matches]) => matches);
  const at = process.argv.indexOf('--copy');
  if (at === -1) {
    for (const file of files) console.log(file);
    return;
  }
  const out = path.resolve(process.argv[at + 1] ?? '');
  if (!process.argv[at + 1]) {
    console.error('runtime-files: --copy needs a folder');
    process.exit(2);
  }
  for (const file of files) fs.cpSync(path.join(root, file), path.join(out, file), { recursive: true, verbatimSymlinks: true });
  console.log(`copied ${files.length} run-time files and folders into ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
