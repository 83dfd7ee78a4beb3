/**
 * `npm run bench`: Cardweave's gateway against peer gateways and against the no-gateway
 * limit, on the same subgraphs, data and machine, in one run. Writes bench/results/latest.json
 * and latest.md and the tables in BENCHMARKS.md. See BENCHMARKS.md for the scenarios.
 *
 * Env: BENCH_POSTGRES_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DATABASE (default cardweave_bench, dropped and created anew), BENCH_CONNECTIONS (50),
 * BENCH_DURATION (10 s per run), BENCH_WARMUP (3 s), BENCH_CUSTOMERS (200),
 * LOG_LEVEL (default warn in every process: no per-request log lines), BENCH_PAYMENT_CUSTOMERS (20, one card each, for the payment section),
 * BENCH_ONLY (comma-separated setup ids and sections: cardweave, …, limit, scaling, payments;
 * a partial run writes nothing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { documentHash, type PerformanceChoices } from '../gateway/src/performance';
import { SUBGRAPHS, defaultSubgraphUrl } from '../gateway/src/subgraph-catalog';
import { generateLocalKeySet, keyringFromLocalKeySet } from '../subgraphs/shared/src/auth/keys';
import { ROOT, startChild, type Child } from './lib/child';
import { openBenchDatabase, recreateDatabase } from './lib/database';
import { CustomerTokens } from './lib/identity';
import { benchPayments } from './lib/payments';
import { startCaptureProxies } from './lib/plan-capture';
import { renderMarkdown, spliceIntoDocument, type BenchResults, type ScalingRow, type SetupResult, type SetupRole } from './lib/report';
import type { HttpJob, HttpRequest, PlanRequest, ReplayJob } from './load/load-process';
import { percentile, type LoadResult } from './load/load-result';

const env = process.env;
const settings = {
  adminUrl: env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: env.BENCH_DATABASE ?? 'cardweave_bench',
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  durationSec: Number(env.BENCH_DURATION ?? 10),
  warmupSec: Number(env.BENCH_WARMUP ?? 3),
  customers: Number(env.BENCH_CUSTOMERS ?? 200),
  paymentCustomers: Number(env.BENCH_PAYMENT_CUSTOMERS ?? 20),
  cardsPerCustomer: 3,
  billItemsPerCustomer: 25,
  /** Every service stands at the same instant, so bills and windows are the same on every run. */
  now: '2026-11-26T06:00:00.000Z',
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',') : undefined,
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
  { id: 'cardweave-persisted', label: 'Cardweave, production, client sends persisted document ids', role: 'production', gateway: 'cardweave', persisted: true },
  { id: 'cardweave-js-planner', label: 'Cardweave with the JavaScript query planner', role: 'rejected', gateway: 'cardweave', choices: { queryPlanner: 'javascript' } },
  { id: 'cardweave-no-keepalive', label: 'Cardweave without keep-alive to subgraphs', role: 'rejected', gateway: 'cardweave', choices: { keepAlive: false } },
  { id: 'cardweave-no-request-id', label: 'Cardweave without request ids', role: 'rejected', gateway: 'cardweave', choices: { requestId: false } },
  { id: 'apollo', label: '@apollo/gateway 2.14 in @apollo/server 5 (defaults)', role: 'peer', gateway: 'apollo' },
  { id: 'hive-default', label: 'Hive Gateway runtime (defaults)', role: 'peer', gateway: 'hive-default' },
  { id: 'hive-router', label: 'Hive Gateway runtime + Rust planner (router-runtime)', role: 'peer', gateway: 'hive-router' },
];

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

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
    process.env.LOG_LEVEL ??= 'warn';
    process.env.CARDWEAVE_KEYS = JSON.stringify(keys);
    const tokens = new CustomerTokens(keyringFromLocalKeySet(keys));

    // 1. A fresh database, migrated and filled.
    log(`database ${settings.database}: dropping and creating`);
    const url = await recreateDatabase(settings.adminUrl, settings.database);
    const db = await openBenchDatabase(url);
    const wallets = db.registry.byRole('wallet').map((w) => w.manifest.id);
    const customers: string[] = [];
    for (let i = 0; i < settings.customers; i += 1) {
      customers.push((await db.addCustomer({ cards: settings.cardsPerCustomer, billItems: settings.billItemsPerCustomer })).customerId);
    }
    log(`${customers.length} customers loaded (${settings.cardsPerCustomer} cards, ${settings.billItemsPerCustomer} bill items, wallets ${wallets.join(', ')})`);

    // 2. The subgraphs, one process each, shared by every setup.
    const subgraphs: Record<string, Child<{ url: string }>> = {};
    // Started in the reverse order of the payment chain, so each knows where its next hop listens.
    for (const name of ['issuer', 'clearing', 'wallet']) {
      subgraphs[name] = await startChild<{ url: string }>(name, 'bench/servers/subgraph-process.ts', {
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

    const load = await startChild('load', 'bench/load/load-process.ts');
    children.push(load);
    for (const customerId of customers) tokens.of(customerId);
    const runLoad = async (job: HttpJob | ReplayJob): Promise<LoadResult> => (await load.ask<{ result: LoadResult }>({ type: 'run', job })).result;
    const httpJob = (gatewayUrl: string, requests: HttpRequest[]): HttpJob => ({
      kind: 'http',
      url: gatewayUrl,
      requests,
      connections: settings.connections,
      durationSec: settings.durationSec,
      warmupSec: settings.warmupSec,
    });

    // 3. The query plan of the production gateway, recorded per customer, for the limit.
    log('recording the subgraph requests of each query plan');
    const proxies = await startCaptureProxies(subgraphUrls);
    const recorder = await startChild<{ url: string }>('gateway', 'bench/servers/gateway-process.ts', gatewayEnv({ gateway: 'cardweave' }, proxies.urls));
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
    log(`card view plan: ${plans.cardView[0].length} stages, ${viewRequests} subgraph requests; single-subgraph plan: ${plans.customerCards[0].flat().length}; each for its customer’s identity`);

    // 4. Each gateway in its own process, under the same load.
    const setups: SetupResult[] = [];
    const cardViewRequests = (persisted = false) => customers.map((id) => ({ body: requestBody(CARD_VIEW, id, persisted), authorization: tokens.bearer(id) }));
    const customerCardsRequests = customers.map((id) => ({ body: requestBody(CUSTOMER_CARDS, id), authorization: tokens.bearer(id) }));
    for (const setup of SETUPS.filter((s) => runs(s.id))) {
      log(`${setup.id}: starting`);
      let gateway: Child<{ url: string }> | undefined;
      try {
        gateway = await startChild<{ url: string }>('gateway', 'bench/servers/gateway-process.ts', gatewayEnv(setup));
        children.push(gateway);
        for (const customerId of planSample.slice(0, 10)) {
          const result = await graphql(gateway.ready.url, requestBody(CARD_VIEW, customerId, setup.persisted), tokens.bearer(customerId));
          if (result.errors) throw new Error(`card view failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
          if (!isDeepStrictEqual(result.data, reference.get(customerId))) throw new Error('card view differs from the production gateway’s answer');
        }
        const cardView = await runLoad(httpJob(gateway.ready.url, cardViewRequests(setup.persisted)));
        log(`${setup.id}: card view ${cardView.rps.toFixed(0)} req/s, p50 ${cardView.p50Ms} ms, p99 ${cardView.p99Ms} ms, ${cardView.failures} failed`);
        const singleSubgraph = setup.persisted ? undefined : await runLoad(httpJob(gateway.ready.url, customerCardsRequests));
        if (singleSubgraph) log(`${setup.id}: single subgraph ${singleSubgraph.rps.toFixed(0)} req/s, p99 ${singleSubgraph.p99Ms} ms`);
        const peakRssMb = gateway.peakRss() / 2 ** 20;
        setups.push({ id: setup.id, label: setup.label, role: setup.role, cardView, singleSubgraph, peakRssMb, subgraphRequests: setup.id === 'cardweave' ? viewRequests : undefined });
      } catch (error) {
        log(`${setup.id}: skipped: ${(error as Error).message}`);
        setups.push({ id: setup.id, label: setup.label, role: setup.role, skipped: (error as Error).message.split('\n')[0] });
      } finally {
        await gateway?.stop();
      }
    }

    // 5. The limit: the same subgraph requests, straight from the load generator.
    if (runs('limit')) {
      log('limit: replaying the query plans with no gateway');
      const replay = (p: PlanRequest[][][]): ReplayJob => ({ kind: 'replay', plans: p, connections: settings.connections, durationSec: settings.durationSec, warmupSec: settings.warmupSec });
      const cardView = await runLoad(replay(plans.cardView));
      const singleSubgraph = await runLoad(replay(plans.customerCards));
      log(`limit: card view ${cardView.rps.toFixed(0)} req/s, single subgraph ${singleSubgraph.rps.toFixed(0)} req/s`);
      setups.push({ id: 'limit', label: 'No gateway: the plan’s subgraph requests sent by the load generator', role: 'limit', cardView, singleSubgraph, subgraphRequests: viewRequests });
    }

    // 6. Cost as the customer grows: statements and latency, one request at a time.
    const scaling: ScalingRow[] = [];
    const production = await startChild<{ url: string }>('gateway', 'bench/servers/gateway-process.ts', gatewayEnv({ gateway: 'cardweave' }));
    children.push(production);
    if (runs('scaling')) {
      log('scaling: cards 1–100, bill items 10–10,000');
      const statementCount = async () => {
        let sum = 0;
        for (const s of Object.values(subgraphs)) sum += (await s.ask<{ count: number }>({ type: 'statements' })).count;
        return sum;
      };
      for (const [cards, billItems] of [[1, 10], [10, 100], [100, 10], [1, 10_000], [100, 1_000], [100, 10_000]]) {
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
        const p50Ms = percentile(latencies.sort((a, b) => a - b), 50);
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
          runLoad,
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
        postgres: await postgresVersion(settings.adminUrl),
        loadAverageAtStart,
      },
      settings: {
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
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
