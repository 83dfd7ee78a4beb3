/**
 * One subgraph in its own process, exactly as subgraphs/<name>/src/main.ts starts it, plus
 * an IPC channel through which the bench runner reads and resets its SQL statement count.
 * Env: see start-bench-subgraph.ts.
 */
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
import { startBenchSubgraph } from './start-bench-subgraph';

async function main(): Promise<void> {
  const subgraph = await startBenchSubgraph();
  answerParent({
    statements: () => ({ count: subgraph.database.statements.count }),
    reset: () => {
      subgraph.database.statements.reset();
      return {};
    },
  });
  process.once('SIGTERM', () => void subgraph.stop().finally(() => process.exit(0)));
  tellParentReady({ url: subgraph.url });
}

main().catch(tellParentFailed);
