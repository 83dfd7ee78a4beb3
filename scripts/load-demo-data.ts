/**
 * `npm run demo-data`: migrates the three subgraphs' databases and loads the demo data
 * into them if they are empty. For a real PostgreSQL server (docker-compose's one-shot
 * `demo-data` service, the benchmarks); the embedded default loads it by itself.
 */
import { loadAdapterRegistry } from '@cardweave/adapter-sdk';
import { clearingEntities, clearingMigrations, CLEARING_SCHEMA } from '@cardweave/clearing-subgraph';
import { PanVault, issuerEntities, issuerMigrations, ISSUER_SCHEMA } from '@cardweave/issuer-subgraph';
import { clockFromEnv, configValue } from '@cardweave/service-kit';
import { openSubgraphDatabase } from '@cardweave/subgraph-kit';
import { walletEntities, walletMigrations, WALLET_SCHEMA } from '@cardweave/wallet-subgraph';
import { generateDemoData } from './demo-data/generate-demo-data';
import { hasDemoData, writeDemoData } from './demo-data/write-demo-data';
import { systemConfigFromEnv } from './system/system-config';

async function main(): Promise<void> {
  const config = systemConfigFromEnv();
  if (!config.databaseUrls.issuer) throw new Error('set DATABASE_URL (or ISSUER_/WALLET_/CLEARING_DATABASE_URL)');
  const customers = configValue('DEMO_CUSTOMERS');
  const [issuer, wallet, clearing] = await Promise.all([
    openSubgraphDatabase({
      url: config.databaseUrls.issuer,
      schema: ISSUER_SCHEMA,
      entities: issuerEntities,
      migrations: issuerMigrations,
    }),
    openSubgraphDatabase({
      url: config.databaseUrls.wallet!,
      schema: WALLET_SCHEMA,
      entities: walletEntities,
      migrations: walletMigrations,
    }),
    openSubgraphDatabase({
      url: config.databaseUrls.clearing!,
      schema: CLEARING_SCHEMA,
      entities: clearingEntities,
      migrations: clearingMigrations,
    }),
  ]);
  try {
    const sources = { issuer: issuer.dataSource, wallet: wallet.dataSource, clearing: clearing.dataSource };
    if (await hasDemoData(sources)) {
      console.log('demo data already present; nothing to do');
      return;
    }
    const vault = PanVault.fromEnv(process.env);
    const data = generateDemoData({
      registry: loadAdapterRegistry(),
      now: clockFromEnv().now(),
      encrypt: (p) => vault.encrypt(p),
      customers,
    });
    await writeDemoData(sources, data);
    console.log(`loaded ${data.issuer.customers.length} customers, ${data.clearing.transactions.length} transactions`);
  } finally {
    await Promise.all([issuer.close(), wallet.close(), clearing.close()]);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
