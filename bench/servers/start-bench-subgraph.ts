/**
 * Starts the subgraph named by BENCH_SUBGRAPH exactly as subgraphs/<name>/src/main.ts does, for
 * the bench's subgraph processes (subgraph-process.ts, latency-subgraph-process.ts).
 * Env: BENCH_SUBGRAPH (issuer | wallet | clearing), BENCH_DATABASE_URL, CARDWEAVE_NOW, CARDWEAVE_KEYS,
 * and ISSUER_URL / CLEARING_URL, the next hop of the payment chain.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { startClearingSubgraph } from '@cardweave/clearing-subgraph';
import { startIssuerSubgraph } from '@cardweave/issuer-subgraph';
import { clockFromEnv, installKeyring, keyringFromEnv, type ServiceName } from '@cardweave/service-kit';
import { startWalletSubgraph } from '@cardweave/wallet-subgraph';

const NAMES = ['issuer', 'wallet', 'clearing'];

export async function startBenchSubgraph() {
  const name = process.env.BENCH_SUBGRAPH ?? '';
  if (!NAMES.includes(name)) throw new Error(`unknown subgraph ${name}`);
  // The run's key set comes in CARDWEAVE_KEYS, as the tests hand keys to child processes.
  installKeyring(keyringFromEnv(process.env, name as ServiceName));
  const common = {
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: 0,
    host: '127.0.0.1',
  };
  // The next hop of the payment chain: wallet → clearing → issuer.
  const next = { issuerUrl: process.env.ISSUER_URL ?? '', clearingUrl: process.env.CLEARING_URL ?? '' };
  return name === 'issuer'
    ? startIssuerSubgraph({ ...common })
    : name === 'wallet'
      ? startWalletSubgraph({ ...common, ...next })
      : startClearingSubgraph({ ...common, ...next });
}
