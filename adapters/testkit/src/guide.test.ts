/**
 * The guide's tables of the canonical rules and of each role's required rows are the SDK's,
 * row for row: a change to either table that leaves adapters/README.md behind fails here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CANONICAL_ERROR_RULES, REQUIRED_ERROR_CODES } from '@cardweave/adapter-sdk';

const guide = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

function block(name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(guide);
  if (!match) throw new Error(`adapters/README.md has no ${name} block`);
  return match[1];
}

it('lists the canonical table as the SDK declares it', () => {
  const rows = Object.entries(CANONICAL_ERROR_RULES).map(
    ([code, r]) =>
      `| \`${code}\`${r.transient ? ' (transient)' : ''} | ${r.decisions.join(', ')} | ${r.remedies.join(', ')}${r.limit === 'WINDOWS_REQUIRED' ? '; names its `limitWindows`' : ''} |`,
  );
  expect(block('canonical-table')).toBe(['| code | decisions | remedies |', '|---|---|---|', ...rows].join('\n'));
});

it("lists each role's required rows as the SDK declares them", () => {
  const rows = Object.entries(REQUIRED_ERROR_CODES).flatMap(([role, required]) =>
    required.map((r) => `| ${role} | \`${r.code}\` | ${r.why} |`),
  );
  expect(block('required-rows')).toBe(['| role | canonical code | why the role must map it |', '|---|---|---|', ...rows].join('\n'));
});
