/**
 * `npm start`: the whole system on one machine. Without database URLs it runs on an
 * embedded PostgreSQL (PGlite) kept in .data/ (`-- --memory` for a throwaway run) and
 * loads demo data; with DATABASE_URL (or one URL per subgraph) it runs on that server.
 */
import { configValue, currentKeyring, generateLocalKeySet, mintToken, tokenSettingsFromEnv } from '@cardweave/service-kit';
import { demoCustomerId } from './demo-data/random';
import { tokenHelp, writeLocalRun } from './system/local-runs';
import { startSystem } from './system/start-system';
import { systemConfigFromEnv } from './system/system-config';

async function main(): Promise<void> {
  const started = Date.now();
  const config = systemConfigFromEnv(process.env, process.argv.slice(2));
  // A --memory run's keys are made here, so that `npm run token` can find them while it runs.
  const keysFromEnv = Boolean(configValue('SERVICE_PUBLIC_KEYS') || configValue('CARDWEAVE_KEYS'));
  const memoryKeys = !config.dataDir && !keysFromEnv ? generateLocalKeySet() : undefined;
  const system = await startSystem(config, { keys: memoryKeys });
  // Where `npm run token` finds this run's keys: an in-memory run's own, or its data folder.
  const runFile = !keysFromEnv
    ? writeLocalRun({ pid: process.pid, gatewayUrl: system.gateway.url, keys: memoryKeys, dataDir: config.dataDir })
    : undefined;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = system.embedded ? `embedded PostgreSQL (${config.dataDir ?? 'in memory'})` : 'PostgreSQL from DATABASE_URL';
  const keyring = currentKeyring();
  const token = keyring.jwtPrivateKey
    ? mintToken({ ...tokenSettingsFromEnv(), privateKey: keyring.jwtPrivateKey, customerId: demoCustomerId(1), ttlSeconds: 12 * 3600 })
    : '<a token from your identity provider>';
  const example = {
    query:
      'query { customer(id: "' +
      demoCustomerId(1) +
      '") { name cards { maskedNumber payableNow { walletPlatform { id } amountFen bindingRule { ruleId } } } } }',
  };
  // Which platforms are simulated: an adapter that brings no simulator is sent real requests.
  for (const id of system.platforms?.realHttp ?? []) {
    console.log(`adapter ${id}: ${config.production ? 'production mode' : 'no simulator'}, talks to its platform over real HTTP`);
  }
  if (system.platforms?.simulated.length) console.log(`adapters answered by their own simulator: ${system.platforms.simulated.join(', ')}`);
  console.log(`
Cardweave is up in ${seconds}s on ${where}.

  Gateway (GraphQL + IDE): ${system.gateway.url}
  Card page (browser):     ${new URL('/', system.gateway.url).href}
  Subgraphs:               issuer ${system.issuer.url}, wallet ${system.wallet.url}, clearing ${system.clearing.url}

Try the unified card view of demo customer 1 (customer 2 is overdue):

  curl -s ${system.gateway.url} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${token}' \\
    -d '${JSON.stringify(example)}'

Or open ${system.gateway.url} in a browser: the IDE opens with the full card view query, its
variable customerId set to demo customer 1 ("${demoCustomerId(1)}") and a token of
demo customer 1 in its headers.

Every GraphQL request needs a token (the one above is demo customer 1's, valid 12 hours).
${tokenHelp(system.gateway.url, demoCustomerId(1), runFile && { file: runFile.file, keys: memoryKeys })}
`);

  const shutdown = async () => {
    runFile?.remove();
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
