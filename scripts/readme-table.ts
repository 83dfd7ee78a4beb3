/**
 * The README's generated tables (configuration, permissions): each script passes the function
 * that rewrites its table from the code; `-- --check` only says whether the README is current
 * (exit 1 when it is not), as the tests and `npm run check:generated` do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `part` names what is rewritten, with its verb: 'configuration table is', 'example query and its numbers are'. */
export function writeReadmeTable(part: string, command: string, rewrite: (readme: string) => string): void {
  // npm runs scripts from the root package's folder, from source (tsx) and compiled alike.
  const readmeFile = path.resolve('README.md');
  const readme = fs.readFileSync(readmeFile, 'utf8');
  const current = rewrite(readme);
  if (current === readme) return;
  if (process.argv.includes('--check')) {
    console.error(`README.md: the ${part} stale; run ${command}`);
    process.exit(1);
  }
  fs.writeFileSync(readmeFile, current);
  console.log(`README.md: the ${part} rewritten`);
}
