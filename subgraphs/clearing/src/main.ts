/** The clearing subgraph as its own process: `tsx subgraphs/clearing/src/main.ts`. */
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
import { startClearingSubgraph } from './clearing-subgraph';

void runStandalone('clearing', async () => {
  installKeyring(keyringFromEnv(process.env, 'clearing'));
  return startClearingSubgraph({
    databaseUrl: requiredEnv('CLEARING_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: portFromEnv('CLEARING_PORT', 4003),
    host: process.env.HOST || '127.0.0.1',
    issuerUrl: process.env.ISSUER_URL || 'http://127.0.0.1:4001/graphql',
    hopTimeoutMs: positiveIntFromEnv('HOP_TIMEOUT_MS', 5_000),
  });
});
