/**
 * The results of one `npm run bench`: the JSON kept in bench/results/latest.json, and the
 * markdown tables rendered from it (bench/results/latest.md and BENCHMARKS.md).
 */
import type { LoadResult } from '../load/load-result';

export type SetupRole = 'production' | 'rejected' | 'peer' | 'limit';

export interface SetupResult {
  id: string;
  label: string;
  role: SetupRole;
  /** The unified card view at saturation (`connections` in flight). */
  cardView?: LoadResult;
  /** The unified card view at the fixed offered rate (settings.rate), below saturation. */
  cardViewAtRate?: LoadResult;
  /** The unified card view one request at a time (settings.sequentialRequests). */
  sequential?: LoadResult;
  singleSubgraph?: LoadResult;
  /** Peak resident memory of the gateway process over its whole run (VmHWM). */
  peakRssMb?: number;
  /** Subgraph requests the gateway made for one unified card view. */
  subgraphRequests?: number;
  /** Why it has no numbers (it did not run here). */
  skipped?: string;
}

export interface ScalingRow {
  cards: number;
  billItems: number;
  statementsPerRequest: number;
  p50Ms: number;
}

/** Limits found exceeded, or books found disagreeing, after the payment run (see bench/lib/payments.ts). */
export interface PaymentViolations {
  perPayment: number;
  daily: number;
  monthly: number;
  yearly: number;
  allTime: number;
  /** Approved past the credit available, or a credit line used past its limit. */
  credit: number;
  /** Per card, issuer, network and wallet approved sums and the credit used that differ (to the fen). */
  books: number;
  /** Payments left RESERVED or REVERSING. */
  open: number;
}

export interface PaymentResult {
  skipped?: string;
  mutation?: string;
  /** Cards the payments were spread over. */
  cards?: number;
  /** Every answered payment request: an authorization decision, approved or declined. */
  authorizations?: LoadResult;
  /** Responses that said ok. */
  approvedResponses?: number;
  /** Approved payments in the wallet's books after the run, and their sum. */
  approved?: number;
  approvedFen?: string;
  /** Declined payments in the wallet's books by canonical code and platform: which limits bound. */
  declined?: Record<string, number>;
  limitViolations?: number;
  violations?: PaymentViolations;
}

export interface BenchResults {
  command: string;
  startedAt: string;
  durationSec: number;
  machine: {
    node: string;
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    postgres: string;
    loadAverageAtStart: number[];
    clockTicksPerSecond?: number;
  };
  settings: {
    connections: number;
    durationSec: number;
    warmupSec: number;
    /** The fixed offered rate, requests per second. */
    rate?: number;
    sequentialRequests?: number;
    /** How the services ran: from the build with Node, or with tsx. */
    runtime?: string;
    customers: number;
    cardsPerCustomer: number;
    billItemsPerCustomer: number;
    wallets: string[];
  };
  setups: SetupResult[];
  scaling: ScalingRow[];
  payments: PaymentResult;
}

/** A number for a table; '–' for none (a figure that did not survive JSON, NaN or Infinity, arrives as null). */
const fmt = (n: number | null | undefined, digits = 0) =>
  typeof n !== 'number' || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

/** The production gateway with full documents, which the peers are compared with (none in a partial run). */
export function production(results: BenchResults): SetupResult {
  return results.setups.find((s) => s.role === 'production' && !s.skipped) ?? { id: 'none', label: 'not run', role: 'production' };
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | undefined;
}

/** Said of a fixed-rate figure when a setup could not keep up with the rate: then it is not below saturation. */
function saturatedNote(...runs: Array<LoadResult | undefined>): string {
  const short = runs.filter((r) => r?.offeredRps && r.rps < 0.9 * r.offeredRps);
  return short.length
    ? `; not judged: the fixed rate saturated it (${short.map((r) => `${fmt(r!.rps, 1)} of ${r!.offeredRps}/s served`).join(', ')})`
    : '';
}

/** CPU ms per request of one role in a run (NaN when not measured). */
const cpuOf = (run: LoadResult | undefined, role: string): number => run?.cpu?.perRequestMs[role] ?? NaN;
const ms = (n: number) => (fmt(n, 2) === '–' ? '–' : `${n.toFixed(2)} ms`);

export function checkTargets(results: BenchResults): TargetCheck[] {
  const ours = production(results);
  const byId = (id: string) => results.setups.find((s) => s.id === id && !s.skipped);
  const checks: TargetCheck[] = [];
  const rate = results.settings.rate;
  const versus = (id: string, times: number, name: string) => {
    const peer = byId(id);
    const rps = ours.cardView && peer?.cardView ? ours.cardView.rps / peer.cardView.rps : undefined;
    const p99 = ours.cardView && peer?.cardView ? ours.cardView.p99Ms <= peer.cardView.p99Ms : undefined;
    checks.push({
      target: `≥ ${times}× the requests/s of ${name} on the unified card view, at no worse p99`,
      measured:
        rps === undefined
          ? 'not measured'
          : `${rps.toFixed(2)}×, p99 ${fmt(ours.cardView!.p99Ms, 1)} vs ${fmt(peer!.cardView!.p99Ms, 1)} ms`,
      met: rps === undefined ? undefined : rps >= times && p99!,
    });
  };
  versus('apollo', 3, '@apollo/gateway');
  versus('hive-default', 1.5, 'stock Hive Gateway');
  // The gateway's own CPU per card view against a peer's: at the fixed rate (the code's cost), saturation beside it.
  const gatewayCpu = (id: string, most: number, target: string) => {
    const peer = byId(id);
    const atRate = cpuOf(ours.cardViewAtRate, 'gateway') / cpuOf(peer?.cardViewAtRate, 'gateway');
    const atSaturation = cpuOf(ours.cardView, 'gateway') / cpuOf(peer?.cardView, 'gateway');
    checks.push({
      target,
      measured: !Number.isFinite(atRate)
        ? 'not measured'
        : `${ms(cpuOf(ours.cardViewAtRate, 'gateway'))} vs ${ms(cpuOf(peer?.cardViewAtRate, 'gateway'))} at ${rate}/s: ${atRate.toFixed(2)}× ` +
          `(at saturation ${ms(cpuOf(ours.cardView, 'gateway'))} vs ${ms(cpuOf(peer?.cardView, 'gateway'))}: ${!Number.isFinite(atSaturation) ? '–' : `${atSaturation.toFixed(2)}×`})` +
          saturatedNote(ours.cardViewAtRate, peer?.cardViewAtRate),
      // A fixed-rate figure from a saturated setup is not the code's cost: not judged.
      met: !Number.isFinite(atRate) || saturatedNote(ours.cardViewAtRate, peer?.cardViewAtRate) ? undefined : atRate <= most,
    });
  };
  gatewayCpu('hive-router', 1, 'gateway CPU per card view ≤ stock Hive + Rust planner’s (fixed rate)');
  gatewayCpu(
    'hive-router',
    1.1,
    'gateway CPU per card view ≤ 1.10× stock Hive + Rust planner’s, counting identity, signatures, limits, error mapping, metrics and tracing (fixed rate)',
  );
  gatewayCpu('apollo', 1 / 3, 'gateway CPU per card view ≤ ⅓ of @apollo/gateway’s (fixed rate)');
  const system = ours.cardViewAtRate?.cpu?.sumMs;
  checks.push({
    target: 'the whole system’s CPU per card view ≤ 5 ms: gateway, subgraphs, PostgreSQL and load generator (fixed rate)',
    measured:
      system === undefined
        ? 'not measured'
        : `${ms(system)} at ${rate}/s (at saturation ${ms(ours.cardView?.cpu?.sumMs ?? NaN)})${saturatedNote(ours.cardViewAtRate)}`,
    met: system === undefined || saturatedNote(ours.cardViewAtRate) ? undefined : system <= 5,
  });
  const limit = byId('limit');
  const share = ours.cardView && limit?.cardView ? ours.cardView.rps / limit.cardView.rps : undefined;
  checks.push({
    target: 'gateway throughput ≥ 50% of the no-gateway limit (unified card view)',
    measured: share === undefined ? 'not measured' : `${(share * 100).toFixed(0)}%`,
    met: share === undefined ? undefined : share >= 0.5,
  });
  checks.push({
    target: `gateway peak memory < 200 MB at ${results.settings.connections} connections`,
    measured: ours.peakRssMb === undefined ? 'not measured' : `${fmt(ours.peakRssMb)} MB`,
    met: ours.peakRssMb === undefined ? undefined : ours.peakRssMb < 200,
  });
  const statements = new Set(results.scaling.map((r) => r.statementsPerRequest));
  checks.push({
    target: 'SQL statements per request do not grow with cards (1–100) or bill items (10–10,000)',
    measured: results.scaling.length ? `${[...statements].join(', ')} statements` : 'not measured',
    met: results.scaling.length ? statements.size === 1 : undefined,
  });
  if (!results.payments.skipped) {
    checks.push({
      target: 'no limit violations under concurrent payment authorizations (books of all three databases)',
      measured: `${results.payments.limitViolations ?? '–'} violations, ${results.payments.authorizations?.failures ?? '–'} failed requests`,
      met: results.payments.limitViolations === 0,
    });
  }
  return checks;
}

/** The processes of a CPU row, in table order. */
export const CPU_ROLES = ['gateway', 'issuer', 'wallet', 'clearing', 'postgres', 'load'] as const;

/** The fixed-rate row's load, flagged when the setup could not serve the offered rate (it was saturated). */
function rateLoad(run: LoadResult | undefined, rate: number | undefined): string {
  const offered = run?.offeredRps ?? rate;
  return run && offered && run.rps < 0.9 * offered ? `${offered}/s offered: **saturated**` : `${offered ?? '–'}/s offered`;
}

function cpuRow(label: string, load: string, run: LoadResult | undefined, peakRssMb: number | undefined): string {
  const c = run?.cpu;
  const cells = CPU_ROLES.map((role) => fmt(c?.perRequestMs[role], 2));
  return (
    `| ${label} | ${load} | ${fmt(run?.rps, 1)} | ${fmt(run?.p50Ms, 1)} | ${fmt(run?.p99Ms, 1)} | ${fmt(peakRssMb)} ` +
    `| ${cells.join(' | ')} | **${fmt(c?.sumMs, 2)}** | ${fmt(c?.machineMs, 2)} |`
  );
}

export function renderMarkdown(results: BenchResults): string {
  const ours = production(results);
  const lines: string[] = [];
  const m = results.machine;
  const s = results.settings;
  lines.push(`Command: \`${results.command}\` · ${results.startedAt} · ${fmt(results.durationSec)} s in all`);
  lines.push('');
  lines.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; load average ${m.loadAverageAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start. ` +
      `Load: ${s.connections} connections, ${s.durationSec} s per run after ${s.warmupSec} s of warm-up, ${s.customers} customers ` +
      `(${s.cardsPerCustomer} cards each, bound to ${s.wallets.join(' and ')}; ${s.billItemsPerCustomer} items on the current bill), requests cycling through them.` +
      (s.rate ? ` Fixed rate: ${s.rate} card views/s offered for ${s.durationSec} s after ${s.warmupSec} s.` : '') +
      (s.sequentialRequests ? ` One at a time: ${s.sequentialRequests} card views on one connection.` : '') +
      (s.runtime ? ` Services: ${s.runtime}.` : ''),
  );
  lines.push('');
  lines.push('### Throughput, latency and memory');
  lines.push('');
  lines.push(
    '| setup | role | card view req/s | p50 ms | p99 ms | ours ÷ it | one at a time: p50 ms | single-subgraph req/s | p50 ms | p99 ms | ours ÷ it | peak RSS MB | subgraph requests / view | failed |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const setup of results.setups) {
    if (setup.skipped) {
      lines.push(`| ${setup.label} | ${setup.role} | skipped: ${setup.skipped} |  |  |  |  |  |  |  |  |  |  |  |`);
      continue;
    }
    const c = setup.cardView;
    const q = setup.singleSubgraph;
    const failed = [c, q, setup.cardViewAtRate, setup.sequential].reduce((n, r) => n + (r?.failures ?? 0), 0);
    lines.push(
      `| ${setup.label} | ${setup.role} | ${fmt(c?.rps)} | ${fmt(c?.p50Ms, 1)} | ${fmt(c?.p99Ms, 1)} | ${setup === ours ? '1.00×' : ratio(ours.cardView?.rps, c?.rps)} ` +
        `| ${fmt(setup.sequential?.p50Ms, 1)} ` +
        `| ${fmt(q?.rps)} | ${fmt(q?.p50Ms, 1)} | ${fmt(q?.p99Ms, 1)} | ${setup === ours ? '1.00×' : ratio(ours.singleSubgraph?.rps, q?.rps)} ` +
        `| ${fmt(setup.peakRssMb)} | ${setup.subgraphRequests ?? '–'} | ${failed} |`,
    );
  }
  lines.push('');
  lines.push('### CPU per request, per process');
  lines.push('');
  lines.push(
    `CPU time (utime + stime from /proc/<pid>/stat) each process spent over the measured window, divided by the requests completed in it, in ms; ` +
      `unified card view at a fixed offered rate of ${s.rate ?? '–'}/s (the code's cost, used for the targets), at saturation (${s.connections} connections) ` +
      `and one request at a time. PostgreSQL: every process of the server (postmaster, background processes, backends, those that exited in the window too) ` +
      `less the backends of other databases. Sum: the processes of the row; machine: the whole machine's busy time (every process on it) per request.`,
  );
  lines.push('');
  lines.push(
    '| setup | load | req/s | p50 ms | p99 ms | gateway peak RSS MB | gateway | issuer | wallet | clearing | PostgreSQL | load generator | sum | machine |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const setup of results.setups) {
    if (setup.skipped) continue;
    const shapes: Array<[string, LoadResult | undefined]> = [
      [rateLoad(setup.cardViewAtRate, s.rate), setup.cardViewAtRate],
      [`${s.connections} connections`, setup.cardView],
      ['one at a time', setup.sequential],
    ];
    shapes
      .filter(([, run]) => run)
      .forEach(([load, run], i) => lines.push(cpuRow(i === 0 ? setup.label : '', load, run, i === 0 ? setup.peakRssMb : undefined)));
  }
  if (results.payments.authorizations?.cpu) {
    lines.push(
      cpuRow(
        'Payments: `pay` through the production gateway (per answered payment)',
        `${s.connections} connections`,
        results.payments.authorizations,
        undefined,
      ),
    );
  }
  lines.push('');
  lines.push('### Cost as the customer grows (unified card view, one request at a time)');
  lines.push('');
  lines.push('| cards | bill items | SQL statements / request | gateway p50 ms |');
  lines.push('|--:|--:|--:|--:|');
  for (const row of results.scaling)
    lines.push(`| ${fmt(row.cards)} | ${fmt(row.billItems)} | ${row.statementsPerRequest} | ${fmt(row.p50Ms, 1)} |`);
  lines.push('');
  lines.push('### Payment authorizations through the full chain');
  lines.push('');
  const p = results.payments;
  if (p.skipped) lines.push(`Skipped: ${p.skipped}`);
  else {
    const a = p.authorizations;
    const v = p.violations;
    lines.push(
      `\`${p.mutation}\` through Cardweave's production gateway, ${results.settings.connections} connections, ${fmt(a?.durationSec)} s, ` +
        `spread over ${fmt(p.cards)} cards; violations counted from the three databases' books after the run.`,
    );
    lines.push('');
    lines.push(
      '| payments/s | p50 ms | p99 ms | answered | approved | approved CNY | failed | limit violations | per payment | daily, monthly | yearly, all-time | credit | books disagree | left open |',
    );
    lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    const cny = p.approvedFen === undefined ? undefined : Number(BigInt(p.approvedFen)) / 100;
    lines.push(
      `| ${fmt(a?.rps, 1)} | ${fmt(a?.p50Ms, 1)} | ${fmt(a?.p99Ms, 1)} | ${fmt(a?.requests)} | ${fmt(p.approved)} | ${fmt(cny, 2)} | ${fmt(a?.failures)} ` +
        `| **${fmt(p.limitViolations)}** | ${fmt(v?.perPayment)} | ${fmt(v ? v.daily + v.monthly : undefined)} | ${fmt(v ? v.yearly + v.allTime : undefined)} | ${fmt(v?.credit)} | ${fmt(v?.books)} | ${fmt(v?.open)} |`,
    );
    const declined = Object.entries(p.declined ?? {});
    if (declined.length) {
      lines.push('');
      lines.push(`Declined in the books: ${declined.map(([code, n]) => `${fmt(n)} ${code}`).join(', ')}.`);
    }
  }
  lines.push('');
  lines.push('### Targets');
  lines.push('');
  lines.push('| target | measured | met |');
  lines.push('|---|---|---|');
  for (const check of checkTargets(results))
    lines.push(`| ${check.target} | ${check.measured} | ${check.met === undefined ? '–' : check.met ? 'yes' : '**no**'} |`);
  lines.push('');
  return lines.join('\n');
}

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

/** Puts the rendered tables between the markers in BENCHMARKS.md, leaving the prose around them. */
export function spliceIntoDocument(document: string, tables: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md has no ${BEGIN} … ${END} section`);
  return `${document.slice(0, start + BEGIN.length)}\n${tables}\n${document.slice(end)}`;
}
