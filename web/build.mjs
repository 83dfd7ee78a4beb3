// Builds the card page into web/dist (`npm run web:build`). With --if-stale (npm start,
// npm test) it does nothing when web/dist is newer than everything the page is built from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(web, '..');
const output = path.join(web, 'dist', 'index.html');
const inputs = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'client/operations',
  'client/generated',
  'adapters/sdk/src/canonical-errors.ts',
  'service-kit/src/documents',
  'package-lock.json',
];

function newest(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

if (process.argv.includes('--if-stale') && fs.existsSync(output)) {
  const built = fs.statSync(output).mtimeMs;
  if (inputs.every((input) => newest(path.join(root, input)) <= built)) process.exit(0);
}

const started = Date.now();
const { build } = await import('vite');
await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
console.log(`built the card page into web/dist in ${((Date.now() - started) / 1000).toFixed(1)}s`);
