// An adapter author's path, entirely outside the repository:
//   1. build and `npm pack` @cardweave/adapter-sdk and @cardweave/adapter-testkit;
//   2. in a fresh folder under the system's temporary folder, `npm run adapter:new -- <id> wallet --dir <folder>`;
//   3. `npm install` the two tarballs there (the other packages from the npm registry);
//   4. the adapter's conformance suite there, with its own Jest;
//   5. `npm start -- --memory` with CARDWEAVE_ADAPTERS_ADD naming that folder, so the adapter runs
//      beside the default ones, answered by its own simulator; a token from `npm run token` (the
//      run's keys); the card view through the gateway shows the adapter's wallet binding and its
//      own limits;
//   6. everything stopped and the folder removed.
//
//   node scripts/ci/adapter-author-smoke.mjs [--no-build] [--keep]
//
// Each step says what it runs and fails with the step's name and the command's output.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();
const ADAPTER_ID = 'smoke-wallet';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-adapter-author-'));
const packDir = path.join(workDir, 'packs');
const adapterDir = path.join(workDir, ADAPTER_ID);

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`adapter-author-smoke [${elapsed()}]: ${msg}`);

class StepFailure extends Error {}

/** Runs one step; a failure names the step and carries the command's output. */
async function step(name, fn) {
  log(`${name} ...`);
  const t = Date.now();
  try {
    const result = await fn();
    log(`${name}: done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const detail = error.stdout || error.stderr ? `\n--- stdout ---\n${error.stdout ?? ''}\n--- stderr ---\n${error.stderr ?? ''}` : '';
    // once the system runs, its log is what explains a failure
    const systemLog = system ? `\n--- npm start (last 6000 characters) ---\n${system.output.slice(-6000)}` : '';
    throw new StepFailure(`step "${name}" failed: ${error.message}${detail}${systemLog}`);
  }
}

/** A command of the author's, with the environment of this shell minus what would steer it (keys, adapters, Node options). */
const STEERING = [
  'NODE_OPTIONS',
  'NODE_ENV',
  'CARDWEAVE_KEYS',
  'CARDWEAVE_ADAPTERS',
  'CARDWEAVE_ADAPTERS_CONFIG',
  'CARDWEAVE_ADAPTERS_ADD',
  'DATABASE_URL',
  'JWT_PRIVATE_KEY',
];

function authorEnv(extraEnv = {}) {
  const env = { ...process.env };
  for (const name of STEERING) delete env[name];
  return { ...env, ...extraEnv };
}

function run(command, args, cwd, extraEnv = {}) {
  return execFileSync(command, args, {
    cwd,
    env: authorEnv(extraEnv),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
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

let system; // the npm start process group

async function startSystem(env) {
  const child = spawn('npm', ['start', '--', '--memory'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so that stopping it stops npm, tsx and the node process under them
    detached: true,
  });
  system = { child, output: '', exited: undefined };
  child.stdout.on('data', (b) => (system.output += b));
  child.stderr.on('data', (b) => (system.output += b));
  child.on('exit', (code, signal) => (system.exited = signal ?? code));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (system.exited !== undefined) throw new Error(`npm start exited (${system.exited}) before it was up:\n${system.output}`);
    if (system.output.includes('Cardweave is up')) return system.output;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start was not up after 240 s:\n${system.output}`);
}

async function stopSystem() {
  if (!system || system.exited !== undefined) return;
  const exited = new Promise((r) => system.child.once('exit', r));
  process.kill(-system.child.pid, 'SIGINT');
  const timer = setTimeout(() => {
    try {
      process.kill(-system.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    await step('build the SDK and the testkit (their dist/ is what the tarballs ship)', () =>
      run('npm', ['run', 'build', '-w', '@cardweave/adapter-sdk', '-w', '@cardweave/adapter-testkit'], root),
    );
  }
  const tarballs = await step('npm pack the SDK and the testkit', () => {
    fs.mkdirSync(packDir);
    const packed = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--pack-destination', packDir, '-w', '@cardweave/adapter-sdk', '-w', '@cardweave/adapter-testkit'],
        root,
      ),
    );
    const files = packed.map((p) => path.join(packDir, p.filename));
    for (const file of files) if (!fs.existsSync(file)) throw new Error(`npm pack reported ${file}, which is not there`);
    for (const p of packed) {
      if (!p.files.some((f) => f.path === 'dist/index.js')) throw new Error(`${p.name}'s tarball has no dist/index.js: was it built?`);
    }
    log(`packed ${packed.map((p) => `${p.name}@${p.version} (${p.files.length} files)`).join(', ')}`);
    return files;
  });

  await step(`scaffold ${ADAPTER_ID} outside the repository (npm run adapter:new -- ${ADAPTER_ID} wallet --dir ${adapterDir})`, () => {
    const out = run('npm', ['run', '--silent', 'adapter:new', '--', ADAPTER_ID, 'wallet', '--dir', adapterDir], root);
    if (!fs.existsSync(path.join(adapterDir, 'package.json'))) throw new Error(`no package.json at ${adapterDir}:\n${out}`);
    const naming = fs
      .readdirSync(adapterDir, { recursive: true })
      .filter((f) => fs.statSync(path.join(adapterDir, f)).isFile() && fs.readFileSync(path.join(adapterDir, f), 'utf8').includes(root));
    if (naming.length) throw new Error(`the scaffolded package names the repository (${root}) in ${naming.join(', ')}`);
  });

  await step('npm install the two tarballs (and the test tools from the registry) in the adapter folder', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], adapterDir),
  );

  await step("the adapter's conformance suite with its own Jest (npm test)", () => {
    const jest = path.join(adapterDir, 'node_modules', '.bin', 'jest');
    if (!fs.existsSync(jest)) throw new Error(`no Jest installed in ${adapterDir}`);
    // Jest reports on stderr
    const jestRun = spawnSync('npm', ['test', '--', '--ci'], { cwd: adapterDir, env: authorEnv(), encoding: 'utf8' });
    if (jestRun.status !== 0) {
      throw Object.assign(new Error(`the conformance suite failed (exit ${jestRun.status})`), {
        stdout: jestRun.stdout,
        stderr: jestRun.stderr,
      });
    }
    const summary = jestRun.stderr.match(/Tests:\s+.*/)?.[0];
    if (!summary || !/\d+ passed/.test(summary) || /failed/.test(summary)) {
      throw Object.assign(new Error('Jest reported no passing tests'), { stdout: jestRun.stdout, stderr: jestRun.stderr });
    }
    log(`${summary.trim()} (${jestRun.stderr.match(/PASS .*/g)?.join(', ')})`);
  });

  const ports = {
    GATEWAY_PORT: await freePort(),
    ISSUER_PORT: await freePort(),
    WALLET_PORT: await freePort(),
    CLEARING_PORT: await freePort(),
  };
  const env = authorEnv({
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    CARDWEAVE_ADAPTERS_ADD: adapterDir,
  });
  const banner = await step(`npm start -- --memory with CARDWEAVE_ADAPTERS_ADD=${adapterDir}`, () => startSystem(env));
  const customerId = banner.match(/npm run token -- (\S+)/)?.[1];
  if (!customerId) throw new StepFailure(`npm start's banner names no demo customer to mint a token for:\n${banner}`);
  if (!new RegExp(`adapters answered by their own simulator: .*\\b${ADAPTER_ID}\\b`).test(banner)) {
    throw new StepFailure(`npm start does not say ${ADAPTER_ID} is answered by its own simulator:\n${banner}`);
  }

  const token = await step(`npm run token -- ${customerId} (the --memory run's keys)`, () => {
    const out = run('npm', ['run', '--silent', 'token', '--', customerId], root, { GATEWAY_PORT: String(ports.GATEWAY_PORT) }).trim();
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(out)) throw new Error(`not a token: ${out.slice(0, 300)}`);
    return out;
  });

  await step(`the card view (client/operations/card-view.graphql) shows ${ADAPTER_ID}`, async () => {
    const res = await fetch(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: fs.readFileSync(path.join(root, 'client/operations/card-view.graphql'), 'utf8'),
        variables: { customerId },
      }),
    });
    const answer = await res.json();
    const cards = answer.data?.customer?.cards;
    if (res.status !== 200 || answer.errors || !Array.isArray(cards) || cards.length === 0) {
      throw new Error(`${res.status} ${JSON.stringify(answer).slice(0, 2000)}`);
    }
    const card = cards.find((c) => c.walletBindings.some((b) => b.walletPlatform.id === ADAPTER_ID));
    if (!card) {
      throw new Error(
        `no card has a ${ADAPTER_ID} wallet binding; wallets bound: ${[...new Set(cards.flatMap((c) => c.walletBindings.map((b) => b.walletPlatform.id)))].join(', ')}`,
      );
    }
    const payable = card.payableNow.find((p) => p.walletPlatform.id === ADAPTER_ID);
    const ownRules = (payable?.rules ?? []).filter((r) => r.ruleId.startsWith(`${ADAPTER_ID}.`));
    if (!payable || !(payable.amountFen > 0) || ownRules.length === 0) {
      throw new Error(`${ADAPTER_ID} is bound but its payable amount or its own limits are missing: ${JSON.stringify(payable)}`);
    }
    const others = card.walletBindings.map((b) => b.walletPlatform.id).filter((id) => id !== ADAPTER_ID);
    if (others.length === 0) throw new Error(`only ${ADAPTER_ID} is bound: the default wallets are missing (added, not replaced?)`);
    log(
      `card ${card.maskedNumber}: wallets ${card.walletBindings.map((b) => b.walletPlatform.id).join(', ')}; ${ADAPTER_ID} can pay ${payable.amountFen} fen now under ${ownRules.map((r) => r.ruleId).join(', ')}`,
    );
  });

  await step('stop npm start', async () => {
    const keysFile = system.output.match(/this run's keys are in (\S+) until it stops/)?.[1];
    await stopSystem();
    if (keysFile && fs.existsSync(keysFile)) throw new Error(`the run stopped but left its keys in ${keysFile}`);
  });
}

async function cleanUp() {
  await stopSystem().catch((error) => console.error(`adapter-author-smoke: could not stop npm start: ${error.message}`));
  if (process.argv.includes('--keep')) log(`kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
}

let failed = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(1)));
}
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`adapter-author-smoke: FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  await cleanUp();
}
log(failed ? 'failed' : `passed in ${elapsed()}; stopped npm start and removed ${workDir}`);
process.exit(failed ? 1 : 0);
