/**
 * The scaffold's output must pass the conformance suite as generated, for every role.
 * A workspace package is written into a scratch folder inside the repository (so its imports
 * of the SDK and the testkit by package name resolve as they would in a real adapter folder);
 * a standalone package into the system's temporary folder, with this repository's
 * node_modules linked in for the SDK and the testkit. Both are removed afterwards.
 * (scripts/ci/adapter-author-smoke.mjs installs a standalone package from the packed SDK and
 * testkit and runs its own Jest.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InMemoryIdempotencyStore, loadAdapterModule, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { ManualClock, runConformance, type ConformanceExpectations } from '@cardweave/adapter-testkit';
import { scaffoldAdapter } from './new-adapter';

const SCRATCH = path.resolve(__dirname, '../.scaffold-test-tmp');

afterAll(() => fs.rmSync(SCRATCH, { recursive: true, force: true }));

describe('adapter scaffold', () => {
  beforeAll(() => fs.rmSync(SCRATCH, { recursive: true, force: true }));

  it.each([
    ['demo-wallet', 'wallet'],
    ['demo-issuer', 'issuer'],
    ['demo-network', 'clearing'],
  ] as const)('creates %s (%s) that passes the conformance suite', async (id, role) => {
    const { dir, files } = scaffoldAdapter({ id, role, parentDir: SCRATCH, register: false });
    expect(files).toEqual([
      'index.ts',
      'package.json',
      `src/${id}.adapter.ts`,
      `src/${id}.conformance.test.ts`,
      `src/${id}.errors.ts`,
      `src/${id}.expectations.ts`,
      `src/${id}.options.ts`,
      `src/${id}.simulator.ts`,
      `src/${id}.transformers.ts`,
      'tsconfig.build.json',
    ]);
    const adapter: PlatformAdapter = loadAdapterModule(dir, SCRATCH);
    expect(adapter.manifest).toMatchObject({ id, role });
    const camel = id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const expectations = require(path.join(dir, 'src', `${id}.expectations`))[`${camel}Expectations`] as ConformanceExpectations;
    const failing = (await runConformance(adapter, expectations)).filter((r) => r.failures.length > 0);
    expect(failing).toEqual([]);
  });

  it("fails a scaffolded adapter whose declared daily window is wrong: the template's simulator does not copy it", async () => {
    const { dir } = scaffoldAdapter({ id: 'wrong-window', role: 'wallet', parentDir: SCRATCH, register: false });
    const adapterFile = path.join(dir, 'src', 'wrong-window.adapter.ts');
    const source = fs.readFileSync(adapterFile, 'utf8');
    expect(source).toContain("window: 'DAILY'");
    fs.writeFileSync(adapterFile, source.replace("window: 'DAILY'", "window: 'MONTHLY'"));
    const adapter: PlatformAdapter = loadAdapterModule(dir, SCRATCH);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const expectations = require(path.join(dir, 'src', 'wrong-window.expectations')).wrongWindowExpectations as ConformanceExpectations;
    const failing = (await runConformance(adapter, expectations)).filter((r) => r.failures.length > 0);
    expect(failing.map((r) => r.name)).toEqual([
      "declared limits are the platform's documented limits",
      'each limit window resets exactly at its boundary in Asia/Shanghai, not a millisecond before',
    ]);
    expect(failing[0].failures).toContain(
      `limit "wrong-window.daily" is declared with window MONTHLY; the platform's documentation (expectations) says DAILY`,
    );
    // The declaration is wrong; the simulator, which keeps the platform's own limits, is not.
    expect(failing[1].failures.every((f) => f.startsWith('wrong-window.daily (declared MONTHLY'))).toBe(true);
  });

  it('refuses a bad id, a bad role and an existing folder', () => {
    expect(() => scaffoldAdapter({ id: 'Acme_Pay', role: 'wallet', parentDir: SCRATCH })).toThrow(/kebab-case/);
    expect(() => scaffoldAdapter({ id: 'acme-pay', role: 'bank' as never, parentDir: SCRATCH })).toThrow(/role "bank"/);
    scaffoldAdapter({ id: 'twice', role: 'wallet', parentDir: SCRATCH, register: false });
    expect(() => scaffoldAdapter({ id: 'twice', role: 'wallet', parentDir: SCRATCH, register: false })).toThrow(/already exists/);
  });
});

describe('standalone adapter scaffold (--dir)', () => {
  const repositoryRoot = path.resolve(__dirname, '../..');
  let outside: string;
  beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-scaffold-'));
  });
  afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('writes a package of its own, with nothing pointing into the repository, that passes the conformance suite', async () => {
    const dir = path.join(outside, 'acme-pay');
    const { files } = scaffoldAdapter({ id: 'acme-pay', role: 'wallet', standaloneDir: dir });
    expect(files).toEqual([
      '.gitignore',
      'README.md',
      'index.ts',
      'jest.config.js',
      'package.json',
      'src/acme-pay.adapter.ts',
      'src/acme-pay.conformance.test.ts',
      'src/acme-pay.errors.ts',
      'src/acme-pay.expectations.ts',
      'src/acme-pay.options.ts',
      'src/acme-pay.simulator.ts',
      'src/acme-pay.transformers.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const version = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'adapters', name, 'package.json'), 'utf8')).version;
    expect(manifest.dependencies).toEqual({
      '@cardweave/adapter-sdk': `^${version('sdk')}`,
      '@cardweave/adapter-testkit': `^${version('testkit')}`,
    });
    expect(Object.keys(manifest.devDependencies).sort()).toEqual(['@types/jest', '@types/node', 'jest', 'ts-jest', 'typescript']);
    expect(manifest.scripts).toMatchObject({ test: 'jest', build: 'tsc -p tsconfig.build.json' });
    // Nothing names the repository, by its path or by climbing out of the package.
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect({ file, repositoryPath: text.includes(repositoryRoot) }).toEqual({ file, repositoryPath: false });
      expect({ file, climbsOut: /["']\.\.\/\.\./.test(text) || /"(extends|path)": "\.\./.test(text) }).toEqual({ file, climbsOut: false });
      expect({ file, workspaceOnly: text.includes('cardweave-source') }).toEqual({ file, workspaceOnly: false });
    }
    expect(fs.readFileSync(path.join(dir, 'jest.config.js'), 'utf8')).toContain("testMatch: ['<rootDir>/src/**/*.test.ts'");

    // The SDK and the testkit by name, as an install would give them.
    fs.symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const adapter: PlatformAdapter = loadAdapterModule(dir, outside);
    expect(adapter.manifest).toMatchObject({ id: 'acme-pay', role: 'wallet' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const expectations = require(path.join(dir, 'src', 'acme-pay.expectations')).acmePayExpectations as ConformanceExpectations;
    expect((await runConformance(adapter, expectations)).filter((r) => r.failures.length > 0)).toEqual([]);

    // Its own simulator, the one npm start uses, answers its requests with signatures it accepts.
    const clock = new ManualClock('2026-03-14T02:00:00.000Z');
    const http = adapter.simulator!(clock);
    const ctx = { idempotencyKey: 'order-1', clock, http, idempotency: new InMemoryIdempotencyStore() };
    const paid = await adapter.operations!.authorize!({ accountRef: 'account-1', amountFen: 12_300n, currency: 'CNY' }, ctx);
    expect(paid).toMatchObject({ status: 'SUCCESS', value: { amountFen: 12_300n } });
    const over = await adapter.operations!.authorize!(
      { accountRef: 'account-1', amountFen: 100_001n, currency: 'CNY' },
      { ...ctx, idempotencyKey: 'order-2' },
    );
    expect(over).toMatchObject({ status: 'DECLINED', error: { code: 'LIMIT_EXCEEDED', platformCode: 'AMOUNT_OVER_LIMIT' } });
  });

  it('refuses a folder that is not empty, and writes into an empty one', () => {
    const busy = path.join(outside, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    expect(() => scaffoldAdapter({ id: 'busy-pay', role: 'wallet', standaloneDir: busy })).toThrow(/already exists and is not empty/);
    expect(fs.readdirSync(busy)).toEqual(['notes.txt']);
    const empty = fs.mkdtempSync(path.join(outside, 'empty-'));
    expect(scaffoldAdapter({ id: 'empty-pay', role: 'issuer', standaloneDir: empty }).files).toContain('package.json');
  });
});
