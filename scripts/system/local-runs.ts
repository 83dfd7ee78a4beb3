/**
 * The local runs up on this machine (`npm start`, `npm start -- --memory`, `npm run mock`,
 * `npm run start:dist`), where `npm run token` finds the keys to sign with. Each run writes one
 * file per gateway port in a folder of this user's under the system's temporary folder (mode
 * 0700, the file 0600) and removes it when it stops: an in-memory run, whose key set is made
 * fresh at start and kept nowhere else, writes its keys; a run on a data folder writes only
 * where that folder is (its keys stay in it). A file whose process is gone is ignored and removed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LocalKeySet } from '@cardweave/service-kit';

export interface LocalRun {
  /** The process of the run. */
  pid: number;
  gatewayUrl: string;
  /** An in-memory run's keys. */
  keys?: LocalKeySet;
  /** A run on a data folder: the folder whose keys.json it signs with. */
  dataDir?: string;
}

/** This user's folder of running local runs. */
export function localRunDir(tmp: string = os.tmpdir()): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(tmp, `cardweave-local-runs-${user}`);
}

/** Refuses a folder another user made, or a link planted where the folder should be. */
function ownFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) {
    throw new Error(`${dir} is not a folder of this user's: not writing a local run's keys there`);
  }
  fs.chmodSync(dir, 0o700);
  return dir;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Writes a running local run's record; returns the file and how to remove it when the run stops. */
export function writeLocalRun(run: LocalRun, dir: string = localRunDir()): { file: string; remove(): void } {
  const file = path.join(ownFolder(dir), `gateway-${new URL(run.gatewayUrl).port || '80'}.json`);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(run), { mode: 0o600, flag: 'wx' });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

/**
 * The local run still running, if any: the one on `port` when given, else the only one. Several
 * running and no port: an error naming their gateways.
 */
export function findLocalRun(port?: number, dir: string = localRunDir()): (LocalRun & { file: string }) | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const runs: Array<LocalRun & { file: string }> = [];
  for (const name of fs.readdirSync(dir).filter((n) => /^gateway-\d+\.json$/.test(n))) {
    const file = path.join(dir, name);
    let run: LocalRun;
    try {
      run = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalRun;
    } catch {
      continue; // being written, or damaged: not a run to mint for
    }
    if (!isRunning(run.pid)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    runs.push({ ...run, file });
  }
  const matching = port === undefined ? runs : runs.filter((r) => new URL(r.gatewayUrl).port === String(port));
  if (matching.length > 1) {
    throw new Error(
      `several local runs are up (${matching.map((r) => r.gatewayUrl).join(', ')}): set GATEWAY_PORT to the one to mint for, e.g. GATEWAY_PORT=${new URL(matching[0].gatewayUrl).port} npm run token -- <customer id>`,
    );
  }
  return matching[0];
}

/**
 * How to mint a token for the run at `gatewayUrl`, as its start banner says it; an in-memory run
 * names the file its keys are in until it stops.
 */
export function tokenHelp(gatewayUrl: string, customerId: string, run?: { file: string; keys?: unknown }): string {
  const port = new URL(gatewayUrl).port;
  const where = run?.keys ? ` (this run's keys are in ${run.file} until it stops)` : '';
  return `Mint one for any demo customer, or for an operator, while this run is up${where}:

  npm run token -- ${customerId}
  npm run token -- --operator

(With several local runs up at once, name this one: GATEWAY_PORT=${port} npm run token -- ${customerId})`;
}
