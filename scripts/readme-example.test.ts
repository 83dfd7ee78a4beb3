/**
 * The README's example query, its response and the numbers beside it are what the system answers
 * now, run in memory with the clock pinned at the instant the README states.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setLogSink } from '@cardweave/service-kit';
import { usesRealPostgres } from '../test/support/test-database';
import { DEMO_NOW } from './demo-data/demo-now';
import { readmeExample, withReadmeExample } from './readme-example';

if (!process.env.CARDWEAVE_TEST_LOGS) setLogSink(() => undefined);

// The example runs on its own embedded database whatever the suite's: the PostgreSQL pass would repeat it.
const itOnce = usesRealPostgres() ? it.skip : it;

itOnce("is the system's own answer at the README's pinned instant (npm run readme:example rewrites it)", async () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  expect(readme).toContain(`CARDWEAVE_NOW=${DEMO_NOW}`);
  const example = await readmeExample();
  // The example alone, so that a failure shows the lines that differ.
  const written = readme.slice(
    readme.indexOf(example.split('\n')[0]!),
    readme.indexOf(example.split('\n').at(-1)!) + example.split('\n').at(-1)!.length,
  );
  expect(written).toBe(example);
  expect(withReadmeExample(readme, example)).toBe(readme);
});
