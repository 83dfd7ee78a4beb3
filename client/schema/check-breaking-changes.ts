/**
 * `npm run schema:check`: fails when the public API breaks a client of the last release
 * (schema/public-api.released.graphql) in a way schema/intended-breaking-changes.json does
 * not record. `-- --release` makes the current schema the released one and empties the list.
 */
import * as fs from 'node:fs';
import type { Change } from '@graphql-inspector/core';
import { checkAgainstRelease } from './breaking-changes';
import { INTENDED_BREAKING_CHANGES_FILE, printPublicSchema, RELEASED_SCHEMA_FILE } from './public-schema';

const line = (c: Change) => `  ${c.type} ${c.path ?? ''}: ${c.message}`;

async function main(): Promise<void> {
  if (process.argv.includes('--release')) {
    const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
    const header =
      `# The Cardweave public API schema as last released (version ${version}).\n` +
      '# Written by `npm run schema:check -- --release`; `npm run schema:check` compares the current schema with it.\n';
    fs.writeFileSync(RELEASED_SCHEMA_FILE, printPublicSchema().replace(/^(#[^\n]*\n){2}/, header));
    fs.writeFileSync(INTENDED_BREAKING_CHANGES_FILE, `${JSON.stringify({ intended: [] }, null, 2)}\n`);
    console.log('recorded the current public API schema as released; intended breaking changes cleared');
    return;
  }
  const report = await checkAgainstRelease();
  console.log(
    `public API vs last release: ${report.safe.length} safe, ${report.dangerous.length} dangerous, ` +
      `${report.breaking.length} breaking (${report.intended.length} recorded as intended)`,
  );
  if (report.dangerous.length) console.log(`dangerous (allowed, but check clients):\n${report.dangerous.map(line).join('\n')}`);
  if (report.intended.length) console.log(`breaking, recorded as intended:\n${report.intended.map(line).join('\n')}`);
  if (report.unusedAllowances.length) {
    console.log(`recorded but not found (remove from ${INTENDED_BREAKING_CHANGES_FILE}):`);
    for (const a of report.unusedAllowances) console.log(`  ${a.type} ${a.path}`);
  }
  if (report.unexpected.length) {
    console.error(
      `\nbreaking changes not recorded as intended:\n${report.unexpected.map(line).join('\n')}\n\n` +
        `Keep the old field or type, or record each change (type, path, reason) in ${INTENDED_BREAKING_CHANGES_FILE}.`,
    );
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
