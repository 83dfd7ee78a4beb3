/**
 * `npm run permissions:docs`: writes the README's permission table from the table in the
 * service kit (service-kit/src/auth/permissions.ts). `-- --check` only says whether the
 * README is current (exit 1 when it is not).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withPermissionsTable } from '@cardweave/service-kit/permissions';

// npm runs scripts from the root package's folder, from source (tsx) and compiled alike.
const readmeFile = path.resolve('README.md');
const readme = fs.readFileSync(readmeFile, 'utf8');
const current = withPermissionsTable(readme);
if (process.argv.includes('--check')) {
  if (current !== readme) {
    console.error('README.md: the permission table is stale; run npm run permissions:docs');
    process.exit(1);
  }
} else if (current !== readme) {
  fs.writeFileSync(readmeFile, current);
  console.log('README.md: permission table written');
}
