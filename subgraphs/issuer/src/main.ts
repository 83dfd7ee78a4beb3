/** The issuer subgraph as its own process: `tsx subgraphs/issuer/src/main.ts`. */
import { loadAdapterRegistry } from '../../../adapters/sdk/src';
import { installKeyring, keyringFromEnv } from '../../shared/src/auth/keys';
import { clockFromEnv } from '../../shared/src/clock';
import { portFromEnv } from '../../shared/src/config';
import { requiredEnv, runStandalone } from '../../shared/src/server/run-standalone';
import { PanVault } from './card-number/pan-vault';
import { startIssuerSubgraph } from './issuer-subgraph';

void runStandalone('issuer', async () => {
  installKeyring(keyringFromEnv(process.env, 'issuer'));
  return startIssuerSubgraph({
    databaseUrl: requiredEnv('ISSUER_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: portFromEnv('ISSUER_PORT', 4001),
    host: process.env.HOST || '127.0.0.1',
    vault: PanVault.fromEnv(process.env, process.env.CARDWEAVE_DATA_DIR),
  });
});
