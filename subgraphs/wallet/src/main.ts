/** The wallet subgraph as its own process: `tsx subgraphs/wallet/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import {
  installKeyring,
  keyringFromEnv,
  clockFromEnv,
  portFromEnv,
  positiveIntFromEnv,
  requiredEnv,
  runStandalone,
} from '@cardweave/service-kit';
import { startWalletSubgraph } from './wallet-subgraph';

void runStandalone('wallet', async () => {
  installKeyring(keyringFromEnv(process.env, 'wallet'));
  return startWalletSubgraph({
    databaseUrl: requiredEnv('WALLET_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: portFromEnv('WALLET_PORT', 4002),
    host: process.env.HOST || '127.0.0.1',
    clearingUrl: process.env.CLEARING_URL || 'http://127.0.0.1:4003/graphql',
    issuerUrl: process.env.ISSUER_URL || 'http://127.0.0.1:4001/graphql',
    hopTimeoutMs: positiveIntFromEnv('HOP_TIMEOUT_MS', 8_000),
    recoveryIntervalMs: positiveIntFromEnv('PAYMENT_RECOVERY_INTERVAL_MS', 10_000),
    recoveryAfterMs: positiveIntFromEnv('PAYMENT_RECOVERY_AFTER_MS', 30_000),
  });
});
