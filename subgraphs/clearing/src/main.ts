/** The clearing subgraph as its own process: `tsx subgraphs/clearing/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { withEventRelay } from '@cardweave/subgraph-kit';
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
import { CLEARING_SCHEMA } from './db/clearing-database';

void runStandalone('clearing', async () => {
  installKeyring(keyringFromEnv(process.env, 'clearing'));
  const served = await startClearingSubgraph({
    databaseUrl: requiredConfigValue('CLEARING_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: configValue('CLEARING_PORT'),
    host: configValue('HOST'),
    issuerUrl: configValue('ISSUER_URL'),
    hopTimeoutMs: configValueFor('HOP_TIMEOUT_MS', 'clearing'),
  });
  // The relay runs in this process: to NATS JetStream with NATS_URL, in-process without.
  return withEventRelay(served, CLEARING_SCHEMA, configValue('NATS_URL'));
});
