/**
 * A production system loads the adapters but never their simulators, nor the testkit the
 * simulators are built on: each adapter loads its simulator on first use only. Checked in a
 * fresh Node process (Jest's module registry is not Node's), by the modules in require.cache.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const ADAPTERS = [
  '@cardweave/adapter-jd-finance',
  '@cardweave/adapter-wechat-pay',
  '@cardweave/adapter-unionpay',
  '@cardweave/adapter-unionpay-quickpass',
];

/** Loads every seed adapter, optionally makes each one's simulator, and counts the testkit's modules then loaded. */
function testkitModulesLoaded(makeSimulators: boolean): number {
  const script = `
    const testkit = () => Object.keys(require.cache).filter((file) => /adapters[\\\\/]testkit[\\\\/]|adapter-testkit/.test(file)).length;
    const clock = { now: () => new Date('2026-11-29T00:00:00Z') };
    for (const name of ${JSON.stringify(ADAPTERS)}) {
      const adapter = require(name).createAdapter();
      if (${makeSimulators}) adapter.simulator(clock);
    }
    console.log(testkit());
  `;
  const run = spawnSync(process.execPath, ['--conditions=cardweave-source', '--import', 'tsx', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (run.status !== 0) throw new Error(`probe failed: ${run.stderr}`);
  return Number(run.stdout.trim());
}

describe('adapters in production', () => {
  it('load without their simulators or the testkit', () => {
    expect(testkitModulesLoaded(false)).toBe(0);
  });

  it('load the testkit once a simulator is made (so the probe above can see it)', () => {
    expect(testkitModulesLoaded(true)).toBeGreaterThan(0);
  });
});
