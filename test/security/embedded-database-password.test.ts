/**
 * `npm start` on the embedded database: the database asks for the password of the data
 * folder (made on first start, readable by this user only, kept beside keys.json), and
 * neither the start banner nor any other line the run writes shows it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../support/service-processes';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

it('starts with the password of its data folder, which no line of its output shows', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardweave-start-'));
  const ports = {
    GATEWAY_PORT: await freePort(),
    ISSUER_PORT: await freePort(),
    WALLET_PORT: await freePort(),
    CLEARING_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CARDWEAVE_DATA_DIR: dataDir, CARDWEAVE_DEMO_DATA: '0' };
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  // node with tsx's loader, as `npm start` runs scripts/start.ts.
  child = spawn(process.execPath, ['--conditions=cardweave-source', '--import', 'tsx', path.join(root, 'scripts/start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('Cardweave is up')) {
        clearInterval(check);
        resolve();
      }
    }, 100);
    child!.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`npm start exited (${code}) before it was up:\n${output}`));
    });
  });

  const file = path.join(dataDir, 'database-password');
  expect(fs.existsSync(path.join(dataDir, 'keys.json'))).toBe(true);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  expect(password.length).toBeGreaterThanOrEqual(32);
  expect(output).toContain('Cardweave is up');
  expect(output).not.toContain(password);
  expect(output).not.toContain(encodeURIComponent(password));
  expect(output).not.toMatch(/postgres(ql)?:\/\/[^\s@/]*:[^\s@/]+@/);

  // The database the run serves is the one the password opens, and only with it.
  const port = embeddedDatabasePort(child.pid!, Object.values(ports));
  const refused = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', password: 'wrong' });
  await expect(refused.connect()).rejects.toMatchObject({ code: '28P01' });
  const admitted = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', password });
  await admitted.connect();
  expect((await admitted.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'issuer'`)).rows).toEqual([
    { n: 1 },
  ]);
  await admitted.end();
});

/** The port the run's embedded database listens on: the process's one listening TCP socket that is none of the services'. */
function embeddedDatabasePort(pid: number, servicePorts: number[]): number {
  const inodes = new Set(
    fs
      .readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode): inode is string => !!inode),
  );
  const listening = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length > 9 && f[3] === '0A' && inodes.has(f[9]))
    .map((f) => parseInt(f[1].split(':')[1], 16));
  const candidates = listening.filter((p) => !servicePorts.includes(p));
  if (candidates.length !== 1)
    throw new Error(`expected one listening socket besides the services', found ${candidates.join(', ') || 'none'}`);
  return candidates[0];
}
