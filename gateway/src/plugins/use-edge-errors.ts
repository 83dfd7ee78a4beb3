/**
 * Error semantics at the edge: every error a client receives carries a code from one closed
 * list (ClientErrorCode of @cardweave/service-kit: EDGE_ERROR_CODES plus the platforms' canonical
 * codes), and in production the message of anything unexpected is masked and no internal
 * detail (stack, original error, subgraph internals) leaves the gateway.
 *
 * Hive's `maskedErrors` masks thrown non-GraphQL errors but leaves errors from the parser,
 * validation rules, the JWT plugin and GraphQL Armor without a code, each in its own shape;
 * this plugin gives them one code each after every other plugin ran.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createGraphQLError, mapAsyncIterator } from '@graphql-tools/utils';
import { isClientErrorCode, type ClientErrorCode } from '@cardweave/service-kit';
import { plainLimitMessage } from '../errors/limit-messages';
import { languageOfRequest, localizeError } from '../errors/localize-error';
import { plainVariableMessage } from '../errors/variable-messages';

export { ALL_ERROR_CODES, EDGE_ERROR_CODES } from '@cardweave/service-kit';

interface WireError {
  message: string;
  extensions?: Record<string, unknown>;
  locations?: unknown;
  path?: unknown;
}

const LIMIT_MESSAGES: Array<[RegExp, string]> = [
  [/depth limit/i, 'depth'],
  [/aliases limit/i, 'aliases'],
  [/token limit/i, 'tokens'],
  [/operation estimated cost|cost.*exceed|too expensive|^query cost .* over the limit/i, 'cost'],
];

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|timed? ?out|aborted|upstream|could not (connect|reach)|EHOSTUNREACH|ETIMEDOUT|other side closed|Bad Gateway|Service Unavailable|UND_ERR/i;

/** The edge code for one error as Hive, Yoga or a plugin produced it. */
export function classify(error: WireError): { code: ClientErrorCode; limit?: string } {
  const ext = error.extensions ?? {};
  const status = (ext.http as { status?: number } | undefined)?.status;
  const given = typeof ext.code === 'string' ? ext.code : undefined;
  const message = error.message ?? '';
  for (const [pattern, limit] of LIMIT_MESSAGES) if (pattern.test(message)) return { code: 'OPERATION_LIMIT_EXCEEDED', limit };
  if (given === 'COST_ESTIMATED_TOO_EXPENSIVE' || given === 'COST_QUERY_PARSE_FAILURE')
    return { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' };
  if (given === 'PERSISTED_QUERY_NOT_FOUND' || given === 'PERSISTED_QUERY_NOT_IN_LIST' || message === 'PersistedQueryNotFound') {
    return { code: 'PERSISTED_QUERY_NOT_FOUND' };
  }
  if (given === 'CANNOT_SEND_PQ_ID_AND_BODY' || message === 'PersistedQueryOnly') return { code: 'PERSISTED_QUERY_ONLY' };
  // Hive's persisted-document lookup, reached when a request has neither a query nor a known hash.
  if (/PersistedQueryKeyNotFound|must provide (a )?query|Must provide query/i.test(message)) return { code: 'BAD_REQUEST' };
  if (/not configured to execute subscription/i.test(message)) return { code: 'BAD_REQUEST' };
  // The Rust query planner refuses an operation the schema cannot serve (an unknown root type).
  if (/Failed to normalize operation/i.test(message)) return { code: 'GRAPHQL_VALIDATION_FAILED' };
  if (
    given === 'PERSISTED_QUERY_ONLY' ||
    /persisted (query|document|operation)s? (only|is required|are allowed)|arbitrary documents|None of the persisted/i.test(message)
  ) {
    return { code: 'PERSISTED_QUERY_ONLY' };
  }
  if (given === 'GATEWAY_TIMEOUT') return { code: 'SUBGRAPH_UNAVAILABLE' };
  if (given === 'DOWNSTREAM_SERVICE_ERROR' || (given === 'UNAUTHENTICATED' && ext.serviceName)) {
    return UNAVAILABLE.test(message) ? { code: 'SUBGRAPH_UNAVAILABLE' } : { code: 'INTERNAL_SERVER_ERROR' };
  }
  if (given === 'GRAPHQL_VALIDATION_FAILED' && /introspection/i.test(message)) return { code: 'GRAPHQL_VALIDATION_FAILED' };
  if (isClientErrorCode(given)) return { code: given };
  if (status === 401 || /Unauthenticated|authentication token/i.test(message)) return { code: 'UNAUTHENTICATED' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (status === 405) return { code: 'METHOD_NOT_ALLOWED' };
  if (/^Syntax Error/.test(message)) return { code: 'GRAPHQL_PARSE_FAILED' };
  if (/^Variable "\$|got invalid value|Expected value of type|cannot represent|Int cannot represent|Expected type/i.test(message)) {
    return { code: 'BAD_USER_INPUT' };
  }
  if (
    given === 'BAD_REQUEST' ||
    (/POST body|request body|Content-Type|JSON|must provide|Must provide|query.*missing|Unexpected parameter|Invalid|is not a valid|extensions|operationName/i.test(
      message,
    ) &&
      status === 400)
  ) {
    return { code: 'BAD_REQUEST' };
  }
  if (
    status === 400 ||
    /Cannot query field|Unknown (argument|type|directive|fragment)|must have a selection|must not have a selection|Field ".*" argument|required|Did you mean|not defined|is never used|Fragment|introspection|Only one|cannot be|must be unique/i.test(
      message,
    )
  ) {
    return { code: 'GRAPHQL_VALIDATION_FAILED' };
  }
  if (UNAVAILABLE.test(message)) return { code: 'SUBGRAPH_UNAVAILABLE' };
  return { code: 'INTERNAL_SERVER_ERROR' };
}

const PUBLIC_EXTENSIONS = new Set([
  'code',
  'http',
  'limit',
  'field',
  'subgraph',
  'platform',
  'platformCode',
  'platformMessage',
  'decision',
  'retryAfterSeconds',
  'remedy',
  'localizedMessage',
  'message',
  'iso8583',
  // A limit decline names the rule that fired and its window.
  'limitRuleId',
  'limitWindow',
]);

/** Messages that are only an identifier where they come from. */
const READABLE: Record<string, string> = {
  PersistedQueryOnly: 'this gateway runs only the operations of its manifest: send extensions.persistedQuery.sha256Hash instead of a query',
  PersistedQueryNotFound: 'no operation in the manifest has this hash',
  PersistedQueryKeyNotFound: 'the request has neither a query nor a persisted operation hash',
};

/** The HTTP status of a request that failed before execution (no data at all). */
const REQUEST_STATUS: Partial<Record<ClientErrorCode, number>> = {
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  OPERATION_LIMIT_EXCEEDED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_ONLY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export function normalizeError(error: WireError, production: boolean, requestFailed = false): WireError {
  const { code, limit } = classify(error);
  const ext = error.extensions ?? {};
  const subgraph = typeof ext.subgraph === 'string' ? ext.subgraph : typeof ext.serviceName === 'string' ? ext.serviceName : undefined;
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ext)) if (PUBLIC_EXTENSIONS.has(key)) extensions[key] = value;
  extensions.code = code;
  if (limit) extensions.limit = limit;
  if (subgraph) extensions.subgraph = subgraph;
  let message = READABLE[error.message] ?? error.message;
  if (code === 'OPERATION_LIMIT_EXCEEDED') message = plainLimitMessage(message) ?? message;
  if (code === 'BAD_USER_INPUT') {
    const plain = plainVariableMessage(message);
    if (plain) {
      message = plain.message;
      extensions.field = plain.field;
    }
  }
  if (code === 'INTERNAL_SERVER_ERROR') {
    if (production) message = 'Unexpected error.';
    delete extensions.platformMessage;
  }
  if (code === 'SUBGRAPH_UNAVAILABLE') {
    message = subgraph
      ? `the ${subgraph} service is unavailable; its part of the result is missing`
      : 'a service is unavailable; part of the result is missing';
  }
  // A request that failed as a whole answers with its 4xx; a partial result stays 200.
  if (requestFailed && REQUEST_STATUS[code]) extensions.http = { status: REQUEST_STATUS[code] };
  else if (code === 'UNAUTHENTICATED') extensions.http = { status: 401 };
  else delete extensions.http;
  const out: WireError = { message, extensions };
  if (error.locations) out.locations = error.locations;
  if (error.path) out.path = error.path;
  return out;
}

/** Whether an error arose while executing the operation: it has a path, or came from calling a subgraph. */
function duringExecution(error: unknown): boolean {
  const e = error as WireError;
  return Array.isArray(e?.path) || typeof e?.extensions?.subgraph === 'string' || typeof e?.extensions?.serviceName === 'string';
}

export interface UseEdgeErrorsOptions {
  production: boolean;
  /** Sees every result after its errors were given their codes (metrics, access log). */
  observe?: (result: { errors?: WireError[]; data?: unknown }, request: Request) => void;
}

/**
 * One result as the edge answers it: every error with its canonical code and message in the
 * request's language. The plugin applies it to every HTTP answer, each event of an SSE stream
 * included; the graphql-ws server to each message it sends (websocket/graphql-ws-server.ts),
 * which no HTTP hook sees.
 */
export function edgeResult(result: unknown, request: Request, production: boolean): unknown {
  if (!result || typeof result !== 'object') return result;
  let r = result as { errors?: WireError[]; data?: unknown };
  // An error with a path, or from calling a subgraph (a timeout of a root field has no path),
  // happened during execution, so the result has data, if only null (GraphQL spec); some
  // planners leave `data` out, which would read as a failed request and answer HTTP 500.
  if (Array.isArray(r.errors) && !('data' in r) && r.errors.some(duringExecution)) r = { ...r, data: null };
  const failed = r.data === undefined || r.data === null;
  // Messages in the language the request asked for (Accept-Language, en by default); codes unchanged.
  const language = languageOfRequest(request);
  return !Array.isArray(r.errors) || r.errors.length === 0
    ? r
    : { ...r, errors: r.errors.map((e) => localizeError(normalizeError(toWire(e), production, failed), language)) };
}

export function useEdgeErrors(options: UseEdgeErrorsOptions): GatewayPlugin {
  const fix = (result: unknown, request: Request): unknown => {
    const fixed = edgeResult(result, request, options.production);
    if (fixed && typeof fixed === 'object') options.observe?.(fixed as { errors?: WireError[]; data?: unknown }, request);
    return fixed;
  };
  return {
    onResultProcess({ result, setResult, request }) {
      if (Array.isArray(result)) setResult(result.map((r) => fix(r, request)) as never);
      // A subscription over SSE: each result of its stream (the errors of its first response, and
      // any failure later) with codes and language as a single answer's. Not given to `observe`,
      // as before: the metrics and the access log count answers, not a stream's events.
      else if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
        setResult(mapAsyncIterator(result as AsyncIterable<unknown>, (r) => edgeResult(r, request, options.production)) as never);
      } else if (result && typeof result === 'object') setResult(fix(result, request) as never);
    },
    // Messages (and decline texts) follow Accept-Language, so a cache must keep an answer per language.
    onResponse({ response }) {
      if ((response.headers.get('content-type') ?? '').includes('json')) response.headers.append('vary', 'Accept-Language');
    },
  };
}

/**
 * Names the subgraph in every error that came from calling it, timeouts included (Hive's
 * timeout error does not say which subgraph timed out), so a partial answer says what is missing.
 */
export function useSubgraphErrorNames(): GatewayPlugin {
  const tag = (error: unknown, subgraph: string) => {
    const e = error as { extensions?: Record<string, unknown> };
    if (e && typeof e === 'object') {
      try {
        // A subgraph may name another one: a field whose @requires part that one did not give.
        e.extensions = { subgraph, ...(e.extensions ?? {}) };
      } catch {
        return createGraphQLError(String((error as Error).message ?? error), { extensions: { subgraph } });
      }
    }
    return error;
  };
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      setExecutor(async (request) => {
        try {
          const result = (await executor(request)) as { errors?: unknown[] };
          if (result && Array.isArray(result.errors)) result.errors = result.errors.map((e) => tag(e, subgraphName));
          return result as never;
        } catch (error) {
          throw tag(error, subgraphName);
        }
      });
    },
  };
}

function toWire(error: unknown): WireError {
  if (error && typeof error === 'object' && 'toJSON' in error && typeof (error as { toJSON: unknown }).toJSON === 'function') {
    return (error as { toJSON(): WireError }).toJSON();
  }
  const e = error as WireError;
  return { message: String(e?.message ?? 'Unexpected error.'), extensions: e?.extensions, locations: e?.locations, path: e?.path };
}
