/**
 * One subgraph in its own process for the latency bench (bench/card-view-latency.ts),
 * started as subgraphs/<name>/src/main.ts starts it, plus an IPC channel through which the
 * runner reads and resets its SQL statement and round-trip counts and takes a CPU profile
 * of the measured window.
 * Env: see start-bench-subgraph.ts.
 */
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
import { profileHandlers } from '../lib/window-profiler';
import { startBenchSubgraph } from './start-bench-subgraph';

async function main(): Promise<void> {
  const subgraph = await startBenchSubgraph();
  const { statements } = subgraph.database;
  answerParent({
    ...profileHandlers,
    sql: () => ({ statements: statements.count, roundTrips: statements.roundTrips }),
    reset: () => {
      statements.reset();
      return {};
    },
  });
  process.once('SIGTERM', () => void subgraph.stop().finally(() => process.exit(0)));
  tellParentReady({ url: subgraph.url });
}

main().catch(tellParentFailed);
