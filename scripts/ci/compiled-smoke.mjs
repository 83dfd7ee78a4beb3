// The compiled services as production runs them, on the real PostgreSQL server:
//   npm run build; a throwaway database; keys from `node dist/scripts/generate-keys.js`;
//   node subgraphs/{issuer,clearing,wallet}/dist/main.js, the demo data and
//   node gateway/dist/main.js with NODE_ENV=production on free ports, each until /readyz
//   answers 200; one card view through the gateway with a token minted by
//   node dist/scripts/mint-token.js; then everything stopped and the database dropped.
//   Each workspace package runs from its own dist/ (beside its src/), the root package's
//   scripts from dist/scripts.
//
//   node scripts/ci/compiled-smoke.mjs [--no-build]
//
// TEST_POSTGRES_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres).
// The services run from a scratch working directory with only the variables given here, so a
// file they read relative to the working directory, or a setting leaking in from this shell,
// fails the run instead of passing by luck.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');

const serverUrl = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `cardweave_smoke_${process.pid}_${Date.now().toString(36)}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).href;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-smoke-'));
const JWT = { JWT_ISSUER: 'https://auth.smoke.cardweave.local', JWT_AUDIENCE: 'cardweave-smoke' };

const log = (msg) => console.log(`compiled-smoke: ${msg}`);
const children = [];

/** Only what a container would have: no CARDWEAVE_KEYS, DATABASE_URL or NODE_OPTIONS from this shell. */
function baseEnv(extra) {
  return { PATH: process.env.PATH, HOME: workDir, NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extra };
}

function runNode(file, args, env) {
  return execFileSync(process.execPath, [path.join(root, file), ...args], {
    cwd: workDir,
    env: baseEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(name, file, env) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(root, file)], { cwd: workDir, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const service = { name, child, started, output: '', exited: undefined };
  child.stdout.on('data', (b) => (service.output += b));
  child.stderr.on('data', (b) => (service.output += b));
  child.on('exit', (code, signal) => (service.exited = signal ?? code));
  children.push(service);
  return service;
}

async function waitReady(service, port, timeoutMs = 90_000) {
  const url = `http://127.0.0.1:${port}/readyz`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.exited !== undefined) throw new Error(`${service.name} exited (${service.exited}) before it was ready:\n${service.output}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) {
        const ms = Number(process.hrtime.bigint() - service.started) / 1e6;
        const rss = fs.readFileSync(`/proc/${service.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1];
        log(
          `${service.name} ready in ${(ms / 1000).toFixed(2)} s, RSS ${(Number(rss) / 1024).toFixed(0)} MB (${service.child.spawnfile} ${service.child.spawnargs.slice(1).join(' ')})`,
        );
        return;
      }
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name}: ${url} not 200 after ${timeoutMs} ms (last: ${last}):\n${service.output}`);
}

async function stopAll() {
  for (const service of [...children].reverse()) {
    if (service.exited !== undefined) continue;
    const exited = new Promise((r) => service.child.once('exit', r));
    service.child.kill('SIGTERM');
    const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

async function admin(sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Every package the compiled code loads is a production dependency of the package that loads
 * it: the image keeps only those (`npm prune --omit=dev`), while this run, in the repository,
 * would find a dev one too, or one hoisted there for another package. Each workspace package's
 * dist/ is read against its own package.json "dependencies" and "peerDependencies" (the
 * @cardweave/* ones included),
 * the root package's dist/scripts against the root's.
 */
function checkRuntimeDependencies() {
  const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  const rootPackage = readJson('package.json');
  const packageDirs = rootPackage.workspaces
    .flatMap((pattern) =>
      pattern.endsWith('/*') ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -1)}${d}`) : [pattern],
    )
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
  const builtins = new Set(require('node:module').builtinModules);
  const missing = [];
  const check = (label, distDir, manifest) => {
    if (!fs.existsSync(path.join(root, distDir))) throw new Error(`${distDir} is not built`);
    // a peer dependency is one the installing package provides (the testkit's SDK)
    const dependencies = { ...manifest.peerDependencies, ...manifest.dependencies, [manifest.name]: 'itself' };
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        if (!entry.isFile() || !file.endsWith('.js')) continue;
        for (const [, id] of fs.readFileSync(file, 'utf8').matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) {
          if (id.startsWith('.') || id.startsWith('node:') || builtins.has(id)) continue;
          const name = id
            .split('/')
            .slice(0, id.startsWith('@') ? 2 : 1)
            .join('/');
          if (!dependencies[name]) missing.push(`${name} (${label}: ${path.relative(root, file)})`);
        }
      }
    };
    walk(path.join(root, distDir));
  };
  for (const dir of packageDirs) check(readJson(`${dir}/package.json`).name, `${dir}/dist`, readJson(`${dir}/package.json`));
  check('root package', 'dist/scripts', rootPackage);
  if (missing.length)
    throw new Error(`compiled code loads packages its package.json does not list in "dependencies": ${[...new Set(missing)].join(', ')}`);
  log(
    `every package loaded by the dist/ of the ${packageDirs.length} workspace packages and by dist/scripts is a production dependency of its package`,
  );
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const t = Date.now();
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    log(`npm run build took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  checkRuntimeDependencies();

  await admin(`CREATE DATABASE "${database}"`);
  log(`created database ${database}`);

  // Production keys, the way `npm run keys > .env` makes them for docker compose.
  const keys = Object.fromEntries(
    runNode('dist/scripts/generate-keys.js', [], {})
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const cardDataKey = randomBytes(32).toString('base64');
  const [gatewayPort, issuerPort, walletPort, clearingPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const url = (port) => `http://127.0.0.1:${port}/graphql`;
  const common = { SERVICE_PUBLIC_KEYS: keys.SERVICE_PUBLIC_KEYS };

  // In docker-compose's order: each hop of the payment chain after the one it calls.
  const issuer = start('issuer', 'subgraphs/issuer/dist/main.js', {
    ...common,
    SERVICE_PRIVATE_KEY: keys.ISSUER_SERVICE_PRIVATE_KEY,
    ISSUER_DATABASE_URL: databaseUrl,
    ISSUER_PORT: String(issuerPort),
    CARD_DATA_KEY: cardDataKey,
  });
  await waitReady(issuer, issuerPort);
  const clearing = start('clearing', 'subgraphs/clearing/dist/main.js', {
    ...common,
    SERVICE_PRIVATE_KEY: keys.CLEARING_SERVICE_PRIVATE_KEY,
    CLEARING_DATABASE_URL: databaseUrl,
    CLEARING_PORT: String(clearingPort),
    ISSUER_URL: url(issuerPort),
  });
  await waitReady(clearing, clearingPort);
  const wallet = start('wallet', 'subgraphs/wallet/dist/main.js', {
    ...common,
    SERVICE_PRIVATE_KEY: keys.WALLET_SERVICE_PRIVATE_KEY,
    WEBHOOK_SECRET_KEYS: keys.WEBHOOK_SECRET_KEYS,
    WALLET_DATABASE_URL: databaseUrl,
    WALLET_PORT: String(walletPort),
    CLEARING_URL: url(clearingPort),
    ISSUER_URL: url(issuerPort),
  });
  await waitReady(wallet, walletPort);

  log(runNode('dist/scripts/load-demo-data.js', [], { DATABASE_URL: databaseUrl, CARD_DATA_KEY: cardDataKey, DEMO_CUSTOMERS: '4' }).trim());

  const gateway = start('gateway', 'gateway/dist/main.js', {
    ...common,
    ...JWT,
    SERVICE_PRIVATE_KEY: keys.GATEWAY_SERVICE_PRIVATE_KEY,
    JWT_PUBLIC_KEY: keys.JWT_PUBLIC_KEY,
    GATEWAY_PORT: String(gatewayPort),
    ISSUER_URL: url(issuerPort),
    WALLET_URL: url(walletPort),
    CLEARING_URL: url(clearingPort),
  });
  await waitReady(gateway, gatewayPort);

  // The identity provider's side: a customer token signed with the private half of JWT_PUBLIC_KEY.
  const { demoCustomerId } = require(path.join(root, 'dist/scripts/demo-data/random.js'));
  const customerId = demoCustomerId(1);
  const token = runNode('dist/scripts/mint-token.js', [customerId], { ...JWT, JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY }).trim();

  const cardView = fs.readFileSync(path.join(root, 'client/operations/card-view.graphql'), 'utf8');
  const ask = async (body) => {
    const res = await fetch(url(gatewayPort), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const answer = await res.json();
    const cards = answer.data?.customer?.cards;
    if (res.status !== 200 || answer.errors || !Array.isArray(cards) || cards.length === 0 || !cards[0].walletBindings) {
      throw new Error(`card view through the gateway: ${res.status} ${JSON.stringify(answer).slice(0, 2000)}`);
    }
    return cards;
  };
  const cards = await ask({ query: cardView, variables: { customerId } });
  log(
    `card view of customer ${customerId} through the gateway: ${cards.length} card(s), ${cards[0].maskedNumber}, ${cards[0].walletBindings.length} wallet binding(s)`,
  );
  // The same operation by its hash: the gateway read the persisted documents from client/operations.
  const sha256Hash = createHash('sha256').update(cardView).digest('hex');
  await ask({ variables: { customerId }, extensions: { persistedQuery: { version: 1, sha256Hash } } });
  log('the same card view by its persisted hash: answered');
  // The card page the gateway serves from web/dist.
  const page = await fetch(`http://127.0.0.1:${gatewayPort}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('id="root"')) throw new Error(`card page at /: ${page.status} ${html.slice(0, 300)}`);
  log('card page served at /');
}

async function cleanUp() {
  await stopAll();
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error) => {
    failed = true;
    console.error(`compiled-smoke: could not drop ${database}: ${error.message}`);
  });
  fs.rmSync(workDir, { recursive: true, force: true });
}

let failed = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(1)));
}
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`compiled-smoke: FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  await cleanUp();
}
log(failed ? 'failed' : `passed; stopped every service and dropped ${database}`);
process.exit(failed ? 1 : 0);
