/**
 * One subgraph in its own process for the latency bench (bench/card-view-latency.ts),
 * started as subgraphs/<name>/src/main.ts starts it, plus an IPC channel through which the
 * runner reads and resets its SQL statement and round-trip counts and takes a CPU profile
 * of the measured window.
 * Env: BENCH_SUBGRAPH (issuer | wallet | clearing), BENCH_DATABASE_URL, CARDWEAVE_NOW,
 * CARDWEAVE_KEYS, and ISSUER_URL / CLEARING_URL, the next hop of the payment chain.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { startClearingSubgraph } from '@cardweave/clearing-subgraph';
import { startIssuerSubgraph } from '@cardweave/issuer-subgraph';
import { installKeyring, keyringFromEnv, type ServiceName } from '@cardweave/service-kit';
import { clockFromEnv } from '@cardweave/service-kit';
import { startWalletSubgraph } from '@cardweave/wallet-subgraph';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
import { profileHandlers } from '../lib/window-profiler';

const NAMES = ['issuer', 'wallet', 'clearing'];

async function main(): Promise<void> {
  const name = process.env.BENCH_SUBGRAPH ?? '';
  if (!NAMES.includes(name)) throw new Error(`unknown subgraph ${name}`);
  installKeyring(keyringFromEnv(process.env, name as ServiceName));
  const common = {
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: 0,
    host: '127.0.0.1',
  };
  const next = { issuerUrl: process.env.ISSUER_URL ?? '', clearingUrl: process.env.CLEARING_URL ?? '' };
  const subgraph =
    name === 'issuer'
      ? await startIssuerSubgraph({ ...common })
      : name === 'wallet'
        ? await startWalletSubgraph({ ...common, ...next })
        : await startClearingSubgraph({ ...common, ...next });
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
