/**
 * CPU time per request, per process, from /proc: each process's utime + stime
 * (/proc/<pid>/stat, in clock ticks, `getconf CLK_TCK`, normally 100 a second) read at the
 * start and at the end of a measured window, the difference divided by the requests
 * completed in it. A process's figure covers all its threads (a native planner's too).
 *
 * PostgreSQL is one server of many processes: a backend per connection (the subgraphs' pools
 * open and close them), its background processes (WAL writer, checkpointer, autovacuum …)
 * and its postmaster. Its figure is the whole server's CPU over the window: the postmaster's
 * own time and its reaped children's (cutime + cstime, where a backend's time goes when it
 * exits during the window), plus every live child's, less the live backends whose process
 * title names another database (other clients of the same server). The background processes
 * are shared by every database and are counted in full.
 *
 * Also the whole machine's busy time (/proc/stat), every process included, as a check that
 * the per-process figures account for what the machine did.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The fields of one /proc/<pid>/stat line the accounting needs (times in clock ticks). */
export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  utime: number;
  stime: number;
  /** CPU time of children that exited and were waited for. */
  cutime: number;
  cstime: number;
  /** When the process started (ticks since boot): tells a reused pid apart. */
  starttime: number;
}

/**
 * Parses a /proc/<pid>/stat line. The command name (field 2) is in parentheses and may itself
 * hold spaces and parentheses, so the fields are counted from the last ')'.
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const pid = Number(line.slice(0, open).trim());
  // rest[0] is field 3 (state); field n is rest[n - 3].
  const rest = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (n: number) => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`/proc/<pid>/stat field ${n} is not a number: ${rest[n - 3]}`);
    return value;
  };
  return {
    pid,
    comm: line.slice(open + 1, close),
    state: rest[0],
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    cutime: field(16),
    cstime: field(17),
    starttime: field(22),
  };
}

/** Busy ticks of the whole machine from /proc/stat's first line (all but idle and iowait). */
export function parseMachineBusy(procStat: string): number {
  const first = procStat.split('\n', 1)[0];
  if (!first.startsWith('cpu ')) throw new Error('/proc/stat does not start with the cpu line');
  const [user, nice, system, , , irq, softirq, steal] = first.slice(4).trim().split(/\s+/).map(Number);
  return user + nice + system + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

/**
 * The database a PostgreSQL backend serves, from its process title
 * (`postgres: 15/main: <user> <database> <host>(<port>) <activity>`); undefined for a
 * background process (checkpointer, WAL writer, autovacuum …) or a title it cannot read.
 */
export function backendDatabase(title: string): string | undefined {
  const match = /^postgres: (?:.*?: )?(\S+) (\S+) (?:\[local\]|\S+\(\d+\))(?: |$)/.exec(title.replace(/\0/g, ' ').trim());
  return match?.[2];
}

let ticksPerSecond: number | undefined;

/** `getconf CLK_TCK`: the unit of the times in /proc/<pid>/stat (100 on Linux as built here). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The process's stat, or undefined once it is gone. */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function readTitle(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

interface Sample {
  starttime: number;
  ticks: number;
}

export interface PostgresSample {
  postmaster: number;
  /** The postmaster's own and its reaped children's ticks. */
  postmasterTicks: number;
  /** Live children: ticks, and whether the title names a database other than the bench's. */
  children: Map<number, Sample & { other: boolean }>;
}

/**
 * The PostgreSQL server(s) on this machine: the postmaster is a `postgres` process whose
 * parent is not one. With several servers, only those with a backend for `database`, if any.
 */
export function samplePostgres(database: string | undefined): PostgresSample[] {
  const processes = allProcesses();
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const postmasters = processes.filter((p) => p.comm === 'postgres' && byPid.get(p.ppid)?.comm !== 'postgres');
  const samples = postmasters.map((pm) => {
    const children = new Map<number, Sample & { other: boolean }>();
    let serves = false;
    for (const child of processes) {
      if (child.ppid !== pm.pid) continue;
      const served = backendDatabase(readTitle(child.pid));
      if (served !== undefined && served === database) serves = true;
      children.set(child.pid, {
        starttime: child.starttime,
        ticks: child.utime + child.stime,
        other: !!database && served !== undefined && served !== database,
      });
    }
    return { postmaster: pm.pid, postmasterTicks: pm.utime + pm.stime + pm.cutime + pm.cstime, children, serves };
  });
  const serving = samples.filter((s) => s.serves);
  return (serving.length ? serving : samples).map(({ serves: _serves, ...sample }) => sample);
}

/** A PostgreSQL server's ticks between two samples (see the top of this file). */
export function postgresTicks(start: PostgresSample, end: PostgresSample): number {
  let ticks = end.postmasterTicks - start.postmasterTicks;
  for (const [pid, child] of end.children) {
    if (child.other) continue;
    const before = start.children.get(pid);
    ticks += child.ticks - (before && before.starttime === child.starttime ? before.ticks : 0);
  }
  // A child that exited in the window: its whole time is now in the postmaster's cutime/cstime.
  for (const [pid, child] of start.children) {
    const after = end.children.get(pid);
    if (!after || after.starttime !== child.starttime) ticks -= child.ticks;
  }
  return ticks;
}

export interface CpuTargets {
  /** Processes by role: gateway, issuer, wallet, clearing, … */
  processes: Record<string, number>;
  /** The database the run's backends serve, to count the PostgreSQL server's processes; omit for none. */
  postgresDatabase?: string;
}

export interface CpuSnapshot {
  atMs: number;
  processes: Record<string, Sample | undefined>;
  postgres?: PostgresSample[];
  machineBusy: number;
}

export function snapshotCpu(targets: CpuTargets): CpuSnapshot {
  const processes: Record<string, Sample | undefined> = {};
  for (const [role, pid] of Object.entries(targets.processes)) {
    const stat = readProcStat(pid);
    processes[role] = stat && { starttime: stat.starttime, ticks: stat.utime + stat.stime };
  }
  let machineBusy = NaN;
  try {
    machineBusy = parseMachineBusy(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    // not Linux: no machine figure
  }
  return {
    atMs: performance.now(),
    processes,
    postgres: targets.postgresDatabase === undefined ? undefined : samplePostgres(targets.postgresDatabase),
    machineBusy,
  };
}

/** What one measured window cost, per completed request. */
export interface CpuCost {
  requests: number;
  windowSec: number;
  /** CPU ms per request by role (gateway, issuer, wallet, clearing, postgres, load); NaN when unreadable. */
  perRequestMs: Record<string, number>;
  /** The sum of the roles above: the system's CPU per request. */
  sumMs: number;
  /** The whole machine's busy CPU per request, every process on it included. */
  machineMs: number;
}

export function cpuCost(start: CpuSnapshot, end: CpuSnapshot, requests: number): CpuCost {
  // No request answered: no cost per request (NaN, not Infinity).
  const msPerTick = requests > 0 ? 1000 / clockTicksPerSecond() : NaN;
  const perRequestMs: Record<string, number> = {};
  for (const role of Object.keys(end.processes)) {
    const a = start.processes[role];
    const b = end.processes[role];
    perRequestMs[role] = a && b && a.starttime === b.starttime ? ((b.ticks - a.ticks) * msPerTick) / requests : NaN;
  }
  if (start.postgres && end.postgres) {
    let ticks = 0;
    for (const server of end.postgres) {
      const before = start.postgres.find((s) => s.postmaster === server.postmaster);
      ticks += before ? postgresTicks(before, server) : NaN;
    }
    perRequestMs.postgres = end.postgres.length ? (ticks * msPerTick) / requests : NaN;
  }
  return {
    requests,
    windowSec: (end.atMs - start.atMs) / 1000,
    perRequestMs,
    sumMs: requests > 0 ? Object.values(perRequestMs).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0) : NaN,
    machineMs: ((end.machineBusy - start.machineBusy) * msPerTick) / requests,
  };
}

/** Total ticks of the target processes now (to tell when they have gone quiet). */
export function targetTicks(targets: CpuTargets): number {
  let ticks = 0;
  for (const pid of Object.values(targets.processes)) {
    const stat = readProcStat(pid);
    if (stat) ticks += stat.utime + stat.stime;
  }
  return ticks;
}

/**
 * Waits until the target processes have used at most `quietTicks` over `intervalMs` (the
 * work of requests abandoned at the end of a warm-up is done), or `maxMs` has passed.
 */
export async function waitUntilQuiet(targets: CpuTargets, { intervalMs = 250, quietTicks = 1, maxMs = 10_000 } = {}): Promise<void> {
  const deadline = performance.now() + maxMs;
  let last = targetTicks(targets);
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = targetTicks(targets);
    if (now - last <= quietTicks) return;
    last = now;
  }
}
