/** The issuer subgraph as its own process: `tsx subgraphs/issuer/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { installKeyring, keyringFromEnv, clockFromEnv, portFromEnv, requiredEnv, runStandalone } from '@cardweave/service-kit';
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
