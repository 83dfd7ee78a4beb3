/**
 * The scaffold's output must pass the conformance suite as generated, for every role.
 * It is written into a scratch folder inside the repository (so its relative imports of
 * the SDK resolve as they would in a real adapter folder) and removed afterwards.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAdapterModule, type PlatformAdapter } from '../sdk/src';
import { runConformance, type ConformanceExpectations } from '../testkit';
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
      `src/${id}.adapter.ts`,
      `src/${id}.conformance.test.ts`,
      `src/${id}.errors.ts`,
      `src/${id}.expectations.ts`,
      `src/${id}.options.ts`,
      `src/${id}.simulator.ts`,
      `src/${id}.transformers.ts`,
    ]);
    const adapter: PlatformAdapter = loadAdapterModule(dir, SCRATCH);
    expect(adapter.manifest).toMatchObject({ id, role });
    const camel = id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const expectations = require(path.join(dir, 'src', `${id}.expectations`))[`${camel}Expectations`] as ConformanceExpectations;
    const failing = (await runConformance(adapter, expectations)).filter((r) => r.failures.length > 0);
    expect(failing).toEqual([]);
  });

  it('refuses a bad id, a bad role and an existing folder', () => {
    expect(() => scaffoldAdapter({ id: 'Acme_Pay', role: 'wallet', parentDir: SCRATCH })).toThrow(/kebab-case/);
    expect(() => scaffoldAdapter({ id: 'acme-pay', role: 'bank' as never, parentDir: SCRATCH })).toThrow(/role "bank"/);
    scaffoldAdapter({ id: 'twice', role: 'wallet', parentDir: SCRATCH, register: false });
    expect(() => scaffoldAdapter({ id: 'twice', role: 'wallet', parentDir: SCRATCH, register: false })).toThrow(/already exists/);
  });
});
