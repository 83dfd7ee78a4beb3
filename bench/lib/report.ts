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
  cardView?: LoadResult;
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
  machine: { node: string; cpus: number; cpuModel: string; memoryGb: number; postgres: string; loadAverageAtStart: number[] };
  settings: { connections: number; durationSec: number; warmupSec: number; customers: number; cardsPerCustomer: number; billItemsPerCustomer: number; wallets: string[] };
  setups: SetupResult[];
  scaling: ScalingRow[];
  payments: PaymentResult;
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
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

export function checkTargets(results: BenchResults): TargetCheck[] {
  const ours = production(results);
  const byId = (id: string) => results.setups.find((s) => s.id === id && !s.skipped);
  const checks: TargetCheck[] = [];
  const versus = (id: string, times: number, name: string) => {
    const peer = byId(id);
    const rps = ours.cardView && peer?.cardView ? ours.cardView.rps / peer.cardView.rps : undefined;
    const p99 = ours.cardView && peer?.cardView ? ours.cardView.p99Ms <= peer.cardView.p99Ms : undefined;
    checks.push({
      target: `≥ ${times}× the requests/s of ${name} on the unified card view, at no worse p99`,
      measured: rps === undefined ? 'not measured' : `${rps.toFixed(2)}×, p99 ${fmt(ours.cardView!.p99Ms, 1)} vs ${fmt(peer!.cardView!.p99Ms, 1)} ms`,
      met: rps === undefined ? undefined : rps >= times && p99!,
    });
  };
  versus('apollo', 3, '@apollo/gateway');
  versus('hive-default', 1.5, 'stock Hive Gateway');
  const limit = byId('limit');
  const share = ours.cardView && limit?.cardView ? ours.cardView.rps / limit.cardView.rps : undefined;
  checks.push({
    target: 'gateway throughput ≥ 50% of the no-gateway limit (unified card view)',
    measured: share === undefined ? 'not measured' : `${(share * 100).toFixed(0)}%`,
    met: share === undefined ? undefined : share >= 0.5,
  });
  checks.push({
    target: `gateway peak memory < 300 MB at ${results.settings.connections} connections`,
    measured: ours.peakRssMb === undefined ? 'not measured' : `${fmt(ours.peakRssMb)} MB`,
    met: ours.peakRssMb === undefined ? undefined : ours.peakRssMb < 300,
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
      `(${s.cardsPerCustomer} cards each, bound to ${s.wallets.join(' and ')}; ${s.billItemsPerCustomer} items on the current bill), requests cycling through them.`,
  );
  lines.push('');
  lines.push('### Throughput, latency and memory');
  lines.push('');
  lines.push('| setup | role | card view req/s | p50 ms | p99 ms | ours ÷ it | single-subgraph req/s | p50 ms | p99 ms | ours ÷ it | peak RSS MB | subgraph requests / view | failed |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const setup of results.setups) {
    if (setup.skipped) {
      lines.push(`| ${setup.label} | ${setup.role} | skipped: ${setup.skipped} |  |  |  |  |  |  |  |  |  |  |`);
      continue;
    }
    const c = setup.cardView;
    const q = setup.singleSubgraph;
    const failed = (c?.failures ?? 0) + (q?.failures ?? 0);
    lines.push(
      `| ${setup.label} | ${setup.role} | ${fmt(c?.rps)} | ${fmt(c?.p50Ms, 1)} | ${fmt(c?.p99Ms, 1)} | ${setup === ours ? '1.00×' : ratio(ours.cardView?.rps, c?.rps)} ` +
        `| ${fmt(q?.rps)} | ${fmt(q?.p50Ms, 1)} | ${fmt(q?.p99Ms, 1)} | ${setup === ours ? '1.00×' : ratio(ours.singleSubgraph?.rps, q?.rps)} ` +
        `| ${fmt(setup.peakRssMb)} | ${setup.subgraphRequests ?? '–'} | ${failed} |`,
    );
  }
  lines.push('');
  lines.push('### Cost as the customer grows (unified card view, one request at a time)');
  lines.push('');
  lines.push('| cards | bill items | SQL statements / request | gateway p50 ms |');
  lines.push('|--:|--:|--:|--:|');
  for (const row of results.scaling) lines.push(`| ${fmt(row.cards)} | ${fmt(row.billItems)} | ${row.statementsPerRequest} | ${fmt(row.p50Ms, 1)} |`);
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
    lines.push('| payments/s | p50 ms | p99 ms | answered | approved | approved CNY | failed | limit violations | per payment | daily, monthly | yearly, all-time | credit | books disagree | left open |');
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
  for (const check of checkTargets(results)) lines.push(`| ${check.target} | ${check.measured} | ${check.met === undefined ? '–' : check.met ? 'yes' : '**no**'} |`);
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
