/**
 * Operation limits: depth, aliases and tokens by GraphQL Armor's Envelop plugins (the same
 * ones Hive Gateway's CLI configures), cost by Hive's own demand control (see gateway.ts),
 * field suggestions off in production, and a request body size limit checked before the
 * body is read (Hive has none of its own).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';

export interface RequestLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2_000,
  maxCost: 20_000,
  maxBodyBytes: 64 * 1024,
};

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  return {
    maxDepth: read('GATEWAY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxAliases: read('GATEWAY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxTokens: read('GATEWAY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
    maxCost: read('GATEWAY_MAX_COST', DEFAULT_LIMITS.maxCost),
    maxBodyBytes: read('GATEWAY_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes),
  };
}

export function useRequestLimits(options: { limits: RequestLimits; production: boolean }): GatewayPlugin[] {
  const { limits } = options;
  const armor = [
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, flattenFragments: true }),
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], exposeLimits: true }),
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    // The cost of the client's whole operation; Hive's demand control (gateway.ts) bounds each subgraph request.
    costLimitPlugin({ maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, flattenFragments: true, ignoreIntrospection: true, exposeLimits: true }),
    ...(options.production ? [blockFieldSuggestionsPlugin()] : []),
  ];
  const bodyLimit: GatewayPlugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const reject = (status: number, code: string, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
      const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql-response+json') {
        return reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'send GraphQL requests as application/json');
      }
      if (length === null) return reject(411, 'LENGTH_REQUIRED', 'a request body needs a Content-Length header');
      const bytes = Number(length);
      if (!Number.isSafeInteger(bytes) || bytes < 0) return reject(400, 'BAD_REQUEST', 'invalid Content-Length');
      if (bytes > limits.maxBodyBytes) {
        return reject(413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${limits.maxBodyBytes} bytes`);
      }
    },
  };
  return [bodyLimit, ...(armor as unknown as GatewayPlugin[])];
}
