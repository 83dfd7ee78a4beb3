/**
 * `npm run fuzz -- --seed N --count M [--path P]`: a long fuzzing campaign against the whole
 * system run as processes (CARDWEAVE_TEST_DATABASE=postgres for the real PostgreSQL), with a
 * summary: operations, HTTP statuses, error codes, and a failing case shrunk, with its seed and
 * path to replay it (--path replays exactly that case).
 */
import { parseArgs } from 'node:util';
import { formatSummary, runCampaign } from './fuzz-campaign';
import { startFuzzSystem } from './fuzz-system';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, count: { type: 'string', default: '500' }, path: { type: 'string' } },
  });
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const count = Number(values.count);
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(count) || count < 1) throw new Error('--seed and --count take whole numbers');
  const target = await startFuzzSystem();
  try {
    const summary = await runCampaign(target, {
      seed,
      numRuns: count,
      path: values.path,
      onProgress: (done) => {
        if (done % 100 === 0) process.stderr.write(`${done} operations\n`);
      },
    });
    console.log(formatSummary(summary));
    process.exitCode = summary.failure || summary.afterwards.length ? 1 : 0;
  } finally {
    await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
