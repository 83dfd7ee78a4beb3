/**
 * Runs one subgraph: Apollo Server over Node's own HTTP server, with the health and
 * readiness endpoints beside /graphql. A few lines of integration instead of Express:
 * a subgraph needs nothing else from a web framework.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Identity, NonceStore, Keyring } from '@cardweave/service-kit';
import {
  errorEntry,
  graphqlError,
  MemoryNonceStore,
  ServiceAuthError,
  verifyServiceRequest,
  verifyServiceSignature,
  writeLog,
  withServerSpan,
} from '@cardweave/service-kit';
import { canonicalErrorResolvers } from '../graphql/canonical-error';
import { platformDeviceResolvers } from '../eligibility/device-eligibility';
import { enforcePermissions } from './permission-guard';
import { serveSubscription, wantsEventStream } from './sse-subscriptions';
import { nonceClaimPlugin, withSignedRequest } from './nonce-claim-plugin';
import type { ServedRequestContext, SubgraphResolverMap } from './subgraph-resolvers';

export const COMMON_SCHEMA_FILE = path.resolve(__dirname, '../../schema/common.graphql');
const MAX_BODY_BYTES = 1024 * 1024;

/** A subgraph's SDL: its own schema.graphql plus the shared scalars and value types. */
export function subgraphSdl(schemaFile: string): string {
  return `${fs.readFileSync(schemaFile, 'utf8')}\n${fs.readFileSync(COMMON_SCHEMA_FILE, 'utf8')}`;
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schemaFile: string;
  /** The subgraph's generated `Resolvers`: they receive the context below plus what the server adds. */
  resolvers: SubgraphResolverMap<TContext & ServedRequestContext>;
  /**
   * Builds the per-request context (fresh DataLoaders each time). The server adds
   * `identity` (who the verified caller acts for), `requestId` and `acceptLanguage` to it.
   */
  context: (request: http.IncomingMessage, caller: RequestCaller) => Promise<TContext> | TContext;
  /** Whether the subgraph can serve: its database answers. */
  ready: () => Promise<boolean>;
  port?: number;
  host?: string;
  /**
   * Routes for sibling subgraphs, served as POST /internal/<name> with a JSON body. Only
   * requests a sibling signed with `signServiceRequest` (../auth/service-auth.ts) reach the
   * handler; unsigned, forged, stale or replayed ones get 401. The handler's `caller.identity`
   * is whom the sibling acts for (check it with assertCanActForCustomer as in a resolver).
   *
   *   internalRoutes: {
   *     'authorize-payment': async (body, caller) => ({ status: 200, body: await authorize(body, caller.identity) }),
   *   }
   */
  internalRoutes?: Record<string, InternalRoute>;
  /**
   * Where nonces of requests that may change data are claimed (a DatabaseNonceStore on the
   * subgraph's database, so a replay is refused by every replica); memory when omitted.
   */
  nonces?: NonceStore;
  /** Keys to verify callers with; the process's keyring when omitted. */
  keyring?: Keyring;
}

export type InternalRoute = (
  body: unknown,
  caller: { service: string; identity: Identity | null },
) => Promise<{ status: number; body: unknown }>;

/** What the server knows of a request before resolvers run. */
export interface RequestCaller {
  service: string;
  identity: Identity | null;
  requestId: string;
  acceptLanguage: string;
}

/** The services that may call a subgraph's /graphql, and its /internal routes. */
const GRAPHQL_CALLERS = ['gateway'] as const;
const INTERNAL_CALLERS = ['issuer', 'wallet', 'clearing'] as const;

/** PostgreSQL's connection-exception (08) and operator-intervention (57P) classes, and socket failures. */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  return (
    /^(08|57P)/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) ||
    /Connection terminated|terminating connection|connection (is )?(closed|ended)|Client has encountered a connection error/i.test(
      String(e?.message ?? ''),
    )
  );
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * How much of an oversized body is read and dropped so that its sender, still sending, gets the
 * 413 and the connection stays usable; a body declared larger is refused before it is read, and
 * one that runs past this undeclared has its connection cut.
 */
const MAX_DROPPED_BYTES = 8 * MAX_BODY_BYTES;

const bodyTooLarge = (closeConnection: boolean) => Object.assign(new Error('request body too large'), { status: 413, closeConnection });

/** The request body as text; over MAX_BODY_BYTES, a 413 error once the body has been read (and dropped). */
function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > MAX_DROPPED_BYTES) return reject(bodyTooLarge(true));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DROPPED_BYTES) {
        reject(bodyTooLarge(true));
        request.destroy();
      } else if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => (size > MAX_BODY_BYTES ? reject(bodyTooLarge(false)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** How long stop() waits for the requests under way: past the payment hops' timeouts (4 s and 3 s). */
const STOP_GRACE_MS = 5_000;

export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const resolvers: SubgraphResolverMap<TContext & ServedRequestContext> = {
    ...canonicalErrorResolvers,
    ...platformDeviceResolvers,
    ...options.resolvers,
  };
  // Every mutation, and each field the permission table lists, checks the caller's role first.
  const schema = enforcePermissions(buildSubgraphSchema([{ typeDefs: parse(subgraphSdl(options.schemaFile)), resolvers }]), options.name);
  const readNonces = new MemoryNonceStore();
  const writeNonces = options.nonces ?? readNonces;
  // A /graphql request's nonce is claimed once its operation is known (nonce-claim-plugin.ts).
  const nonceClaims = nonceClaimPlugin(options.name, { writes: writeNonces, reads: readNonces, isDatabaseUnavailable });
  const apollo = new ApolloServer<TContext>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // A lost database connection is an outage of this subgraph, not a bug: say so with a code.
    formatError: (formatted, error) =>
      isDatabaseUnavailable(unwrapResolverError(error))
        ? { ...formatted, ...errorEntry('SUBGRAPH_UNAVAILABLE', `the ${options.name} database is unavailable`, { subgraph: options.name }) }
        : formatted,
    // Federated traces are for Apollo's hosted platform; the gateway here does not read them.
    // No schema carries @cacheControl hints, so Apollo's cache-control plugin would only wrap
    // every resolver to work out `no-store`, which handle() sets itself.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), nonceClaims],
  });
  await apollo.start();
  const internalRoutes = options.internalRoutes ?? {};

  // Requests being answered: stop() waits for them, since one whose connection was cut still runs
  // its resolvers (and their statements) to the end, and the database closes after stop().
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined);
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz' || url.pathname === '/readyz') return void track(handle(request, response, url));
    const requestId = String(request.headers['x-request-id'] ?? '').slice(0, 100) || undefined;
    const started = performance.now();
    response.once('finish', () =>
      writeLog(response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info', options.name, 'request', {
        requestId,
        path: url.pathname,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        caller: request.headers['x-cardweave-caller'],
      }),
    );
    track(
      withServerSpan(
        `${options.name} ${request.method} ${url.pathname}`,
        request.headers,
        { 'cardweave.subgraph': options.name, 'http.route': url.pathname },
        () => handle(request, response, url, started),
      ),
    );
  });

  async function handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    started = performance.now(),
  ): Promise<void> {
    try {
      if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        const ok = await options.ready().catch(() => false);
        return sendJson(response, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      const internal = url.pathname.startsWith('/internal/') ? internalRoutes[url.pathname.slice('/internal/'.length)] : undefined;
      if (url.pathname !== '/graphql' && !internal) return sendJson(response, 404, { error: 'not found' });
      if (internal && request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });

      const raw = request.method === 'POST' ? await readBody(request) : '';
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          if (internal) return sendJson(response, 400, { error: 'body is not valid JSON' });
          return sendJson(response, 400, { errors: [errorEntry('BAD_REQUEST', 'body is not valid JSON')] });
        }
      }
      let verified: Awaited<ReturnType<typeof verifyServiceRequest>>;
      let signed: ReturnType<typeof verifyServiceSignature> | undefined;
      try {
        const signature = {
          method: request.method ?? 'GET',
          path: url.pathname + url.search,
          headers: request.headers,
          body: raw,
          allowedCallers: internal ? INTERNAL_CALLERS.filter((c) => c !== options.name) : GRAPHQL_CALLERS,
          keyring: options.keyring,
        };
        // An internal call may change data: its nonce goes to the database now. A GraphQL
        // request's waits for its operation, whatever form its document came in.
        if (internal) verified = await verifyServiceRequest({ ...signature, nonces: writeNonces });
        else verified = signed = verifyServiceSignature(signature);
      } catch (error) {
        if (!(error instanceof ServiceAuthError)) throw error;
        return sendJson(response, 401, {
          errors: [errorEntry('UNAUTHENTICATED', `unauthenticated: ${error.message}`)],
        });
      }
      const caller: RequestCaller = {
        ...verified,
        requestId: String(request.headers['x-request-id'] ?? '').slice(0, 100),
        acceptLanguage: String(request.headers['accept-language'] ?? '').slice(0, 200),
      };
      if (internal) {
        const result = await internal(body, { service: caller.service, identity: caller.identity });
        return sendJson(response, result.status, result.body);
      }
      if (wantsEventStream(request)) {
        return await serveSubscription(
          request,
          response,
          url,
          schema,
          async () => {
            // A subscription changes nothing: its nonce is claimed as a read's.
            try {
              await signed!.claimNonce(readNonces);
            } catch (error) {
              if (error instanceof ServiceAuthError) throw graphqlError('UNAUTHENTICATED', `unauthenticated: ${error.message}`);
              throw error;
            }
          },
          async () =>
            Object.assign(await options.context(request, caller), {
              identity: caller.identity,
              requestId: caller.requestId,
              acceptLanguage: caller.acceptLanguage,
            }),
        );
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const context = Object.assign(await options.context(request, caller), {
            identity: caller.identity,
            requestId: caller.requestId,
            acceptLanguage: caller.acceptLanguage,
          });
          return signed ? withSignedRequest(context, signed) : context;
        },
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      // A customer's data: no cache on the way may keep it.
      if (!response.hasHeader('cache-control')) response.setHeader('cache-control', 'no-store');
      response.statusCode = result.status ?? 200;
      // This subgraph's own time for the request (W3C Server-Timing), beside the gateway's view of it.
      response.setHeader('server-timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      // A body left unread is not read after the answer: the connection closes instead.
      if ((error as { closeConnection?: boolean }).closeConnection && !response.headersSent) response.setHeader('connection', 'close');
      if (!response.headersSent) {
        sendJson(response, status, {
          errors: [
            status === 413
              ? errorEntry('PAYLOAD_TOO_LARGE', 'request body too large')
              : errorEntry('INTERNAL_SERVER_ERROR', 'internal error'),
          ],
        });
      } else response.end();
      writeLog('error', options.name, 'request failed', { requestId: request.headers['x-request-id'], error: (error as Error).message });
    }
  }
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    name: options.name,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      // What was under way finishes (within its callers' timeouts) before the database closes;
      // a request that never ends (a platform that hangs past every timeout) holds stop() no longer.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight), new Promise<void>((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS)))]);
      clearTimeout(grace);
      await apollo.stop();
    },
  };
}
