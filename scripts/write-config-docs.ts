/**
 * `npm run config:docs`: writes the README's configuration table from the table of
 * variables in the service kit. `-- --check` only says whether the README is current (exit 1
 * when it is not), as the tests and `npm run check:generated` do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withConfigTable } from '@cardweave/service-kit';

// npm runs scripts from the root package's folder, from source (tsx) and compiled alike.
const readmeFile = path.resolve('README.md');
const readme = fs.readFileSync(readmeFile, 'utf8');
const current = withConfigTable(readme);
if (process.argv.includes('--check')) {
  if (current !== readme) {
    console.error('README.md: the configuration table is stale; run npm run config:docs');
    process.exit(1);
  }
} else if (current !== readme) {
  fs.writeFileSync(readmeFile, current);
  console.log('README.md: configuration table written');
}
