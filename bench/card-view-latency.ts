/**
 * `npm run bench:latency`: the latency budget of the client's unified card view
 * (client/operations/card-view.graphql), one request at a time, and where each millisecond
 * and each CPU millisecond goes.
 *
 * It creates a fresh database (on the real PostgreSQL server, or with --embedded the embedded
 * one, in a process of its own), fills it with a customer of 3 cards and one of 100 cards
 * (each card bound to every wallet; 20 items on the current bill) with the tests' fixture
 * builder, and starts the system as production runs it: each subgraph and the gateway in a
 * process of its own (compiled, NODE_ENV=production, production gateway options), so that each
 * process's CPU time is its own (/proc/<pid>/stat). Then, per customer, it warms up and sends
 * N card views one after another, and prints:
 * - end to end p50 / p90 (the client's view: request sent to response read);
 * - per subgraph: requests per card view, the subgraph's own time (its Server-Timing header)
 *   and the gateway's view of the same request (send to response), p50;
 * - the gateway's share: end to end minus the critical path of the subgraph requests (per
 *   stage of the plan, the slowest subgraph's own time); and the part of that spent on the
 *   HTTP hops between gateway and subgraphs;
 * - SQL statements and round trips (statements sent while none was in flight) per subgraph request;
 * - CPU ms per card view of every process: gateway, each subgraph, the database (the real
 *   server's backends for this database, or the embedded database's process) and this client.
 *
 * Flags: --embedded; --requests N (3 cards, default 400); --large-requests N (100 cards,
 * default 80); --warmup N (3 cards, default 50); --large-warmup N (100 cards, default 20); --only 3|100;
 * --gateway hive-router (the stock peer instead of Cardweave's gateway: Hive Gateway runtime with
 * the Rust planner, Hive's JWT plugin and the request-signing plugin, for the CPU comparison); --profile DIR (a CPU profile of every
 * service process over each measured window: DIR/<cards>-cards-<process>.cpuprofile, read
 * with ../shared/scripts/cpuprofile-summary FILE --requests N); --json FILE.
 * Env: BENCH_BUILD (tsx: run the TypeScript through tsx; 0: run dist/ as it is; default: build
 * with bench/lib/child.ts's buildForBench, as `npm run bench` does), BENCH_POSTGRES_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_LATENCY_DATABASE (default cardweave_latency_<pid>, created for the run and dropped after it;
 * a name given here is dropped and created anew, and kept), BENCH_NODE_ENV (the
 * services' NODE_ENV, default production).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import {
  configValueIfSet,
  generateLocalKeySet,
  keyringFromLocalKeySet,
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
} from '@cardweave/service-kit';
import { buildForBench, ROOT, startChild, type BenchBuild, type Child } from './lib/child';
import { openBenchDatabase, recreateDatabase } from './lib/database';
import { CustomerTokens } from './lib/identity';
import { processCpuMs, snapshotCpu } from './lib/process-cpu';
import { benchSetting } from './lib/settings';
import { percentile } from './load/load-result';
import type { RecordedCall, ServedRequest } from './servers/latency-gateway-process';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '') : undefined;
}
const has = (name: string) => process.argv.includes(`--${name}`);

const settings = {
  embedded: has('embedded'),
  adminUrl: benchSetting('BENCH_POSTGRES_URL'),
  // One per run, so that runs side by side on one server never share or drop each other's.
  database: benchSetting('BENCH_LATENCY_DATABASE') ?? `cardweave_latency_${process.pid}`,
  requests: Number(flag('requests') ?? 400),
  largeRequests: Number(flag('large-requests') ?? 80),
  warmup: Number(flag('warmup') ?? 50),
  largeWarmup: Number(flag('large-warmup') ?? 20),
  only: flag('only'),
  profileDir: flag('profile') ? path.resolve(flag('profile')!) : undefined,
  json: flag('json'),
  /** The gateway measured: Cardweave's production gateway, or the stock peer (Hive + Rust planner). */
  gateway: flag('gateway') ?? 'cardweave',
  /** Every service stands at the same instant, so bills and windows are the same on every run. */
  now: '2026-11-26T06:00:00.000Z',
};

const SUBGRAPH_NAMES = ['issuer', 'clearing', 'wallet'] as const;
/** The processes this bench starts: compiled to dist/ by buildForBench unless BENCH_BUILD=tsx. */
const ENTRIES = [
  'bench/servers/latency-subgraph-process.ts',
  'bench/servers/latency-gateway-process.ts',
  'bench/servers/embedded-database-process.ts',
];
const CARD_VIEW = fs.readFileSync(path.join(ROOT, 'client/operations/card-view.graphql'), 'utf8');

const log = (message: string) => console.log(`[latency ${new Date().toISOString().slice(11, 19)}] ${message}`);
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : NaN);

interface ShapeResult {
  cards: number;
  billItems: number;
  requests: number;
  endToEnd: { p50: number; p90: number; p99: number; mean: number };
  /** Per card view, p50: end to end minus the critical path of the subgraphs' own times. */
  gatewayShareP50: number;
  /** Per card view, p50: the HTTP hops (gateway's view of each stage minus the subgraph's own time). */
  subgraphHopsP50: number;
  /** Per card view, p50: stages of subgraph requests (requests that overlap form one stage). */
  stages: number;
  /**
   * Per card view, p50 of each part, on the gateway's clock: from the request's arrival to the
   * first subgraph request, between stages, after the last response until the response is sent,
   * the subgraph requests themselves as the gateway saw them, and end to end outside the gateway
   * (the client and the connection to the gateway).
   */
  timeline: { beforeFirstCall: number; betweenStages: number; afterLastCall: number; inSubgraphCalls: number; outsideGateway: number };
  subgraphs: Record<
    string,
    { requestsPerView: number; serverP50: number; gatewayViewP50: number; statementsPerRequest: number; roundTripsPerRequest: number }
  >;
  cpuMsPerView: Record<string, number>;
}

/** Overlapping calls form one stage; the stage costs its slowest subgraph's own time. */
function stagesOf(calls: RecordedCall[]): Array<{ start: number; end: number; serverMs: number; calls: RecordedCall[] }> {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const stages: Array<{ start: number; end: number; serverMs: number; calls: RecordedCall[] }> = [];
  for (const call of sorted) {
    const last = stages[stages.length - 1];
    if (last && call.start < last.end) {
      last.end = Math.max(last.end, call.end);
      last.serverMs = Math.max(last.serverMs, call.serverMs);
      last.calls.push(call);
    } else {
      stages.push({ start: call.start, end: call.end, serverMs: call.serverMs, calls: [call] });
    }
  }
  return stages;
}

async function databaseBackends(admin: Client | undefined, database: string): Promise<number[]> {
  if (!admin) return [];
  const rows = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return rows.rows.map((r) => Number(r.pid));
}

async function main(): Promise<void> {
  const children: Child[] = [];
  const stopAll = () => Promise.all(children.reverse().map((c) => c.stop().catch(() => undefined)));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  let admin: Client | undefined;
  try {
    const keys = generateLocalKeySet();
    Object.assign(process.env, {
      CARDWEAVE_KEYS: JSON.stringify(keys),
      LOG_LEVEL: configValueIfSet('LOG_LEVEL') ?? 'warn',
      JWT_ISSUER: configValueIfSet('JWT_ISSUER') ?? DEFAULT_JWT_ISSUER,
      JWT_AUDIENCE: configValueIfSet('JWT_AUDIENCE') ?? DEFAULT_JWT_AUDIENCE,
    });
    const tokens = new CustomerTokens(keyringFromLocalKeySet(keys));
    // The services run as in production: compiled JavaScript, graphql-js and the gateway in
    // production mode. BENCH_BUILD=tsx runs the TypeScript through tsx instead (BENCH_BUILD=0: dist/
    // as it is); BENCH_NODE_ENV=development measures them without production mode.
    const build: BenchBuild =
      benchSetting('BENCH_BUILD') === 'tsx'
        ? { compiled: false, runtime: 'tsx (BENCH_BUILD=tsx)' }
        : buildForBench(ENTRIES, log, { skipBuild: benchSetting('BENCH_BUILD') === '0' });
    const serviceEnv = { NODE_ENV: benchSetting('BENCH_NODE_ENV'), CARDWEAVE_NOW: settings.now };
    log(`services run with ${build.runtime}, NODE_ENV=${serviceEnv.NODE_ENV}`);
    const start = <T>(name: string, entry: string, env: Record<string, string | undefined> = {}) =>
      startChild<T>(name, entry, env, { compiled: build.compiled });

    // 1. A fresh database, migrated and filled.
    let url: string;
    if (settings.embedded) {
      const database = await start<{ url: string }>('database', 'bench/servers/embedded-database-process.ts');
      children.push(database);
      url = database.ready.url;
      log(`embedded database at ${url} (pid ${database.pid})`);
    } else {
      url = await recreateDatabase(settings.adminUrl, settings.database);
      admin = new Client({ connectionString: settings.adminUrl });
      await admin.connect();
      log(`database ${settings.database} created on ${new URL(settings.adminUrl).host}`);
    }
    const db = await openBenchDatabase(url);
    const shapes = [
      { cards: 3, billItems: 20, requests: settings.requests, warmup: settings.warmup },
      { cards: 100, billItems: 20, requests: settings.largeRequests, warmup: settings.largeWarmup },
    ].filter((s) => !settings.only || settings.only.split(',').includes(String(s.cards)));
    const customers = new Map<number, string>();
    for (const shape of shapes) customers.set(shape.cards, (await db.addCustomer(shape)).customerId);
    const wallets = db.registry.byRole('wallet').map((w) => w.manifest.id);
    await db.close();
    log(`customers: ${shapes.map((s) => `${s.cards} cards`).join(', ')}, each card bound to ${wallets.join(' and ')}, 20 bill items`);

    // 2. The services, one process each, started in the reverse order of the payment chain.
    const subgraphs: Record<string, Child<{ url: string }>> = {};
    for (const name of SUBGRAPH_NAMES) {
      subgraphs[name] = await start<{ url: string }>(name, 'bench/servers/latency-subgraph-process.ts', {
        ...serviceEnv,
        BENCH_SUBGRAPH: name,
        BENCH_DATABASE_URL: url,
        ISSUER_URL: subgraphs.issuer?.ready.url,
        CLEARING_URL: subgraphs.clearing?.ready.url,
      });
      children.push(subgraphs[name]);
    }
    const gateway = await start<{ url: string }>('gateway', 'bench/servers/latency-gateway-process.ts', {
      ...serviceEnv,
      BENCH_LATENCY_GATEWAY: settings.gateway,
      ISSUER_URL: subgraphs.issuer.ready.url,
      WALLET_URL: subgraphs.wallet.ready.url,
      CLEARING_URL: subgraphs.clearing.ready.url,
    });
    children.push(gateway);
    const services: Record<string, Child> = { gateway, ...subgraphs };
    const pids = Object.fromEntries(Object.entries(services).map(([name, child]) => [name, child.pid]));
    const databaseChild = children.find((c) => c.name === 'database');
    log(
      `processes: ${Object.entries(pids)
        .map(([n, p]) => `${n} ${p}`)
        .join(', ')}`,
    );

    const results: ShapeResult[] = [];
    for (const shape of shapes) {
      const customerId = customers.get(shape.cards)!;
      const body = JSON.stringify({ query: CARD_VIEW, variables: { customerId } });
      const authorization = tokens.bearer(customerId);
      const send = async (requestId: string): Promise<number> => {
        const started = performance.now();
        const response = await fetch(gateway.ready.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
          body,
        });
        const result = (await response.json()) as { data?: { customer?: { cards?: unknown[] } }; errors?: unknown[] };
        const elapsed = performance.now() - started;
        if (response.status !== 200 || result.errors || result.data?.customer?.cards?.length !== shape.cards) {
          throw new Error(`card view failed (${response.status}): ${JSON.stringify(result).slice(0, 400)}`);
        }
        return elapsed;
      };

      log(`${shape.cards} cards: ${shape.warmup} warm-up requests, then ${shape.requests} measured`);
      for (let i = 0; i < shape.warmup; i += 1) await send(`warmup-${shape.cards}-${i}`);
      await gateway.ask({ type: 'calls' });
      await Promise.all(SUBGRAPH_NAMES.map((n) => subgraphs[n].ask({ type: 'reset' })));
      if (settings.profileDir) await Promise.all(Object.values(services).map((c) => c.ask({ type: 'profile-start' })));

      const backends = await databaseBackends(admin, settings.database);
      // The real server: this database's backends, each counted over the window if it lived through it.
      const backendsBefore = new Map(backends.map((pid) => [pid, processCpuMs(pid)]));
      const databaseCpu = (): number => {
        if (databaseChild) return processCpuMs(databaseChild.pid);
        let sum = 0;
        for (const [pid, before] of backendsBefore) {
          const delta = processCpuMs(pid) - before;
          if (Number.isFinite(delta)) sum += delta;
        }
        return sum;
      };
      const cpuBefore = { ...snapshotCpu(pids), database: databaseChild ? databaseCpu() : 0 };
      const clientBefore = process.cpuUsage();
      const latencies: number[] = [];
      const ids: string[] = [];
      for (let i = 0; i < shape.requests; i += 1) {
        const id = `latency-${shape.cards}-${i}`;
        ids.push(id);
        latencies.push(await send(id));
      }
      const clientUsage = process.cpuUsage(clientBefore);
      const cpuAfter = { ...snapshotCpu(pids), database: databaseCpu() };
      const backendsAfter = await databaseBackends(admin, settings.database);
      const newBackends = backendsAfter.filter((pid) => !backends.includes(pid));
      const goneBackends = backends.filter((pid) => !backendsAfter.includes(pid));
      if (newBackends.length || goneBackends.length) {
        log(
          `note: ${newBackends.length} database backends started and ${goneBackends.length} ended during the window; their CPU is not counted`,
        );
      }

      if (settings.profileDir) {
        for (const [name, child] of Object.entries(services)) {
          await child.ask({ type: 'profile-stop', file: path.join(settings.profileDir, `${shape.cards}-cards-${name}.cpuprofile`) });
        }
      }
      const { calls, served } = await gateway.ask<{ calls: RecordedCall[]; served: ServedRequest[] }>({ type: 'calls' });
      const servedById = new Map(served.map((r) => [r.requestId, r]));
      const sql = Object.fromEntries(
        await Promise.all(
          SUBGRAPH_NAMES.map(
            async (n) => [n, await subgraphs[n].ask<{ statements: number; roundTrips: number }>({ type: 'sql' })] as const,
          ),
        ),
      );

      const byRequest = new Map<string, RecordedCall[]>(ids.map((id) => [id, []]));
      for (const call of calls) byRequest.get(call.requestId)?.push(call);
      const shares: number[] = [];
      const hops: number[] = [];
      const stageCounts: number[] = [];
      const parts = {
        beforeFirstCall: [] as number[],
        betweenStages: [] as number[],
        afterLastCall: [] as number[],
        inSubgraphCalls: [] as number[],
        outsideGateway: [] as number[],
      };
      ids.forEach((id, i) => {
        const stages = stagesOf(byRequest.get(id)!);
        const critical = stages.reduce((sum, s) => sum + s.serverMs, 0);
        const inCalls = stages.reduce((sum, s) => sum + (s.end - s.start), 0);
        shares.push(latencies[i] - critical);
        hops.push(inCalls - critical);
        stageCounts.push(stages.length);
        const request = servedById.get(id);
        if (request && stages.length) {
          parts.beforeFirstCall.push(stages[0].start - request.start);
          parts.afterLastCall.push(request.end - stages[stages.length - 1].end);
          parts.betweenStages.push(stages.slice(1).reduce((sum, s, k) => sum + (s.start - stages[k].end), 0));
          parts.inSubgraphCalls.push(inCalls);
          parts.outsideGateway.push(latencies[i] - (request.end - request.start));
        }
      });
      const perSubgraph: ShapeResult['subgraphs'] = {};
      for (const name of SUBGRAPH_NAMES) {
        const own = calls.filter((c) => c.subgraph === name && byRequest.has(c.requestId));
        perSubgraph[name] = {
          requestsPerView: round(own.length / shape.requests),
          serverP50: round(median(own.map((c) => c.serverMs))),
          gatewayViewP50: round(median(own.map((c) => c.end - c.start))),
          statementsPerRequest: round(own.length ? sql[name].statements / own.length : NaN),
          roundTripsPerRequest: round(own.length ? sql[name].roundTrips / own.length : NaN),
        };
      }
      const cpuMsPerView: Record<string, number> = {};
      for (const name of Object.keys(cpuBefore) as Array<keyof typeof cpuBefore>) {
        cpuMsPerView[name] = round((cpuAfter[name] - cpuBefore[name]) / shape.requests);
      }
      cpuMsPerView.client = round((clientUsage.user + clientUsage.system) / 1000 / shape.requests);
      const sorted = [...latencies].sort((a, b) => a - b);
      results.push({
        cards: shape.cards,
        billItems: shape.billItems,
        requests: shape.requests,
        endToEnd: {
          p50: round(percentile(sorted, 50)),
          p90: round(percentile(sorted, 90)),
          p99: round(percentile(sorted, 99)),
          mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
        },
        gatewayShareP50: round(median(shares)),
        subgraphHopsP50: round(median(hops)),
        stages: median(stageCounts),
        timeline: {
          beforeFirstCall: round(median(parts.beforeFirstCall)),
          betweenStages: round(median(parts.betweenStages)),
          afterLastCall: round(median(parts.afterLastCall)),
          inSubgraphCalls: round(median(parts.inSubgraphCalls)),
          outsideGateway: round(median(parts.outsideGateway)),
        },
        subgraphs: perSubgraph,
        cpuMsPerView,
      });
    }

    const database = settings.embedded
      ? 'embedded database (PGlite over the wire protocol)'
      : `PostgreSQL at ${new URL(settings.adminUrl).host}`;
    console.log(
      `\nUnified card view, sequential, ${settings.gateway === 'cardweave' ? 'Cardweave production gateway' : `gateway ${settings.gateway}`}, ${database}, services run with ${build.runtime}; Node ${process.version}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}\n`,
    );
    for (const r of results) {
      console.log(`${r.cards} cards, ${r.billItems} bill items, ${r.requests} requests`);
      console.log(
        `  end to end        p50 ${r.endToEnd.p50} ms   p90 ${r.endToEnd.p90} ms   p99 ${r.endToEnd.p99} ms   mean ${r.endToEnd.mean} ms`,
      );
      console.log(
        `  gateway's share   p50 ${r.gatewayShareP50} ms (end to end minus the subgraphs' own time on the critical path; ${r.stages} stages)`,
      );
      console.log(
        `    of which HTTP hops to subgraphs  p50 ${r.subgraphHopsP50} ms (the gateway's view of each stage minus the subgraph's own time)`,
      );
      const t = r.timeline;
      console.log(
        `  timeline p50 ms   before the first subgraph request ${t.beforeFirstCall}, between stages ${t.betweenStages}, after the last ${t.afterLastCall}; in subgraph requests ${t.inSubgraphCalls}; outside the gateway ${t.outsideGateway}`,
      );
      console.log('  subgraph   req/view   own p50 ms   gateway view p50 ms   SQL statements/req   round trips/req');
      for (const [name, s] of Object.entries(r.subgraphs)) {
        console.log(
          `  ${name.padEnd(10)} ${String(s.requestsPerView).padStart(8)}   ${String(s.serverP50).padStart(10)}   ${String(s.gatewayViewP50).padStart(19)}   ${String(s.statementsPerRequest).padStart(18)}   ${String(s.roundTripsPerRequest).padStart(15)}`,
        );
      }
      console.log(
        `  CPU ms per card view: ${Object.entries(r.cpuMsPerView)
          .map(([n, v]) => `${n} ${v}`)
          .join(', ')}`,
      );
      const total = Object.entries(r.cpuMsPerView)
        .filter(([n]) => n !== 'client')
        .reduce((sum, [, v]) => sum + v, 0);
      console.log(`  CPU ms per card view, services and database: ${round(total)}\n`);
    }
    if (settings.json)
      fs.writeFileSync(
        settings.json,
        JSON.stringify({ gateway: settings.gateway, database, runtime: build.runtime, node: process.version, results }, null, 2),
      );
    if (settings.profileDir) log(`profiles in ${settings.profileDir}: ../shared/scripts/cpuprofile-summary <file> --requests <N>`);
  } finally {
    await stopAll();
    if (admin && !benchSetting('BENCH_LATENCY_DATABASE')) {
      await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`).catch(() => undefined);
    }
    await admin?.end().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
