/**
 * The keys of a `npm start -- --memory` run, where `npm run token` finds them. Such a run keeps
 * nothing in .data/, so its key set is made fresh at start; while it runs, it is written to one
 * file per gateway port in a folder of this user's under the system's temporary folder
 * (mode 0700, the file 0600), and removed when the run stops. A file whose process is gone is
 * ignored and removed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LocalKeySet } from '@cardweave/service-kit';

export interface MemoryRunKeys {
  /** The process of the run. */
  pid: number;
  gatewayUrl: string;
  keys: LocalKeySet;
}

/** This user's folder of running memory runs' keys. */
export function memoryRunDir(tmp: string = os.tmpdir()): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(tmp, `cardweave-memory-runs-${user}`);
}

/** Refuses a folder another user made, or a link planted where the folder should be. */
function ownFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) {
    throw new Error(`${dir} is not a folder of this user's: not writing a memory run's keys there`);
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

/** Writes a running memory run's keys; returns the file and how to remove it when the run stops. */
export function writeMemoryRunKeys(run: MemoryRunKeys, dir: string = memoryRunDir()): { file: string; remove(): void } {
  const file = path.join(ownFolder(dir), `gateway-${new URL(run.gatewayUrl).port || '80'}.json`);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(run), { mode: 0o600, flag: 'wx' });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

/**
 * The keys of the memory run still running, if any: the one on `port` when given, else the only
 * one. Several running and no port: an error naming their gateways.
 */
export function findMemoryRunKeys(port?: number, dir: string = memoryRunDir()): (MemoryRunKeys & { file: string }) | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const runs: Array<MemoryRunKeys & { file: string }> = [];
  for (const name of fs.readdirSync(dir).filter((n) => /^gateway-\d+\.json$/.test(n))) {
    const file = path.join(dir, name);
    let run: MemoryRunKeys;
    try {
      run = JSON.parse(fs.readFileSync(file, 'utf8')) as MemoryRunKeys;
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
      `several npm start -- --memory runs are up (${matching.map((r) => r.gatewayUrl).join(', ')}): set GATEWAY_PORT to the one to mint for`,
    );
  }
  return matching[0];
}
