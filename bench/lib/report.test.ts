import { checkTargets, renderMarkdown, spliceIntoDocument, type BenchResults } from './report';
import { percentile, summarize, type LoadResult } from '../load/load-result';

const load = (rps: number, p99Ms: number) => ({ requests: rps * 10, durationSec: 10, rps, p50Ms: p99Ms / 2, p99Ms, failures: 0 });
/** A run with CPU ms per request: gateway, then each subgraph, PostgreSQL and the load generator. */
const withCpu = (run: LoadResult, gateway: number, rest = [1, 1, 1, 1, 0.5]): LoadResult => {
  const [issuer, wallet, clearing, postgres, loadGenerator] = rest;
  const perRequestMs = { gateway, issuer, wallet, clearing, postgres, load: loadGenerator };
  return {
    ...run,
    cpu: {
      requests: run.requests,
      windowSec: 10,
      perRequestMs,
      sumMs: Object.values(perRequestMs).reduce((a, b) => a + b, 0),
      machineMs: 10,
    },
  };
};
const atRate = (gateway: number, rps = 20) => withCpu({ ...load(rps, 50), shape: 'rate', offeredRps: 20 }, gateway);

const results: BenchResults = {
  command: 'npm run bench',
  startedAt: '2026-11-26T00:00:00.000Z',
  durationSec: 500,
  machine: { node: 'v20', cpus: 2, cpuModel: 'cpu', memoryGb: 24, postgres: '15', loadAverageAtStart: [0.5, 0.4, 0.3] },
  settings: {
    connections: 50,
    durationSec: 10,
    warmupSec: 3,
    rate: 20,
    sequentialRequests: 200,
    customers: 200,
    cardsPerCustomer: 3,
    billItemsPerCustomer: 25,
    wallets: ['wechat-pay', 'unionpay-quickpass'],
  },
  setups: [
    {
      id: 'cardweave',
      label: 'ours',
      role: 'production',
      cardView: load(300, 200),
      singleSubgraph: load(900, 80),
      peakRssMb: 250,
      subgraphRequests: 5,
    },
    { id: 'apollo', label: 'apollo', role: 'peer', cardView: load(100, 400), singleSubgraph: load(600, 90), peakRssMb: 200 },
    { id: 'hive-default', label: 'hive', role: 'peer', cardView: load(250, 150), peakRssMb: 280 },
    { id: 'hive-router', label: 'router', role: 'peer', skipped: 'no binary for this platform' },
    { id: 'limit', label: 'limit', role: 'limit', cardView: load(500, 100) },
  ],
  scaling: [
    { cards: 1, billItems: 10, statementsPerRequest: 13, p50Ms: 10 },
    { cards: 100, billItems: 10_000, statementsPerRequest: 13, p50Ms: 90 },
  ],
  payments: { skipped: 'no payment mutation yet' },
};

describe('the results table', () => {
  it('gives each setup its ratio to ours and a reason for a skipped one', () => {
    const markdown = renderMarkdown(results);
    expect(markdown).toMatch(/\| apollo \| peer \| 100 \| 200\.0 \| 400\.0 \| 3\.00× \| – \| 600 /);
    expect(markdown).toContain('| router | peer | skipped: no binary for this platform |');
    expect(markdown).toContain('Skipped: no payment mutation yet');
  });

  it('checks each target against the measurements', () => {
    const checks = checkTargets(results);
    // 3× Apollo, 1.5× Hive, three gateway CPU targets and the system's (no CPU measured), 50% of the limit, memory, SQL
    expect(checks.map((c) => c.met)).toEqual([true, false, undefined, undefined, undefined, undefined, true, false, true]);
    expect(checks[1].measured).toBe('1.20×, p99 200.0 vs 150.0 ms');
    expect(checks[6].measured).toBe('60%');
    expect(checks[7].measured).toBe('250 MB');
  });

  it('holds the gateway’s CPU per card view at the fixed rate against Hive with the Rust planner and Apollo, and the system’s against 5 ms', () => {
    const measured: BenchResults = {
      ...results,
      setups: [
        {
          id: 'cardweave',
          label: 'ours',
          role: 'production',
          cardView: withCpu(load(300, 200), 4),
          cardViewAtRate: atRate(2.1),
          peakRssMb: 150,
        },
        { id: 'apollo', label: 'apollo', role: 'peer', cardView: withCpu(load(100, 400), 9), cardViewAtRate: atRate(6) },
        { id: 'hive-router', label: 'router', role: 'peer', cardView: withCpu(load(280, 200), 3.5), cardViewAtRate: atRate(2) },
      ],
    };
    const checks = checkTargets(measured);
    const byTarget = (text: string) => checks.find((c) => c.target.includes(text))!;
    expect(byTarget('≤ stock Hive + Rust planner’s')).toMatchObject({
      met: false,
      measured: '2.10 ms vs 2.00 ms at 20/s: 1.05× (at saturation 4.00 ms vs 3.50 ms: 1.14×)',
    });
    expect(byTarget('≤ 1.10× stock Hive')).toMatchObject({ met: true });
    expect(byTarget('⅓ of @apollo/gateway')).toMatchObject({ met: false, measured: expect.stringContaining('0.35×') });
    expect(byTarget('whole system')).toMatchObject({ met: false, measured: '6.60 ms at 20/s (at saturation 8.50 ms)' });
    expect(byTarget('peak memory < 200 MB')).toMatchObject({ met: true });
  });

  it('says when the fixed rate saturated a setup', () => {
    const saturated: BenchResults = {
      ...results,
      setups: [
        { id: 'cardweave', label: 'ours', role: 'production', cardView: withCpu(load(15, 200), 4), cardViewAtRate: atRate(2.1, 12) },
        { id: 'hive-router', label: 'router', role: 'peer', cardViewAtRate: atRate(2) },
      ],
    };
    const system = checkTargets(saturated).find((c) => c.target.includes('whole system'));
    expect(system).toMatchObject({
      met: undefined,
      measured: expect.stringContaining('not judged: the fixed rate saturated it (12.0 of 20/s served)'),
    });
    expect(checkTargets(saturated).find((c) => c.target.includes('≤ stock Hive'))?.met).toBeUndefined();
    expect(renderMarkdown(saturated)).toContain('| ours | 20/s offered: **saturated** | 12.0 |');
  });

  it('puts each setup’s CPU per request per process beside its throughput, latency and memory', () => {
    const markdown = renderMarkdown({
      ...results,
      setups: [
        {
          id: 'cardweave',
          label: 'ours',
          role: 'production',
          cardView: withCpu(load(300, 200), 4),
          cardViewAtRate: atRate(2.25),
          peakRssMb: 150,
        },
      ],
    });
    expect(markdown).toContain(
      '| ours | 20/s offered | 20.0 | 25.0 | 50.0 | 150 | 2.25 | 1.00 | 1.00 | 1.00 | 1.00 | 0.50 | **6.75** | 10.00 |',
    );
    expect(markdown).toContain('|  | 50 connections | 300.0 | 100.0 | 200.0 | – | 4.00 |');
  });

  it('replaces only the section between the markers', () => {
    const doc = '# B\nbefore\n<!-- bench:results:begin -->\nold\n<!-- bench:results:end -->\nafter\n';
    expect(spliceIntoDocument(doc, 'new')).toBe('# B\nbefore\n<!-- bench:results:begin -->\nnew\n<!-- bench:results:end -->\nafter\n');
  });
});

describe('the payment table', () => {
  it('shows payments/s, latency and the violations by kind', () => {
    const markdown = renderMarkdown({
      ...results,
      payments: {
        mutation: 'pay',
        cards: 50,
        authorizations: { ...load(80, 900), requests: 800 },
        approved: 400,
        approvedFen: '12345678',
        limitViolations: 0,
        violations: { perPayment: 0, daily: 0, monthly: 0, yearly: 0, allTime: 0, credit: 0, books: 0, open: 0 },
      },
    });
    expect(markdown).toContain('| 80.0 | 450.0 | 900.0 | 800 | 400 | 123,456.78 | 0 | **0** | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(checkTargets({ ...results, payments: { mutation: 'pay', limitViolations: 0 } }).at(-1)?.met).toBe(true);
  });
});

describe('latency percentiles', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(summarize([3, 1, 2], 1, 0)).toMatchObject({ requests: 3, rps: 3, p50Ms: 2 });
  });
});
