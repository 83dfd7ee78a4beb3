/**
 * `npm run bench`: Cardweave's gateway against peer gateways and against the no-gateway
 * limit, on the same subgraphs, data and machine, in one run. Writes bench/results/latest.json
 * and latest.md and the tables in BENCHMARKS.md. See BENCHMARKS.md for the scenarios.
 *
 * Every service runs as in production: from the build (`npm run build`, run first; see
 * buildForBench in bench/lib/child.ts) with plain Node and NODE_ENV=production, peers included.
 * Each setup is measured at saturation, at a fixed offered rate below it and one request at a
 * time, with the CPU time each process spent per request (bench/lib/cpu-per-request.ts).
 *
 * Env: BENCH_POSTGRES_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DATABASE (default cardweave_bench, dropped and created anew), BENCH_CONNECTIONS (50),
 * BENCH_DURATION (10 s per run), BENCH_WARMUP (3 s), BENCH_CUSTOMERS (200),
 * BENCH_RATE (20 requests/s: the fixed offered rate), BENCH_SEQUENTIAL (200 requests one at a time),
 * BENCH_BUILD (unset: build, then run from dist/; 0: run from dist/ as it is; tsx: no build, tsx),
 * LOG_LEVEL (default warn in every process: no per-request log lines), BENCH_PAYMENT_CUSTOMERS (20, one card each, for the payment section),
 * BENCH_ONLY (comma-separated setup ids and sections: cardweave, …, limit, scaling, payments;
 * a partial run writes nothing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { documentHash, type PerformanceChoices } from '@cardweave/gateway';
import { SUBGRAPHS, defaultSubgraphUrl } from '@cardweave/gateway';
import {
  configValueIfSet,
  generateLocalKeySet,
  keyringFromLocalKeySet,
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
} from '@cardweave/service-kit';
import { buildForBench, ROOT, startChild, type BenchBuild, type Child } from './lib/child';
import { clockTicksPerSecond, type CpuTargets } from './lib/cpu-per-request';
import { openBenchDatabase, recreateDatabase } from './lib/database';
import { CustomerTokens } from './lib/identity';
import { benchPayments } from './lib/payments';
import { startCaptureProxies } from './lib/plan-capture';
import { benchSetting } from './lib/settings';
import { renderMarkdown, spliceIntoDocument, type BenchResults, type ScalingRow, type SetupResult, type SetupRole } from './lib/report';
import type { HttpJob, HttpRequest, LoadSettings, PlanRequest, ReplayJob } from './load/load-process';
import { percentile, type LoadResult } from './load/load-result';

const settings = {
  adminUrl: benchSetting('BENCH_POSTGRES_URL'),
  database: benchSetting('BENCH_DATABASE'),
  connections: benchSetting('BENCH_CONNECTIONS'),
  durationSec: benchSetting('BENCH_DURATION'),
  warmupSec: benchSetting('BENCH_WARMUP'),
  customers: benchSetting('BENCH_CUSTOMERS'),
  paymentCustomers: benchSetting('BENCH_PAYMENT_CUSTOMERS'),
  /** The fixed offered rate, below every setup's saturation, where CPU per request is the code's. */
  rate: benchSetting('BENCH_RATE'),
  sequentialRequests: benchSetting('BENCH_SEQUENTIAL'),
  cardsPerCustomer: 3,
  billItemsPerCustomer: 25,
  /** Every service stands at the same instant, so bills and windows are the same on every run. */
  now: '2026-11-26T06:00:00.000Z',
  only: benchSetting('BENCH_ONLY'),
};

const operationFile = (name: string) =>
  [path.join(ROOT, 'client/operations', name), path.join(ROOT, 'gateway/operations', name)].find((f) => fs.existsSync(f))!;
const CARD_VIEW = fs.readFileSync(operationFile('card-view.graphql'), 'utf8');
const CUSTOMER_CARDS = fs.readFileSync(path.join(ROOT, 'bench/operations/customer-cards.graphql'), 'utf8');

interface Setup {
  id: string;
  label: string;
  role: SetupRole;
  gateway: 'cardweave' | 'apollo' | 'hive-default' | 'hive-router';
  choices?: Partial<PerformanceChoices>;
  /** The client sends the card view's persisted document id instead of its text. */
  persisted?: boolean;
}

const SETUPS: Setup[] = [
  { id: 'cardweave', label: 'Cardweave gateway, production options', role: 'production', gateway: 'cardweave' },
  {
    id: 'cardweave-persisted',
    label: 'Cardweave, production, client sends persisted document ids',
    role: 'production',
    gateway: 'cardweave',
    persisted: true,
  },
  {
    id: 'cardweave-js-planner',
    label: 'Cardweave with the JavaScript query planner',
    role: 'rejected',
    gateway: 'cardweave',
    choices: { queryPlanner: 'javascript' },
  },
  {
    id: 'cardweave-no-keepalive',
    label: 'Cardweave without keep-alive to subgraphs',
    role: 'rejected',
    gateway: 'cardweave',
    choices: { keepAlive: false },
  },
  {
    id: 'cardweave-no-request-id',
    label: 'Cardweave without request ids',
    role: 'rejected',
    gateway: 'cardweave',
    choices: { requestId: false },
  },
  { id: 'apollo', label: '@apollo/gateway 2.14 in @apollo/server 5 (defaults)', role: 'peer', gateway: 'apollo' },
  { id: 'hive-default', label: 'Hive Gateway runtime (defaults)', role: 'peer', gateway: 'hive-default' },
  { id: 'hive-router', label: 'Hive Gateway runtime + Rust planner (router-runtime)', role: 'peer', gateway: 'hive-router' },
];

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** What the children run: compiled to dist/ by buildForBench. */
const ENTRIES = ['bench/servers/subgraph-process.ts', 'bench/servers/gateway-process.ts', 'bench/load/load-process.ts'];

const runs = (id: string) => !settings.only || settings.only.includes(id);

async function graphql(url: string, body: string, authorization: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

const requestBody = (query: string, customerId: string, persisted = false) =>
  JSON.stringify(
    persisted
      ? { variables: { customerId }, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } }
      : { query, variables: { customerId } },
  );

async function main(): Promise<void> {
  const started = Date.now();
  const loadAverageAtStart = os.loadavg();
  const children: Child[] = [];
  const stopAll = () => Promise.all(children.map((c) => c.stop().catch(() => undefined)));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    // Every process of the run signs and verifies with one fresh key set (service signatures and
    // client tokens); each client request carries the token of the customer it asks for.
    const keys = generateLocalKeySet();
    // Every service writes a JSON line per request at `info`; no peer does, and at thousands of
    // requests per second the lines would be measured too. Warnings and errors still show.
    // Production refuses to start without a token issuer and audience; the tokens are minted for these.
    Object.assign(process.env, {
      LOG_LEVEL: configValueIfSet('LOG_LEVEL') ?? 'warn',
      CARDWEAVE_KEYS: JSON.stringify(keys),
      JWT_ISSUER: configValueIfSet('JWT_ISSUER') ?? DEFAULT_JWT_ISSUER,
      JWT_AUDIENCE: configValueIfSet('JWT_AUDIENCE') ?? DEFAULT_JWT_AUDIENCE,
    });
    const tokens = new CustomerTokens(keyringFromLocalKeySet(keys));

    // Every gateway and subgraph process, ours and the peers', runs from the build with NODE_ENV=production.
    const build: BenchBuild =
      benchSetting('BENCH_BUILD') === 'tsx'
        ? { compiled: false, runtime: 'tsx (BENCH_BUILD=tsx)' }
        : buildForBench(ENTRIES, log, { skipBuild: benchSetting('BENCH_BUILD') === '0' });
    log(`services run with ${build.runtime}, NODE_ENV=production`);
    const SERVICE_ENV = { NODE_ENV: 'production' };
    const start = <T = Record<string, unknown>>(name: string, entry: string, childEnv: Record<string, string | undefined> = {}) =>
      startChild<T>(name, entry, { ...childEnv, ...(name === 'load' ? {} : SERVICE_ENV) }, { compiled: build.compiled });

    // 1. A fresh database, migrated and filled.
    log(`database ${settings.database}: dropping and creating`);
    const url = await recreateDatabase(settings.adminUrl, settings.database);
    const db = await openBenchDatabase(url);
    const wallets = db.registry.byRole('wallet').map((w) => w.manifest.id);
    const customers: string[] = [];
    for (let i = 0; i < settings.customers; i += 1) {
      customers.push((await db.addCustomer({ cards: settings.cardsPerCustomer, billItems: settings.billItemsPerCustomer })).customerId);
    }
    log(
      `${customers.length} customers loaded (${settings.cardsPerCustomer} cards, ${settings.billItemsPerCustomer} bill items, wallets ${wallets.join(', ')})`,
    );

    // 2. The subgraphs, one process each, shared by every setup.
    const subgraphs: Record<string, Child<{ url: string }>> = {};
    // Started in the reverse order of the payment chain, so each knows where its next hop listens.
    for (const name of ['issuer', 'clearing', 'wallet']) {
      subgraphs[name] = await start<{ url: string }>(name, 'bench/servers/subgraph-process.ts', {
        BENCH_SUBGRAPH: name,
        BENCH_DATABASE_URL: url,
        CARDWEAVE_NOW: settings.now,
        ISSUER_URL: subgraphs.issuer?.ready.url,
        CLEARING_URL: subgraphs.clearing?.ready.url,
      });
      children.push(subgraphs[name]);
    }
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, subgraphs[s.name].ready.url]));
    let supergraph = fs.readFileSync(path.join(ROOT, 'gateway/supergraph.graphql'), 'utf8');
    for (const s of SUBGRAPHS) supergraph = supergraph.split(`"${defaultSubgraphUrl(s)}"`).join(`"${subgraphUrls[s.name]}"`);
    const supergraphFile = path.join(os.tmpdir(), `cardweave-bench-supergraph-${process.pid}.graphql`);
    fs.writeFileSync(supergraphFile, supergraph);
    const gatewayEnv = (setup: Pick<Setup, 'gateway' | 'choices'>, urls: Record<string, string> = subgraphUrls) => ({
      BENCH_GATEWAY: setup.gateway,
      BENCH_CHOICES: setup.choices ? JSON.stringify(setup.choices) : undefined,
      BENCH_SUPERGRAPH: supergraphFile,
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.urlEnv, urls[s.name]])),
    });

    const load = await start('load', 'bench/load/load-process.ts');
    children.push(load);
    for (const customerId of customers) tokens.of(customerId);
    // The processes whose CPU time a window counts: the subgraphs, PostgreSQL's, the load generator's own, and the gateway's if any.
    const cpuTargets = (gateway?: Child<unknown>): CpuTargets => ({
      processes: {
        ...(gateway ? { gateway: gateway.pid } : {}),
        ...Object.fromEntries(Object.entries(subgraphs).map(([name, child]) => [name, child.pid])),
      },
      postgresDatabase: settings.database,
    });
    const runLoad = async (job: HttpJob | ReplayJob, gateway?: Child<unknown>): Promise<LoadResult> =>
      (await load.ask<{ result: LoadResult }>({ type: 'run', job: { ...job, cpu: job.cpu ?? cpuTargets(gateway) } })).result;
    /** The three load shapes: saturation, the fixed offered rate below it, one request at a time. */
    const shapes = {
      saturation: { connections: settings.connections, durationSec: settings.durationSec, warmupSec: settings.warmupSec },
      rate: {
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        overallRate: settings.rate,
      },
      sequential: { connections: 1, durationSec: 0, warmupSec: 0, sequential: settings.sequentialRequests },
    } satisfies Record<string, LoadSettings>;
    const httpJob = (gatewayUrl: string, requests: HttpRequest[], shape: LoadSettings = shapes.saturation): HttpJob => ({
      kind: 'http',
      url: gatewayUrl,
      requests,
      ...shape,
    });

    // 3. The query plan of the production gateway, recorded per customer, for the limit.
    log('recording the subgraph requests of each query plan');
    const proxies = await startCaptureProxies(subgraphUrls);
    const recorder = await start<{ url: string }>(
      'gateway',
      'bench/servers/gateway-process.ts',
      gatewayEnv({ gateway: 'cardweave' }, proxies.urls),
    );
    const planSample = customers.slice(0, 50);
    const plans = { cardView: [] as PlanRequest[][][], customerCards: [] as PlanRequest[][][] };
    const reference = new Map<string, unknown>();
    for (const customerId of planSample) {
      plans.cardView.push(
        await proxies.capture(async () => {
          const result = await graphql(recorder.ready.url, requestBody(CARD_VIEW, customerId), tokens.bearer(customerId));
          if (result.errors) throw new Error(`card view failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
          reference.set(customerId, result.data);
        }),
      );
      plans.customerCards.push(
        await proxies.capture(async () => {
          const result = await graphql(recorder.ready.url, requestBody(CUSTOMER_CARDS, customerId), tokens.bearer(customerId));
          if (result.errors) throw new Error(`single-subgraph query failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
        }),
      );
    }
    await recorder.stop();
    await proxies.close();
    const viewRequests = plans.cardView[0].flat().length;
    const unsigned = [...plans.cardView, ...plans.customerCards].flat(2).filter((r) => !r.identity?.customerId).length;
    if (unsigned) throw new Error(`${unsigned} recorded subgraph requests carry no customer identity`);
    log(
      `card view plan: ${plans.cardView[0].length} stages, ${viewRequests} subgraph requests; single-subgraph plan: ${plans.customerCards[0].flat().length}; each for its customer’s identity`,
    );

    // 4. Each gateway in its own process, under the same load.
    const setups: SetupResult[] = [];
    const cardViewRequests = (persisted = false) =>
      customers.map((id) => ({ body: requestBody(CARD_VIEW, id, persisted), authorization: tokens.bearer(id) }));
    const customerCardsRequests = customers.map((id) => ({ body: requestBody(CUSTOMER_CARDS, id), authorization: tokens.bearer(id) }));
    for (const setup of SETUPS.filter((s) => runs(s.id))) {
      log(`${setup.id}: starting`);
      let gateway: Child<{ url: string }> | undefined;
      try {
        gateway = await start<{ url: string }>('gateway', 'bench/servers/gateway-process.ts', gatewayEnv(setup));
        children.push(gateway);
        for (const customerId of planSample.slice(0, 10)) {
          const result = await graphql(gateway.ready.url, requestBody(CARD_VIEW, customerId, setup.persisted), tokens.bearer(customerId));
          if (result.errors) throw new Error(`card view failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
          if (!isDeepStrictEqual(result.data, reference.get(customerId)))
            throw new Error('card view differs from the production gateway’s answer');
        }
        const views = cardViewRequests(setup.persisted);
        const cardView = await runLoad(httpJob(gateway.ready.url, views), gateway);
        logRun(setup.id, 'card view at saturation', cardView);
        const singleSubgraph = setup.persisted ? undefined : await runLoad(httpJob(gateway.ready.url, customerCardsRequests), gateway);
        if (singleSubgraph) logRun(setup.id, 'single subgraph at saturation', singleSubgraph);
        const cardViewAtRate = await runLoad(httpJob(gateway.ready.url, views, shapes.rate), gateway);
        logRun(setup.id, `card view at ${settings.rate}/s`, cardViewAtRate);
        const sequential = await runLoad(httpJob(gateway.ready.url, views, shapes.sequential), gateway);
        logRun(setup.id, 'card view one at a time', sequential);
        const peakRssMb = gateway.peakRss() / 2 ** 20;
        setups.push({
          id: setup.id,
          label: setup.label,
          role: setup.role,
          cardView,
          cardViewAtRate,
          sequential,
          singleSubgraph,
          peakRssMb,
          subgraphRequests: setup.id === 'cardweave' ? viewRequests : undefined,
        });
      } catch (error) {
        log(`${setup.id}: skipped: ${(error as Error).stack ?? (error as Error).message}`);
        setups.push({ id: setup.id, label: setup.label, role: setup.role, skipped: (error as Error).message.split('\n')[0] });
      } finally {
        await gateway?.stop();
      }
    }

    // 5. The limit: the same subgraph requests, straight from the load generator.
    if (runs('limit')) {
      log('limit: replaying the query plans with no gateway');
      const replay = (p: PlanRequest[][][], shape: LoadSettings = shapes.saturation): ReplayJob => ({ kind: 'replay', plans: p, ...shape });
      const cardView = await runLoad(replay(plans.cardView));
      logRun('limit', 'card view at saturation', cardView);
      const singleSubgraph = await runLoad(replay(plans.customerCards));
      logRun('limit', 'single subgraph at saturation', singleSubgraph);
      const cardViewAtRate = await runLoad(replay(plans.cardView, shapes.rate));
      logRun('limit', `card view at ${settings.rate}/s`, cardViewAtRate);
      const sequential = await runLoad(replay(plans.cardView, shapes.sequential));
      logRun('limit', 'card view one at a time', sequential);
      setups.push({
        id: 'limit',
        label: 'No gateway: the plan’s subgraph requests sent by the load generator',
        role: 'limit',
        cardView,
        cardViewAtRate,
        sequential,
        singleSubgraph,
        subgraphRequests: viewRequests,
      });
    }

    // 6. Cost as the customer grows: statements and latency, one request at a time.
    const scaling: ScalingRow[] = [];
    const production = await start<{ url: string }>('gateway', 'bench/servers/gateway-process.ts', gatewayEnv({ gateway: 'cardweave' }));
    children.push(production);
    if (runs('scaling')) {
      log('scaling: cards 1–100, bill items 10–10,000');
      const statementCount = async () => {
        let sum = 0;
        for (const s of Object.values(subgraphs)) sum += (await s.ask<{ count: number }>({ type: 'statements' })).count;
        return sum;
      };
      for (const [cards, billItems] of [
        [1, 10],
        [10, 100],
        [100, 10],
        [1, 10_000],
        [100, 1_000],
        [100, 10_000],
      ]) {
        const { customerId } = await db.addCustomer({ cards, billItems });
        const body = requestBody(CARD_VIEW, customerId);
        const authorization = tokens.bearer(customerId);
        const first = await graphql(production.ready.url, body, authorization);
        if (first.errors) throw new Error(`card view failed for ${cards} cards: ${JSON.stringify(first.errors).slice(0, 300)}`);
        for (const s of Object.values(subgraphs)) await s.ask({ type: 'reset' });
        await graphql(production.ready.url, body, authorization);
        const statementsPerRequest = await statementCount();
        const latencies: number[] = [];
        for (let i = 0; i < 10; i += 1) {
          const t0 = performance.now();
          await graphql(production.ready.url, body, authorization);
          latencies.push(performance.now() - t0);
        }
        const p50Ms = percentile(
          latencies.sort((a, b) => a - b),
          50,
        );
        scaling.push({ cards, billItems, statementsPerRequest, p50Ms });
        log(`scaling: ${cards} cards, ${billItems} items: ${statementsPerRequest} statements, p50 ${p50Ms.toFixed(1)} ms`);
      }
    }

    // 7. Payment authorizations through the full chain, with the books checked afterwards.
    const payments = runs('payments')
      ? await benchPayments({
          supergraph,
          gatewayUrl: production.ready.url,
          db,
          tokens,
          runLoad: (job) => runLoad(job, production),
          settings,
          log,
        })
      : { skipped: 'not in BENCH_ONLY' };
    await production.stop();
    await db.close();

    const results: BenchResults = {
      command: 'npm run bench',
      startedAt: new Date(started).toISOString(),
      durationSec: (Date.now() - started) / 1000,
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        clockTicksPerSecond: clockTicksPerSecond(),
        postgres: await postgresVersion(settings.adminUrl),
        loadAverageAtStart,
      },
      settings: {
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        rate: settings.rate,
        sequentialRequests: settings.sequentialRequests,
        runtime: `${build.runtime}, NODE_ENV=production`,
        customers: settings.customers,
        cardsPerCustomer: settings.cardsPerCustomer,
        billItemsPerCustomer: settings.billItemsPerCustomer,
        wallets,
      },
      setups,
      scaling,
      payments,
    };
    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}`);
    if (settings.only) {
      log('partial run (BENCH_ONLY): results not written');
    } else {
      const dir = path.join(ROOT, 'bench/results');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
      const doc = path.join(ROOT, 'BENCHMARKS.md');
      fs.writeFileSync(doc, spliceIntoDocument(fs.readFileSync(doc, 'utf8'), markdown));
      log('wrote bench/results/latest.json, bench/results/latest.md and BENCHMARKS.md');
    }
    fs.rmSync(supergraphFile, { force: true });
  } finally {
    await stopAll();
  }
}

function logRun(id: string, what: string, r: LoadResult): void {
  // NaN and Infinity (no request answered) come back from the load process as null.
  const n = (v: number | null | undefined, digits: number) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–');
  const cpu = r.cpu
    ? `; CPU ms/request ${Object.entries(r.cpu.perRequestMs)
        .map(([role, ms]) => `${role} ${n(ms, 2)}`)
        .join(', ')}, sum ${n(r.cpu.sumMs, 2)} (machine ${n(r.cpu.machineMs, 2)})`
    : '';
  log(
    `${id}: ${what}: ${n(r.rps, 1)} req/s, p50 ${n(r.p50Ms, 1)} ms, p99 ${n(r.p99Ms, 1)} ms, ${r.requests} answered, ${r.failures} failed${cpu}`,
  );
}

async function postgresVersion(adminUrl: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
