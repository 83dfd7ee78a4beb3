/**
 * The Cardweave gateway: Hive Gateway's runtime serving the checked-in supergraph, with
 * each subgraph's location from configuration and an IDE that works offline.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { Logger } from '@graphql-hive/logger';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import {
  configValue,
  currentKeyring,
  type Environment,
  type Keyring,
  mintToken,
  tokenSettingsFromEnv,
  tracingEnabled,
  type TokenSettings,
  writeLog,
  type LogLevel,
} from '@cardweave/service-kit';
import { performanceOptions } from './performance';
import { gatewayPlugins } from './plugins';
import { serveGraphqlWs } from './websocket/graphql-ws-server';
import { createMetricsRegistry, metricsTokenFromEnv, operationNamesOf } from './plugins/use-metrics';
import { originPolicy, originPolicyFromEnv, type OriginPolicy } from './plugins/origin-policy';
import { hasCostDirectives, limitsFromEnv, SUBGRAPH_COST_LIST_SIZE, type RequestLimits } from './plugins/use-request-limits';
import { SUBGRAPHS, SUPERGRAPH_FILE, type SubgraphName } from './subgraph-catalog';

export interface GatewayOptions {
  /** Where each subgraph listens; defaults to the URLs in the supergraph. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port?: number;
  host?: string;
  /** Production mode: no IDE, no introspection, no field suggestions, masked internal errors. */
  production?: boolean;
  /** Headers the IDE starts with (the local run puts a demo token here). */
  ideHeaders?: string;
  /** Keys: the gateway's signing key, the subgraphs' and the token issuer's public keys. */
  keyring?: Keyring;
  /** Hive's logger level, or false for none. */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error';
  /** Token issuer and audience; from JWT_ISSUER and JWT_AUDIENCE unless given. */
  tokens?: TokenSettings;
  /** Depth, alias, token, cost and body size limits; from GATEWAY_MAX_* unless given. */
  limits?: RequestLimits;
  /** Accept only the operations in gateway/persisted-documents.json (GATEWAY_PERSISTED_ONLY=1). */
  persistedOnly?: boolean;
  /** Per-subgraph timeout in milliseconds (GATEWAY_SUBGRAPH_TIMEOUT_MS, default 5000). */
  subgraphTimeoutMs?: number;
  /** Retries of a failed read (never of a mutation) (GATEWAY_READ_RETRIES, default 1). */
  readRetries?: number;
  /** Origins whose pages may call the gateway from a browser, besides its own (GATEWAY_CORS_ORIGINS). */
  corsOrigins?: string[];
  /** The bearer token GET /metrics requires (GATEWAY_METRICS_TOKEN); see plugins/use-metrics.ts without one. */
  metricsToken?: string;
}

/** What the plugins need beyond the options: everything resolved, plus the runtime's own handles. */
export interface ResolvedGatewayOptions extends GatewayOptions {
  keyring: Keyring;
  tokens: TokenSettings;
  limits: RequestLimits;
  production: boolean;
  subgraphUrls: Record<SubgraphName, string>;
  metrics: ReturnType<typeof createMetricsRegistry>;
  loadSupergraph: () => Promise<unknown>;
  tracing: boolean;
  /** Whether the supergraph marks anything @deprecated. */
  schemaHasDeprecations: boolean;
  /** Subgraph requests' cost bounded by useSubgraphCostLimit (no cost directives), not Hive's demand control. */
  subgraphCostLimit: boolean;
  /** Which browser origins get CORS answers and may use the demo sign-in. */
  origins: OriginPolicy;
  /** The operation names metrics may carry as a label: the persisted documents'. */
  knownOperations: ReadonlySet<string>;
}

export const PERSISTED_DOCUMENTS_FILE = path.resolve(__dirname, '../persisted-documents.json');

/** The checked-in manifest of trusted operations: `{ "<sha256>": "<document>" }` (npm run persisted-documents). */
export function loadPersistedDocuments(file = PERSISTED_DOCUMENTS_FILE): Map<string, string> {
  return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>));
}

const LEVELS = { trace: 'trace', debug: 'debug', info: 'info', warn: 'warn', error: 'error' } as const;
/** Hive's own log lines, as scrubbed JSON like every other service's. */
function hiveLogger(level: GatewayOptions['logging']): Logger | false {
  if (level === false) return false;
  return new Logger({
    level: level === true || level === undefined ? 'warn' : level,
    writers: [
      {
        write: (lvl, attrs, msg) =>
          writeLog(LEVELS[lvl] as LogLevel, 'gateway', msg ?? '', attrs && typeof attrs === 'object' ? { attrs } : {}),
      },
    ],
  });
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function subgraphUrlsFromEnv(env: Environment = process.env): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, configValue(s.urlEnv, env)])) as Record<SubgraphName, string>;
}

export function createCardweaveGateway(options: GatewayOptions = {}) {
  const urls = { ...subgraphUrlsFromEnv({}), ...options.subgraphUrls };
  const production = options.production ?? false;
  const persistedOnly = options.persistedOnly ?? configValue('GATEWAY_PERSISTED_ONLY');
  const timeoutMs = options.subgraphTimeoutMs ?? configValue('GATEWAY_SUBGRAPH_TIMEOUT_MS');
  const readRetries = options.readRetries ?? configValue('GATEWAY_READ_RETRIES');
  const limits = options.limits ?? limitsFromEnv();
  let runtime: GatewayRuntime | undefined;
  const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const persisted = loadPersistedDocuments();
  const resolved: ResolvedGatewayOptions = {
    ...options,
    keyring: options.keyring ?? currentKeyring(),
    tokens: options.tokens ?? tokenSettingsFromEnv(),
    limits,
    production,
    subgraphUrls: urls,
    metrics: createMetricsRegistry(),
    loadSupergraph: async () => runtime!.getSchema(),
    tracing: tracingEnabled(),
    schemaHasDeprecations: /@deprecated\b/.test(supergraph),
    subgraphCostLimit: !hasCostDirectives(supergraph),
    origins: options.corsOrigins ? originPolicy(options.corsOrigins) : originPolicyFromEnv(),
    metricsToken: options.metricsToken ?? metricsTokenFromEnv(),
    knownOperations: operationNamesOf(persisted.values()),
  };
  const trusted = persistedOnly ? persisted : undefined;
  runtime = createGatewayRuntime({
    ...performanceOptions,
    ...(trusted
      ? { persistedDocuments: { getPersistedOperation: (hash: string) => trusted.get(hash) ?? null, allowArbitraryDocuments: false } }
      : {}),
    supergraph,
    transportEntries: Object.fromEntries(
      SUBGRAPHS.map((s) => [
        s.name,
        {
          location: urls[s.name],
          // By default Hive shares one in-flight subgraph response among client requests whose
          // subgraph request has the same URL and body, keyed before the identity and signature
          // headers are added, and deep-copies every result it might share. The body does not say
          // whom a request acts for (the signed header does), so a shared answer could reach a
          // caller whose identity sees less; and two identical requests in flight at once are rare,
          // while the copy is paid on every one.
          options: { deduplicateInflightRequests: false },
        },
      ]),
    ),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    // Hive's own check (supergraph loaded); /readyz (useReadiness) adds the subgraphs.
    readinessCheckEndpoint: '/readyz/supergraph',
    landingPage: false,
    // Yoga's default answers every Origin with itself and credentials; only allowed origins get CORS headers.
    cors: (request) => resolved.origins.cors(request),
    graphiql: production ? false : ideOptions(options.ideHeaders ?? demoIdeHeaders(resolved)),
    // The stock IDE loads its scripts from a CDN; this one is bundled in an installed package.
    renderGraphiQL,
    disableIntrospection: production ? { disableIf: () => true } : undefined,
    // Masking is done by useEdgeErrors, which sees the original errors first: Yoga's own
    // masking would hide persisted-document and limit errors behind INTERNAL_SERVER_ERROR.
    maskedErrors: false,
    // A subscription's stream lasts as long as its client listens: only the requests that answer once are timed.
    upstreamTimeout: ({ executionRequest }) => (isSubscription(executionRequest) ? undefined : timeoutMs),
    // Only reads are retried: a mutation's effect may have happened before the failure.
    upstreamRetry: ({ executionRequest }) => readRetryPolicy(readRetries, executionRequest),
    // The same estimate, once per subgraph document, in useSubgraphCostLimit unless the
    // supergraph has cost directives (then only Hive's demand control reads them).
    demandControl: resolved.subgraphCostLimit
      ? undefined
      : { maxCost: limits.maxCost, listSize: SUBGRAPH_COST_LIST_SIZE, includeExtensionMetadata: false },
    logging: hiveLogger(options.logging ?? 'warn'),
    plugins: (context) => gatewayPlugins(resolved, context),
  });
  return runtime;
}

/**
 * The IDE opens on the card view with its one variable filled (demo customer 1, whose token the
 * headers carry in a local run), so that it answers on the first run.
 */
function ideOptions(headers: string | undefined) {
  return {
    title: 'Cardweave',
    defaultQuery: EXAMPLE_QUERY,
    headers,
    defaultTabs: [{ query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES, headers }],
  };
}

/** In a local run, the IDE starts with a token of demo customer 1 (the key pair is local). */
function demoIdeHeaders(options: ResolvedGatewayOptions): string | undefined {
  if (!options.keyring.jwtPrivateKey) return undefined;
  const token = mintToken({
    ...options.tokens,
    privateKey: options.keyring.jwtPrivateKey,
    customerId: DEMO_CUSTOMER_1,
    ttlSeconds: 12 * 3600,
  });
  return JSON.stringify({ authorization: `Bearer ${token}` }, null, 2);
}

const DEMO_CUSTOMER_1 = '00000000-0000-4000-8000-000000000001';

/** Retries for reads only: a mutation's effect may have happened before its answer was lost. */
export function readRetryPolicy(readRetries: number, executionRequest: Parameters<typeof operationTypeOf>[0]) {
  return readRetries > 0 && operationTypeOf(executionRequest) !== 'mutation'
    ? { maxRetries: readRetries, retryDelay: 100, retryDelayFactor: 2 }
    : undefined;
}

function isSubscription(request: (Parameters<typeof operationTypeOf>[0] & { operationType?: string }) | undefined): boolean {
  return (request?.operationType ?? operationTypeOf(request)) === 'subscription';
}

function operationTypeOf(request: { document?: { definitions?: ReadonlyArray<{ kind: string; operation?: string }> } } | undefined) {
  return request?.document?.definitions?.find((d) => d.kind === 'OperationDefinition')?.operation;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const gateway = createCardweaveGateway(options);
  const server = http.createServer(gateway);
  // Subscriptions over graphql-ws too, on the same port and path as SSE and queries.
  const websockets = serveGraphqlWs(server, gateway, {
    production: options.production ?? false,
    maxMessageBytes: (options.limits ?? limitsFromEnv()).maxBodyBytes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    async stop() {
      await websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}

/** The unified card view: one card as the issuer, the wallets and the network see it. */
export const EXAMPLE_QUERY = fs.readFileSync(require.resolve('../../client/operations/card-view.graphql'), 'utf8');
/** The example query's variables: demo customer 1. */
export const EXAMPLE_VARIABLES = JSON.stringify({ customerId: DEMO_CUSTOMER_1 }, null, 2);
