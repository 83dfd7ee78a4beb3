/**
 * One subgraph in its own process, exactly as subgraphs/<name>/src/main.ts starts it, plus
 * an IPC channel through which the bench runner reads and resets its SQL statement count.
 * Env: BENCH_SUBGRAPH (issuer | wallet | clearing), BENCH_DATABASE_URL, CARDWEAVE_NOW, CARDWEAVE_KEYS,
 * and ISSUER_URL / CLEARING_URL, the next hop of the payment chain.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { installKeyring, keyringFromEnv, type ServiceName } from '@cardweave/service-kit';
import { startClearingSubgraph } from '@cardweave/clearing-subgraph';
import { startIssuerSubgraph } from '@cardweave/issuer-subgraph';
import { clockFromEnv } from '@cardweave/service-kit';
import { startWalletSubgraph } from '@cardweave/wallet-subgraph';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';

const NAMES = ['issuer', 'wallet', 'clearing'];

async function main(): Promise<void> {
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
  const subgraph =
    name === 'issuer'
      ? await startIssuerSubgraph({ ...common })
      : name === 'wallet'
        ? await startWalletSubgraph({ ...common, ...next })
        : await startClearingSubgraph({ ...common, ...next });
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
