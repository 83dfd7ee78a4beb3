/** The gateway as its own process: `tsx gateway/src/main.ts`, subgraph URLs from ISSUER_URL, WALLET_URL, CLEARING_URL. */
import { installKeyring, keyringFromEnv, portFromEnv, runStandalone } from '@cardweave/service-kit';
import { startGateway, subgraphUrlsFromEnv } from './gateway';
import { GATEWAY_DEFAULT_PORT } from './subgraph-catalog';

void runStandalone('gateway', async () => {
  installKeyring(keyringFromEnv(process.env, 'gateway'));
  return startGateway({
    subgraphUrls: subgraphUrlsFromEnv(),
    port: portFromEnv('GATEWAY_PORT', GATEWAY_DEFAULT_PORT),
    host: process.env.HOST || '127.0.0.1',
    production: process.env.NODE_ENV === 'production',
  });
});
