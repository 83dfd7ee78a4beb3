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
import {
  BREAK,
  getNamedType,
  isAbstractType,
  isObjectType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Counter, Registry } from 'prom-client';
import { CANONICAL_ERROR_CODES } from '@cardweave/adapter-sdk/canonical-errors';

export interface UseMetricsOptions {
  registry: Registry;
  log: Logger;
  /** Whether the supergraph marks any field or value @deprecated (the deprecated-field counter is kept only then). */
  schemaHasDeprecations?: boolean;
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

/** Scalars whose values are never objects, so never a decline. */
const PRIMITIVE_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Fen', 'Date', 'DateTime']);

const declineShaped = (type: GraphQLObjectType) => {
  const fields = type.getFields();
  return 'code' in fields && 'platform' in fields;
};

const selectsDeclinesCache = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

/**
 * Whether a result of this operation can hold a decline: it selects a field whose type has a
 * `code` and a `platform` (CanonicalError), may be one (an interface or union), or could hide
 * one (a scalar other than the primitive ones). Answered once per schema and document.
 */
export function selectsDeclines(schema: GraphQLSchema, document: DocumentNode): boolean {
  let bySchema = selectsDeclinesCache.get(schema);
  if (!bySchema) selectsDeclinesCache.set(schema, (bySchema = new WeakMap()));
  let answer = bySchema.get(document);
  if (answer === undefined) {
    let found = false;
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const type = typeInfo.getType();
          const named = type && getNamedType(type);
          if (
            !named ||
            (isObjectType(named) && declineShaped(named)) ||
            (isAbstractType(named) && schema.getPossibleTypes(named).some(declineShaped)) ||
            (isScalarType(named) && !PRIMITIVE_SCALARS.has(named.name))
          ) {
            found = true;
            return BREAK;
          }
          return undefined;
        },
      }),
    );
    answer = found;
    bySchema.set(document, answer);
  }
  return answer;
}

/** Per request: false when its operation cannot return a decline, so its data need not be walked. */
const requestSelectsDeclines = new WeakMap<Request, boolean>();

/** Counts a result's errors (codes already canonical, see useEdgeErrors) and declines. */
export function countResult(
  errors: Counter<'code' | 'platform'>,
  result: { errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown },
  request?: Request,
): void {
  const count = (code: string, platform: string) => errors.inc({ code, platform });
  for (const e of result.errors ?? []) {
    count(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), String(e.extensions?.platform ?? e.extensions?.subgraph ?? 'gateway'));
  }
  if (request && requestSelectsDeclines.get(request) === false) return;
  countDeclines(result.data, count);
}

/** Notes, per request, whether its operation can return declines at all (see countResult). */
export function useDeclineSelection(): GatewayPlugin {
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      if (request) requestSelectsDeclines.set(request, selectsDeclines(args.schema, args.document));
    },
  };
}

export function useMetrics(options: UseMetricsOptions): GatewayPlugin {
  const prometheus = useMeshPrometheus({
    registry: options.registry,
    log: options.log,
    endpoint: '/metrics',
    metrics: {
      // Otherwise on by default: it walks every operation with the schema's type information on
      // every request, to count nothing when no field is deprecated.
      graphql_envelop_deprecated_field: options.schemaHasDeprecations ?? true,
      // A summary computes quantiles in the process on every request and cannot be added up
      // across replicas; graphql_envelop_request_duration (a histogram) times the same requests.
      graphql_envelop_request_time_summary: false,
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
