/**
 * `npm run schema:print`: prints the public API schema (the supergraph as clients see it).
 * `npm run schema:print -- --write` also refreshes schema/public-api.graphql.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printPublicSchema, PUBLIC_SCHEMA_FILE } from './public-schema';

const sdl = printPublicSchema();
if (process.argv.includes('--write')) {
  fs.mkdirSync(path.dirname(PUBLIC_SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(PUBLIC_SCHEMA_FILE, sdl);
  console.error(`wrote ${path.relative(process.cwd(), PUBLIC_SCHEMA_FILE)}`);
} else {
  process.stdout.write(sdl);
}
