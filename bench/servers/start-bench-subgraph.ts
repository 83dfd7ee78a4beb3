/**
 * Starts the subgraph named by BENCH_SUBGRAPH exactly as subgraphs/<name>/src/main.ts does, for
 * the bench's subgraph processes (subgraph-process.ts, latency-subgraph-process.ts).
 * Env: BENCH_SUBGRAPH (issuer | wallet | clearing), BENCH_DATABASE_URL, CARDWEAVE_NOW, CARDWEAVE_KEYS,
 * and ISSUER_URL / CLEARING_URL, the next hop of the payment chain.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { startClearingSubgraph } from '@cardweave/clearing-subgraph';
import { startIssuerSubgraph } from '@cardweave/issuer-subgraph';
import { clockFromEnv, configValue, installKeyring, keyringFromEnv } from '@cardweave/service-kit';
import { startWalletSubgraph } from '@cardweave/wallet-subgraph';
import { requiredBenchSetting } from '../lib/settings';

export async function startBenchSubgraph() {
  const name = requiredBenchSetting('BENCH_SUBGRAPH');
  // The run's key set comes in CARDWEAVE_KEYS, as the tests hand keys to child processes.
  installKeyring(keyringFromEnv(process.env, name));
  const common = {
    databaseUrl: requiredBenchSetting('BENCH_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: 0,
    host: '127.0.0.1',
  };
  // The next hop of the payment chain: wallet → clearing → issuer.
  const next = { issuerUrl: configValue('ISSUER_URL'), clearingUrl: configValue('CLEARING_URL') };
  return name === 'issuer'
    ? startIssuerSubgraph({ ...common })
    : name === 'wallet'
      ? startWalletSubgraph({ ...common, ...next })
      : startClearingSubgraph({ ...common, ...next });
}
