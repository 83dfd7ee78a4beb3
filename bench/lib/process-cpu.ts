/**
 * CPU time of single processes for the latency bench, in ms: utime + stime read with the big
 * bench's tested /proc reader (cpu-per-request.ts). Read it before and after a measured window
 * and divide the difference by the requests served.
 */
import { clockTicksPerSecond, readProcStat } from './cpu-per-request';

/** utime + stime of `pid` in ms; NaN when the process is gone. */
export function processCpuMs(pid: number): number {
  const stat = readProcStat(pid);
  return stat ? ((stat.utime + stat.stime) * 1000) / clockTicksPerSecond() : NaN;
}

/** CPU ms of several processes at once, by name. */
export function snapshotCpu(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
}
