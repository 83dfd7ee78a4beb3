import {
  backendDatabase,
  cpuCost,
  parseMachineBusy,
  parseProcStat,
  postgresTicks,
  type CpuSnapshot,
  type PostgresSample,
} from './cpu-per-request';

// Read from /proc/<pid>/stat on a Linux machine: a process that named itself `web (1) x) y`
// (prctl PR_SET_NAME), and a PostgreSQL postmaster.
const TRICKY =
  '15323 (web (1) x) y) R 15321 15321 6892 0 -1 4194304 2891 6506 1 0 5 3 4 5 20 0 1 0 53387 17145856 3426 18446744073709551615 94342958739456 94342958739797 140737208449584 0 0 0 0 16781312 2 0 0 0 17 0 0 0 0 0 0 94342958751152 94342958751768 94343429017600 140737208457471 140737208457514 140737208457514 140737208459215 0\n';
const POSTMASTER =
  '2185 (postgres) S 1 2185 2185 0 -1 4194304 6466 145711 0 12 2 21 273 214 20 0 1 0 3880 222445568 7398 18446744073709551615 94462573789184 94462579245529 140728019455024 0 0 0 0 24129536 84487 1 0 0 17 0 0 0 0 0 0 94462581725264 94462581942986 94462652481536 140728019459742 140728019459864 140728019459864 140728019460052 0';

describe('a /proc/<pid>/stat line', () => {
  it('counts the fields from the last parenthesis, whatever the command name holds', () => {
    expect(parseProcStat(TRICKY)).toEqual({
      pid: 15323,
      comm: 'web (1) x) y',
      state: 'R',
      ppid: 15321,
      utime: 5,
      stime: 3,
      cutime: 4,
      cstime: 5,
      starttime: 53387,
    });
  });

  it('reads the times a postmaster keeps for its exited children', () => {
    expect(parseProcStat(POSTMASTER)).toMatchObject({
      pid: 2185,
      comm: 'postgres',
      ppid: 1,
      utime: 2,
      stime: 21,
      cutime: 273,
      cstime: 214,
      starttime: 3880,
    });
  });

  it('refuses what is not one', () => {
    expect(() => parseProcStat('cpu  40575 0 11311 47412')).toThrow(/not a \/proc/);
  });
});

describe('the machine line of /proc/stat', () => {
  it('adds every busy column and leaves idle and iowait out', () => {
    expect(parseMachineBusy('cpu  40575 0 11311 47412 735 0 521 989 0 0\ncpu0 1 2 3 4\n')).toBe(40575 + 11311 + 521 + 989);
  });
});

describe('a PostgreSQL process title', () => {
  it('names the database of a client backend and nothing for a background process', () => {
    expect(backendDatabase('postgres: 15/main: postgres cardweave_bench 127.0.0.1(33970) idle\0\0\0')).toBe('cardweave_bench');
    expect(backendDatabase('postgres: bench_user cardweave_bench [local] SELECT')).toBe('cardweave_bench');
    expect(backendDatabase('postgres: 15/main: checkpointer ')).toBeUndefined();
    expect(backendDatabase('postgres: 15/main: logical replication launcher ')).toBeUndefined();
    expect(backendDatabase('postgres: 15/main: autovacuum worker cardweave_bench')).toBeUndefined();
  });
});

describe('a PostgreSQL server’s CPU over a window', () => {
  const sample = (postmasterTicks: number, children: Array<[number, number, number, boolean?]>): PostgresSample => ({
    postmaster: 1,
    postmasterTicks,
    children: new Map(children.map(([pid, starttime, ticks, other]) => [pid, { starttime, ticks, other: !!other }])),
  });

  it('counts live children, new ones in full, exited ones through the postmaster, and no other database’s backends', () => {
    const start = sample(100, [
      [10, 1, 50], // lives on: +20
      [11, 1, 30], // exits in the window with 45: its 45 land in the postmaster's cutime, +15
      [12, 1, 40, true], // another database's backend: left out
      [13, 1, 70], // exits, and its pid is reused by a new backend
    ]);
    const end = sample(100 + 45 + 80 + 2, [
      [10, 1, 70],
      [12, 1, 90, true],
      [13, 9, 5], // new backend with the reused pid: +5
      [14, 9, 8], // new: +8
    ]);
    // postmaster +2 (own), reaped: 45 (pid 11) + 80 (old pid 13, +10 in the window)
    expect(postgresTicks(start, end)).toBe(2 + 20 + 15 + 10 + 5 + 8);
  });

  it('divides by the requests completed, in ms at 100 ticks a second', () => {
    const snapshot = (atMs: number, gateway: number, machineBusy: number): CpuSnapshot => ({
      atMs,
      processes: { gateway: { starttime: 5, ticks: gateway }, issuer: undefined },
      postgres: [sample(gateway, [])],
      machineBusy,
    });
    const cost = cpuCost(snapshot(0, 100, 1000), snapshot(2000, 300, 1500), 100);
    expect(cost.windowSec).toBe(2);
    expect(cost.perRequestMs.gateway).toBeCloseTo(20);
    expect(cost.perRequestMs.issuer).toBeNaN();
    expect(cost.perRequestMs.postgres).toBeCloseTo(20);
    expect(cost.sumMs).toBeCloseTo(40);
    expect(cost.machineMs).toBeCloseTo(50);
    // No request answered in the window: no figure, rather than Infinity.
    const none = cpuCost(snapshot(0, 100, 1000), snapshot(2000, 300, 1500), 0);
    expect(none.perRequestMs.gateway).toBeNaN();
    expect(none.sumMs).toBeNaN();
  });
});
