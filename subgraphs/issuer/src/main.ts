/** The issuer subgraph as its own process: `tsx subgraphs/issuer/src/main.ts`. */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { withEventRelay } from '@cardweave/subgraph-kit';
import { clockFromEnv, configValue, installKeyring, keyringFromEnv, requiredConfigValue, runStandalone } from '@cardweave/service-kit';
import { PanVault } from './card-number/pan-vault';
import { ISSUER_SCHEMA } from './db/issuer-database';
import { startIssuerSubgraph } from './issuer-subgraph';

void runStandalone('issuer', async () => {
  installKeyring(keyringFromEnv(process.env, 'issuer'));
  const served = await startIssuerSubgraph({
    databaseUrl: requiredConfigValue('ISSUER_DATABASE_URL'),
    registry: loadAdapterRegistry(),
    clock: clockFromEnv(),
    port: configValue('ISSUER_PORT'),
    host: configValue('HOST'),
    vault: PanVault.fromEnv(process.env, configValue('CARDWEAVE_DATA_DIR')),
  });
  // The relay runs in this process: to NATS JetStream with NATS_URL, in-process without.
  return withEventRelay(served, ISSUER_SCHEMA, configValue('NATS_URL'));
});
