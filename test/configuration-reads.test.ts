/**
 * Every setting comes from the environment through the service kit's table of variables
 * (service-kit/src/environment): no product code reads `process.env.X` or `env.X` itself,
 * where a second parser could creep back in. Handing the whole environment on
 * (`keyringFromEnv(process.env)`) is fine: the receiver reads it through the table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_VARIABLES } from '@cardweave/service-kit';

const root = path.resolve(__dirname, '..');
const PRODUCT_DIRS = ['gateway', 'subgraphs', 'service-kit', 'adapters', 'scripts', 'bench', 'client'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated', 'test', 'results']);
/** The reader itself. */
const READER_DIR = 'service-kit/src/environment/';

/**
 * Files that read variables themselves, and why. Each must still read one (or the entry goes),
 * and every name they read must be a row of the table.
 */
const ALLOWED: Record<string, string> = {
  // The adapter SDK is below the service kit (the kit depends on it): it reads its three
  // adapter-list variables as plain text, documented in the table.
  'adapters/sdk/src/registry.ts': 'adapter list variables',
};

/** `process.env.NAME`, `process.env['NAME']`, `env.NAME`, `env[...]`: reading one variable. */
const READ = /\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*(?:'([^']*)'|"([^"]*)"|[^\]]*)\])/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const files = PRODUCT_DIRS.flatMap(sourceFiles).filter((file) => !file.startsWith(READER_DIR));
const reads = new Map(
  files.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    return [file, [...text.matchAll(READ)].map((m) => ({ text: m[0], name: m[1] ?? m[2] ?? m[3] }))];
  }),
);

describe('configuration reads', () => {
  it('finds the product sources (the scan is looking in the right place)', () => {
    expect(files).toEqual(expect.arrayContaining(['gateway/src/main.ts', 'subgraphs/wallet/src/main.ts', 'scripts/start.ts']));
  });

  it('happen only through the table of variables', () => {
    const outside = [...reads]
      .filter(([file, found]) => found.length > 0 && !(file in ALLOWED))
      .map(([file, found]) => `${file}: ${found.map((r) => r.text).join(', ')}`);
    expect(outside).toEqual([]);
  });

  it('keep the allowed exceptions to files that still read, and only variables of the table', () => {
    for (const file of Object.keys(ALLOWED)) {
      const found = reads.get(file) ?? [];
      expect({ file, reads: found.length > 0 }).toEqual({ file, reads: true });
      for (const { name } of found)
        expect({ file, name, inTable: !!name && name in CONFIG_VARIABLES }).toEqual({ file, name, inTable: true });
    }
  });
});
