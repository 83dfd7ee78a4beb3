/**
 * `npm start`: the whole system on one machine. Without database URLs it runs on an
 * embedded PostgreSQL (PGlite) kept in .data/ (`-- --memory` for a throwaway run) and
 * loads demo data; with DATABASE_URL (or one URL per subgraph) it runs on that server.
 */
import { demoCustomerId } from './demo-data/random';
import { startSystem } from './system/start-system';
import { systemConfigFromEnv } from './system/system-config';

async function main(): Promise<void> {
  const started = Date.now();
  const config = systemConfigFromEnv(process.env, process.argv.slice(2));
  const system = await startSystem(config);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = system.embedded ? `embedded PostgreSQL (${config.dataDir ?? 'in memory'})` : 'PostgreSQL from DATABASE_URL';
  const example = { query: 'query { customer(id: "' + demoCustomerId(1) + '") { name cards { maskedNumber payableNow { walletPlatform { id } amountFen bindingRule { ruleId } } } } }' };
  console.log(`
Cardweave is up in ${seconds}s on ${where}.

  Gateway (GraphQL + IDE): ${system.gateway.url}
  Subgraphs:               issuer ${system.issuer.url}, wallet ${system.wallet.url}, clearing ${system.clearing.url}

Try the unified card view of demo customer 1 (customer 2 is overdue):

  curl -s ${system.gateway.url} -H 'content-type: application/json' \\
    -d '${JSON.stringify(example)}'

Or open ${system.gateway.url} in a browser: the IDE opens with the full card view query
(set its variable customerId to "${demoCustomerId(1)}").
`);

  const shutdown = async () => {
    await system.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
