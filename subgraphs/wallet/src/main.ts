/** The wallet subgraph as its own process: `tsx subgraphs/wallet/src/main.ts`. */
import { loadAdapterRegistry } from '../../../adapters/sdk/src';
import { installKeyring, keyringFromEnv } from '../../shared/src/auth/keys';
import { clockFromEnv } from '../../shared/src/clock';
import { portFromEnv } from '../../shared/src/config';
import { requiredEnv, runStandalone } from '../../shared/src/server/run-standalone';
import { startWalletSubgraph } from './wallet-subgraph';

void runStandalone('wallet', async () => {
  installKeyring(keyringFromEnv(process.env, 'wallet'));
  return startWalletSubgraph({
    databaseUrl: requiredEnv('WALLET_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: portFromEnv('WALLET_PORT', 4002),
    host: process.env.HOST || '127.0.0.1',
  });
});
