/**
 * The scaffold's output must pass the conformance suite as generated, for every role.
 * It is written into a scratch folder inside the repository (so its imports of the SDK and
 * the testkit by package name resolve as they would in a real adapter folder) and removed
 * afterwards.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAdapterModule, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { runConformance, type ConformanceExpectations } from '@cardweave/adapter-testkit';
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
