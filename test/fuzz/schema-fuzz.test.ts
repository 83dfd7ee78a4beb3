/**
 * The schema-driven fuzzer (test/fuzz) with a fixed seed and a bounded count, on the whole
 * system run as processes: every answer without a 5xx and with known error codes, no
 * customer's answer with another customer's objects, no secret in any log, and the books of
 * the three databases in agreement afterwards. Long campaigns: `npm run fuzz -- --seed N --count M`.
 */
import { formatSummary, runCampaign } from './fuzz-campaign';
import { startFuzzSystem, type FuzzSystem } from './fuzz-system';

jest.setTimeout(240_000);

const SEED = 20261129;
/** Measured on a shared 2-core machine: about 75 s with the system's start, on the embedded database and on PostgreSQL. */
const COUNT = 2_500;

let target: FuzzSystem;

beforeAll(async () => {
  target = await startFuzzSystem();
}, 120_000);

afterAll(async () => {
  await target?.stop();
});

it('answers every generated operation safely, leaks nothing and keeps the books', async () => {
  const summary = await runCampaign(target, { seed: SEED, numRuns: COUNT });
  console.log(formatSummary(summary));
  expect(summary.failure?.report ?? null).toBeNull();
  expect(summary.afterwards).toEqual([]);
  // The campaign reached the system: answers with data and refusals both.
  expect(summary.operations).toBeGreaterThanOrEqual(COUNT);
  expect(summary.byStatus['200']).toBeGreaterThan(COUNT / 4);
  expect(Object.keys(summary.byErrorCode).length).toBeGreaterThan(3);
});
