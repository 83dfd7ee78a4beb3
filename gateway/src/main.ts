/** The gateway as its own process: `tsx gateway/src/main.ts`, subgraph URLs from ISSUER_URL, WALLET_URL, CLEARING_URL. */
import { configValue, installKeyring, keyringFromEnv, runStandalone } from '@cardweave/service-kit';
import { startGateway, subgraphUrlsFromEnv } from './gateway';

void runStandalone('gateway', async () => {
  installKeyring(keyringFromEnv(process.env, 'gateway'));
  return startGateway({
    subgraphUrls: subgraphUrlsFromEnv(),
    port: configValue('GATEWAY_PORT'),
    host: configValue('HOST'),
    production: configValue('NODE_ENV') === 'production',
  });
});
