/**
 * Operation limits: depth, aliases and tokens by GraphQL Armor's Envelop plugins (the same
 * ones Hive Gateway's CLI configures), the cost of the client's operation by Armor and of the
 * subgraph requests by Hive's demand control estimate (useSubgraphCostLimit below, see
 * gateway.ts), field suggestions off in production, and a request body size limit checked
 * before the body is read (Hive has none of its own).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  getNamedType,
  isCompositeType,
  isIntrospectionType,
  isListType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { CONFIG_VARIABLES, configValue, type Environment, errorEntry, graphqlError, type ErrorCode } from '@cardweave/service-kit';
import { languageOfRequest, localizedMessage } from '../errors/localize-error';

export interface RequestLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
}

/** The defaults of the variables below (the service kit's table). */
export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: CONFIG_VARIABLES.GATEWAY_MAX_DEPTH.default,
  maxAliases: CONFIG_VARIABLES.GATEWAY_MAX_ALIASES.default,
  maxTokens: CONFIG_VARIABLES.GATEWAY_MAX_TOKENS.default,
  maxCost: CONFIG_VARIABLES.GATEWAY_MAX_COST.default,
  maxBodyBytes: CONFIG_VARIABLES.GATEWAY_MAX_BODY_BYTES.default,
};

export function limitsFromEnv(env: Environment = process.env): RequestLimits {
  return {
    maxDepth: configValue('GATEWAY_MAX_DEPTH', env),
    maxAliases: configValue('GATEWAY_MAX_ALIASES', env),
    maxTokens: configValue('GATEWAY_MAX_TOKENS', env),
    maxCost: configValue('GATEWAY_MAX_COST', env),
    maxBodyBytes: configValue('GATEWAY_MAX_BODY_BYTES', env),
  };
}

export function useRequestLimits(options: {
  limits: RequestLimits;
  production: boolean;
  /** Bound the subgraph requests' cost here (useSubgraphCostLimit) rather than by Hive's demand control. */
  subgraphCost?: boolean;
}): GatewayPlugin[] {
  const { limits } = options;
  const armor = [
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, flattenFragments: true }),
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], exposeLimits: true }),
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    // The cost of the client's whole operation; Hive's demand control (gateway.ts) bounds each subgraph request.
    costLimitPlugin({
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      flattenFragments: true,
      ignoreIntrospection: true,
      exposeLimits: true,
    }),
    ...(options.production ? [blockFieldSuggestionsPlugin()] : []),
  ];
  const bodyLimit: GatewayPlugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const reject = (status: number, code: ErrorCode, message: string) =>
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [errorEntry(code, localizedMessage(message, code, languageOfRequest(request)))] }),
            {
              status,
              headers: { 'content-type': 'application/json' },
            },
          ),
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
  const subgraphCost = options.subgraphCost ? [useSubgraphCostLimit({ maxCost: limits.maxCost })] : [];
  return [bodyLimit, ...(armor as unknown as GatewayPlugin[]), ...subgraphCost];
}

/** Hive's demand control settings the gateway uses: each list field counts `listSize` times. */
export const SUBGRAPH_COST_LIST_SIZE = 20;

/**
 * Whether the supergraph has cost directives (`@cost`, `@listSize`). Without them Hive's
 * demand-control estimate of a subgraph request depends on its document alone, and
 * useSubgraphCostLimit can compute it once per document; with them, Hive's own demand control
 * must run (it reads slicing arguments from each request's variables).
 */
export function hasCostDirectives(supergraphSdl: string): boolean {
  return /@(cost|listSize)\b/.test(supergraphSdl);
}

/**
 * Hive's demand-control estimate of one subgraph request's cost, for a schema without cost
 * directives: every field returning an object, interface or union costs 1, times `listSize`
 * times the list depth of every enclosing (nullable) list field, its own included; the same
 * walk, TypeInfo and rules as Hive's `calculateCost`.
 */
export function estimateSubgraphCost(schema: GraphQLSchema, document: DocumentNode, listSize = SUBGRAPH_COST_LIST_SIZE): number {
  let cost = 0;
  const factors: number[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter() {
          if (!typeInfo.getFieldDef()) return;
          const returnType = typeInfo.getType();
          let factor = 1;
          if (listSize && returnType) {
            let depth = 0;
            for (let t = returnType; isListType(t); t = t.ofType) depth += 1;
            if (depth > 0) factor = listSize * depth;
          }
          factors.push(factor);
          if (!returnType) return;
          const named = getNamedType(returnType);
          if (isIntrospectionType(named) || !isCompositeType(named)) return;
          cost += factors.reduce((product, f) => product * f, 1);
        },
        // As Hive's: one factor off per field left, pushed or not.
        leave() {
          factors.pop();
        },
      },
    }),
  );
  return cost;
}

/**
 * The cost limit on subgraph requests, as Hive's demand control enforces it (the estimates of
 * one client request's subgraph requests add up; over `maxCost` the next one fails, here with
 * the code the edge gives Hive's COST_ESTIMATED_TOO_EXPENSIVE), with each subgraph document's estimate computed once: the
 * planner reuses a document for every request of the same operation, while Hive's own
 * memoization also keys on the variables, which are new for every request. Only for a
 * supergraph without cost directives (hasCostDirectives).
 */
export function useSubgraphCostLimit(options: { maxCost: number; listSize?: number }): GatewayPlugin {
  const estimates = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, number>>();
  const totals = new WeakMap<object, number>();
  const estimate = (schema: GraphQLSchema, document: DocumentNode) => {
    let bySchema = estimates.get(schema);
    if (!bySchema) estimates.set(schema, (bySchema = new WeakMap()));
    let cost = bySchema.get(document);
    if (cost === undefined) bySchema.set(document, (cost = estimateSubgraphCost(schema, document, options.listSize)));
    return cost;
  };
  return {
    onSubgraphExecute({ subgraph, executionRequest }) {
      if (!subgraph) return;
      const context = executionRequest.context as object | undefined;
      const total = (context ? (totals.get(context) ?? 0) : 0) + estimate(subgraph, executionRequest.document);
      if (context) totals.set(context, total);
      if (total > options.maxCost) {
        throw graphqlError('OPERATION_LIMIT_EXCEEDED', `Operation estimated cost ${total} exceeded configured maximum ${options.maxCost}`, {
          limit: 'cost',
          cost: { estimated: total, max: options.maxCost },
        });
      }
    },
  };
}
