/**
 * One structured JSON line per GraphQL request: request id (Hive's x-request-id, the same id
 * every subgraph logs), operation, duration, HTTP status and the codes of the errors returned,
 * and, for a failed request, its variables — all through the SDK's scrubber
 * (service-kit/src/logging/json-log.ts), so no card, ID or mobile number, CVV2 or SMS
 * code reaches the log.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { logLevelEnabled, writeLog } from '@cardweave/service-kit';
import { isCardSecretRequest } from './use-card-secrets';

interface RequestRecord {
  start: number;
  params?: { operationName?: string; variables?: unknown };
  errorCodes?: string[];
  errorMessages?: string[];
}
const records = new WeakMap<Request, RequestRecord>();

/** Records a result's (canonical) error codes for the request's log line; called by useEdgeErrors. */
export function recordErrors(
  result: { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> },
  request: Request,
): void {
  const errors = result.errors ?? [];
  const record = records.get(request);
  if (!errors.length || !record) return;
  record.errorCodes = [...(record.errorCodes ?? []), ...errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'))];
  record.errorMessages = [...(record.errorMessages ?? []), ...errors.slice(0, 5).map((e) => errorMessageForLog(String(e.message ?? '')))];
}

// A quoted string where GraphQL's messages print a value: after a key or in a list
// (`{ name: "name", value: "张三" }`), or after "value" or "found" (`got invalid value "x"`,
// `found "x"`). Names the message refers to (`Variable "$input"`, `type "ID!"`) stay.
const QUOTED_VALUE = /((?::|\[|,|\bvalue|\bfound)\s*)"(?:[^"\\]|\\.)*"/g;

/**
 * An error's message as the request log keeps it: GraphQL's input errors print the value
 * they refuse, a whole input object included, so a cardholder's name or a CVV2 sent in a
 * refused request would reach the log whole (the scrubber masks names by key, and a message
 * has none). Every quoted value is cut; the message still says what was wrong and where, and
 * the request's variables are logged beside it, scrubbed by key.
 */
export function errorMessageForLog(message: string): string {
  return message.replace(QUOTED_VALUE, '$1"…"');
}

export function useAccessLog(): GatewayPlugin {
  return {
    onRequest({ request, url }) {
      if (url.pathname === '/graphql') records.set(request, { start: performance.now() });
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      const { start } = record;
      const params = record.params ?? {};
      const codes = record.errorCodes ?? [];
      const level = codes.length > 0 || response.status >= 400 ? 'warn' : 'info';
      if (!logLevelEnabled(level)) return;
      writeLog(level, 'gateway', 'request', {
        requestId: request.headers.get('x-request-id') ?? response.headers.get('x-request-id') ?? undefined,
        operationName: params.operationName ?? undefined,
        status: response.status,
        durationMs: Math.round((performance.now() - start) * 10) / 10,
        errorCodes: codes.length ? codes : undefined,
        errors: record.errorMessages,
        // A card-secret request's variables (a payment password, a reveal token) are never logged.
        variables: (codes.length || response.status >= 400) && !isCardSecretRequest(request) ? params.variables : undefined,
      });
    },
    onParams({ params, request }) {
      const record = records.get(request);
      if (record) record.params = params;
    },
  };
}
