/**
 * Prometheus metrics at GET /metrics, by Hive's Prometheus plugin: request counts and
 * durations, errors per phase, and per-subgraph latency histograms
 * (`graphql_gateway_subgraph_execute_duration{subgraphName}`, `graphql_gateway_fetch_duration`).
 * One counter of our own is added to its registry, `cardweave_errors_total{code, platform}`:
 * every error and every platform decline a client receives, by canonical code and platform,
 * which no stock metric can label (it needs the codes after useEdgeErrors).
 *
 * Every label value comes from a bounded set, so no request can add series without end: an
 * operation name is one of the persisted documents' (gateway/persisted-documents.json, made
 * from client/operations) or `unknown`, and no label holds a URL, a path or a header. The stock
 * metrics would take the client's operation name and the request URL as they come, about 90
 * new series per new name. A request without a verified token is not observed at all (only
 * counted in cardweave_errors_total, whose series exist from the start).
 *
 * Reading /metrics needs GATEWAY_METRICS_TOKEN as a bearer token, which is what a Prometheus
 * scrape job sends (`authorization: { credentials_file: … }`). Without a token, production has
 * no /metrics (404: nothing to find), and a development run shows it to loopback clients only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@graphql-hive/logger';
import useMeshPrometheus, { createCounter, createHistogram } from '@graphql-mesh/plugin-prometheus';
import {
  BREAK,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isObjectType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  parse,
} from 'graphql';
import { Counter, Registry } from 'prom-client';
import { CANONICAL_ERROR_CODES } from '@cardweave/adapter-sdk/canonical-errors';
import { configValue, type Environment } from '@cardweave/service-kit';
import { ALL_ERROR_CODES, EDGE_ERROR_CODES } from './use-edge-errors';

export interface UseMetricsOptions {
  registry: Registry;
  log: Logger;
  /** Whether the supergraph marks any field or value @deprecated (the deprecated-field counter is kept only then). */
  schemaHasDeprecations?: boolean;
  /** The operation names a label may carry (operationNamesOf the persisted documents); any other reads `unknown`. */
  knownOperations: ReadonlySet<string>;
  /** Who may read /metrics. */
  access: MetricsAccess;
}

export interface MetricsAccess {
  /** The bearer token GET /metrics requires (GATEWAY_METRICS_TOKEN). */
  token?: string;
  /** Without a token: production has no /metrics; development shows it to loopback clients. */
  production: boolean;
}

/** The label value of an operation name that is not a known operation's. */
export const UNKNOWN_OPERATION = 'unknown';

/** The names of the operations in these documents (the persisted documents' values). */
export function operationNamesOf(documents: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const document of documents) {
    for (const definition of parse(document, { noLocation: true }).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

export function createMetricsRegistry(): { registry: Registry; errors: Counter<'code' | 'platform'> } {
  const registry = new Registry();
  const errors = new Counter({
    name: 'cardweave_errors_total',
    help: 'Errors and platform declines returned to clients, by canonical code and platform',
    labelNames: ['code', 'platform'],
    registers: [registry],
  });
  // The gateway's own refusals exist from the start at 0: rate() sees the first one, and no
  // request, authenticated or not, adds a series by being refused.
  for (const code of EDGE_ERROR_CODES) errors.labels({ code, platform: 'gateway' }).inc(0);
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

/** A platform or subgraph name as a label: the names services give are short lowercase words. */
const PLATFORM_LABEL = /^[a-z][a-z0-9_-]{0,39}$/;

/** cardweave_errors_total's labels, each from a bounded set. */
function errorLabels(code: string, platform: string): { code: string; platform: string } {
  return {
    code: ALL_ERROR_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR',
    platform: PLATFORM_LABEL.test(platform) ? platform : 'unknown',
  };
}

/** Per request: false when its operation cannot return a decline, so its data need not be walked. */
const requestSelectsDeclines = new WeakMap<Request, boolean>();

/** Counts a result's errors (codes already canonical, see useEdgeErrors) and declines. */
export function countResult(
  errors: Counter<'code' | 'platform'>,
  result: { errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown },
  request?: Request,
): void {
  const count = (code: string, platform: string) => errors.inc(errorLabels(code, platform));
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

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
const OPERATION_LABELS = ['operationType', 'operationName'] as const;

interface OperationParams {
  operationName?: string;
  operationType?: string;
  errorPhase?: string;
  deprecationInfo?: { fieldName?: string; typeName?: string };
}

/** The request a metric hook is about, whichever shape of context it is given. */
function requestOf(context: unknown): Request | undefined {
  return (context as { request?: Request } | null | undefined)?.request;
}

/**
 * Whether a request carries a verified token. Before the context is built (parse, validate) the
 * JWT plugin has already refused an invalid token (useIdentity: reject.invalidToken), so a
 * request still here with an Authorization header has a valid one; afterwards `context.jwt` says.
 */
function authenticated(_params: unknown, context: unknown): boolean {
  if ((context as { jwt?: unknown } | null | undefined)?.jwt) return true;
  return !!requestOf(context)?.headers.get('authorization');
}

export function useMetrics(options: UseMetricsOptions): GatewayPlugin[] {
  const { registry, knownOperations } = options;
  const operationName = (name: string | undefined) => (name && knownOperations.has(name) ? name : UNKNOWN_OPERATION);
  const operationLabels = (params: OperationParams) => ({
    operationType: params.operationType && OPERATION_TYPES.has(params.operationType) ? params.operationType : UNKNOWN_OPERATION,
    operationName: operationName(params.operationName),
  });
  const histogram = <Phase extends string>(name: string, help: string, phases: [Phase, ...Phase[]]) =>
    createHistogram<Phase, (typeof OPERATION_LABELS)[number], OperationParams>({
      registry,
      histogram: { name, help, labelNames: [...OPERATION_LABELS] },
      fillLabelsFn: (params) => operationLabels(params),
      phases,
      shouldObserve: authenticated,
    });
  const prometheus = useMeshPrometheus({
    registry,
    log: options.log,
    // Served below, behind its token.
    endpoint: false as unknown as string,
    metrics: {
      // Otherwise on by default: it walks every operation with the schema's type information on
      // every request, to count nothing when no field is deprecated.
      graphql_envelop_deprecated_field:
        (options.schemaHasDeprecations ?? true) &&
        createCounter({
          registry,
          counter: {
            name: 'graphql_envelop_deprecated_field',
            help: 'Counts the amount of deprecated fields used in selection sets',
            labelNames: [...OPERATION_LABELS, 'fieldName', 'typeName'],
          },
          // Field and type names are the schema's: a selection of an unknown field fails validation first.
          fillLabelsFn: (params: OperationParams) => ({
            ...operationLabels(params),
            fieldName: params.deprecationInfo?.fieldName ?? '',
            typeName: params.deprecationInfo?.typeName ?? '',
          }),
          phases: ['parse'],
          shouldObserve: authenticated,
        }),
      // A summary computes quantiles in the process on every request and cannot be added up
      // across replicas; graphql_envelop_request_duration (a histogram) times the same requests.
      graphql_envelop_request_time_summary: false,
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'Counts the amount of GraphQL requests executed through Envelop',
          labelNames: [...OPERATION_LABELS],
        },
        fillLabelsFn: (params: OperationParams) => operationLabels(params),
        phases: ['execute', 'subscribe'],
        shouldObserve: authenticated,
      }),
      graphql_envelop_request_duration: histogram(
        'graphql_envelop_request_duration',
        'Time spent on running the GraphQL operation from parse to execute',
        ['execute', 'subscribe'],
      ),
      // Without the stock `path` label: an error's path holds the client's aliases.
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Counts the amount of errors reported from all phases',
          labelNames: [...OPERATION_LABELS, 'phase'],
        },
        fillLabelsFn: (params: OperationParams) => ({ ...operationLabels(params), phase: params.errorPhase ?? 'execute' }),
        phases: ['parse', 'validate', 'context', 'execute', 'subscribe'],
        shouldObserve: authenticated,
      }),
      graphql_envelop_phase_parse: histogram('graphql_envelop_phase_parse', 'Time spent on running GraphQL "parse" function', ['parse']),
      graphql_envelop_phase_validate: histogram('graphql_envelop_phase_validate', 'Time spent on running GraphQL "validate" function', [
        'validate',
      ]),
      graphql_envelop_phase_execute: histogram('graphql_envelop_phase_execute', 'Time spent on running the GraphQL "execute" function', [
        'execute',
      ]),
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      // The stock HTTP histogram labels each request by its full URL (query string included).
      graphql_yoga_http_duration: false,
      // Labelled by subgraph URL, method and status: values from configuration and HTTP.
      graphql_gateway_fetch_duration: true,
      graphql_gateway_subgraph_execute_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_gateway_subgraph_execute_duration',
          help: 'Time spent on subgraph execution',
          labelNames: ['subgraphName', ...OPERATION_LABELS],
        },
        fillLabelsFn: subgraphLabels,
        phases: ['subgraphExecute'],
        shouldObserve: () => true,
      }),
      graphql_gateway_subgraph_execute_errors: createCounter({
        registry,
        counter: {
          name: 'graphql_gateway_subgraph_execute_errors',
          help: 'Number of errors on subgraph execution',
          labelNames: ['subgraphName', ...OPERATION_LABELS],
        },
        fillLabelsFn: subgraphLabels,
        phases: ['subgraphExecute'],
        shouldObserve: () => true,
      }),
    },
    labels: { subgraphName: true },
  });
  // A subgraph request is named by the planner, not by the client: label it with the client's operation.
  const clientOperationNames = new WeakMap<object, string | undefined>();
  const noteClientOperation: GatewayPlugin = {
    onExecute({ args }) {
      if (args.contextValue) clientOperationNames.set(args.contextValue, getOperationAST(args.document, args.operationName)?.name?.value);
    },
  };
  return [useMetricsEndpoint(registry, options.access), noteClientOperation, prometheus as GatewayPlugin];

  /** A subgraph request, labelled by its subgraph and the client's operation it serves. */
  function subgraphLabels(params: { subgraphName: string; executionRequest: { operationType?: string; context?: object } }) {
    const { executionRequest } = params;
    return {
      subgraphName: params.subgraphName,
      ...operationLabels({
        operationType: executionRequest.operationType,
        operationName: executionRequest.context && clientOperationNames.get(executionRequest.context),
      }),
    };
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request's address is this machine's. */
function fromLoopback(serverContext: unknown): boolean {
  const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** GET /metrics, given only to the bearer of the metrics token (see the top of this file). */
export function useMetricsEndpoint(registry: Registry, access: MetricsAccess): GatewayPlugin {
  const expected = access.token ? sha256(access.token) : undefined;
  const plain = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });
  return {
    onRequest({ url, request, endResponse, serverContext }) {
      if (url.pathname !== '/metrics') return undefined;
      if (expected) {
        const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
        // Compared as digests: equal lengths, and no timing that tells how much of a guess was right.
        if (!given || !timingSafeEqual(sha256(given), expected)) {
          return endResponse(plain(401, 'metrics need the metrics token\n', { 'www-authenticate': 'Bearer realm="metrics"' }));
        }
      } else if (access.production) {
        return endResponse(plain(404, 'Not Found\n'));
      } else if (!fromLoopback(serverContext)) {
        return endResponse(plain(403, 'metrics are shown to this machine only unless GATEWAY_METRICS_TOKEN is set\n'));
      }
      return registry.metrics().then((text) => endResponse(new Response(text, { headers: { 'content-type': registry.contentType } })));
    },
  };
}

/** GATEWAY_METRICS_TOKEN, unset when blank. */
export function metricsTokenFromEnv(env: Environment = process.env): string | undefined {
  return configValue('GATEWAY_METRICS_TOKEN', env);
}
