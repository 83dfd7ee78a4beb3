/** The wallet subgraph as its own process: `tsx subgraphs/wallet/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import {
  clockFromEnv,
  configValue,
  configValueFor,
  installKeyring,
  keyringFromEnv,
  requiredConfigValue,
  runStandalone,
} from '@cardweave/service-kit';
import { startWalletSubgraph } from './wallet-subgraph';

void runStandalone('wallet', async () => {
  installKeyring(keyringFromEnv(process.env, 'wallet'));
  return startWalletSubgraph({
    databaseUrl: requiredConfigValue('WALLET_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: configValue('WALLET_PORT'),
    host: configValue('HOST'),
    clearingUrl: configValue('CLEARING_URL'),
    issuerUrl: configValue('ISSUER_URL'),
    hopTimeoutMs: configValueFor('HOP_TIMEOUT_MS', 'wallet'),
    recoveryIntervalMs: configValue('PAYMENT_RECOVERY_INTERVAL_MS'),
    recoveryAfterMs: configValue('PAYMENT_RECOVERY_AFTER_MS'),
  });
});
