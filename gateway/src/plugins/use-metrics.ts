/**
 * Prometheus metrics at GET /metrics, by Hive's Prometheus plugin: request counts and
 * durations, errors per phase, and per-subgraph latency histograms
 * (`graphql_gateway_subgraph_execute_duration{subgraphName}`, `graphql_gateway_fetch_duration`).
 * One counter of our own is added to its registry, `cardweave_errors_total{code, platform}`:
 * every error and every platform decline a client receives, by canonical code and platform,
 * which no stock metric can label (it needs the codes after useEdgeErrors).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@graphql-hive/logger';
import useMeshPrometheus from '@graphql-mesh/plugin-prometheus';
import { Counter, Registry } from 'prom-client';
import { CANONICAL_ERROR_CODES } from '../../../adapters/sdk/src/canonical-errors';

export interface UseMetricsOptions {
  registry: Registry;
  log: Logger;
}

export function createMetricsRegistry(): { registry: Registry; errors: Counter<'code' | 'platform'> } {
  const registry = new Registry();
  const errors = new Counter({
    name: 'cardweave_errors_total',
    help: 'Errors and platform declines returned to clients, by canonical code and platform',
    labelNames: ['code', 'platform'],
    registers: [registry],
  });
  return { registry, errors };
}

const PLATFORM_CODES = new Set<string>(CANONICAL_ERROR_CODES);

/** Counts declines carried as data: objects with a canonical `code` and a `platform`. */
export function countDeclines(data: unknown, count: (code: string, platform: string) => void, depth = 0): void {
  if (!data || typeof data !== 'object' || depth > 12) return;
  if (Array.isArray(data)) {
    for (const item of data) countDeclines(item, count, depth + 1);
    return;
  }
  const record = data as Record<string, unknown>;
  if (typeof record.code === 'string' && PLATFORM_CODES.has(record.code) && typeof record.platform === 'string') {
    count(record.code, record.platform);
    return;
  }
  for (const value of Object.values(record)) countDeclines(value, count, depth + 1);
}

/** Counts a result's errors (codes already canonical, see useEdgeErrors) and declines. */
export function countResult(errors: Counter<'code' | 'platform'>, result: { errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown }): void {
  const count = (code: string, platform: string) => errors.inc({ code, platform });
  for (const e of result.errors ?? []) {
    count(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), String(e.extensions?.platform ?? e.extensions?.subgraph ?? 'gateway'));
  }
  countDeclines(result.data, count);
}

export function useMetrics(options: UseMetricsOptions): GatewayPlugin {
  const prometheus = useMeshPrometheus({
    registry: options.registry,
    log: options.log,
    endpoint: '/metrics',
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_gateway_fetch_duration: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
    },
    labels: { subgraphName: true },
  });
  return prometheus as GatewayPlugin;
}
