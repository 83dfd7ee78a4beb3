/** The clearing subgraph as its own process: `tsx subgraphs/clearing/src/main.ts`. */
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
import { startClearingSubgraph } from './clearing-subgraph';

void runStandalone('clearing', async () => {
  installKeyring(keyringFromEnv(process.env, 'clearing'));
  return startClearingSubgraph({
    databaseUrl: requiredConfigValue('CLEARING_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: configValue('CLEARING_PORT'),
    host: configValue('HOST'),
    issuerUrl: configValue('ISSUER_URL'),
    hopTimeoutMs: configValueFor('HOP_TIMEOUT_MS', 'clearing'),
  });
});
