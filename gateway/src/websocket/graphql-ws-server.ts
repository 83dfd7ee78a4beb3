/**
 * Subscriptions over WebSocket with the graphql-ws protocol (graphql-transport-ws), beside SSE,
 * at the same /graphql path: graphql-ws's own server on the `ws` package, executing through the
 * gateway runtime as Hive Gateway's own CLI does (getGraphQLWSOptions), so every plugin (the
 * identity check, limits, persisted documents, error masking) runs as for an HTTP request.
 *
 * Each operation runs with a fetch Request made from the connection's upgrade request, so the
 * identity plugin finds an Authorization header there as on HTTP; a browser, whose WebSocket
 * cannot send headers, puts `{ "authorization": "Bearer <token>" }` in connection_init instead
 * (plugins/use-identity.ts). A subscription without a valid token gets the same UNAUTHENTICATED
 * error as a query would. Its errors are in the language of connection_init's `accept-language`,
 * or else of the upgrade request's Accept-Language, as an HTTP answer's.
 */
import type * as http from 'node:http';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { edgeResult } from '../plugins/use-edge-errors';

export interface GraphqlWsServer {
  close(): Promise<void>;
}

/**
 * The upgrade request as a fetch Request: what the gateway's plugins read on HTTP. A language the
 * client named in its connection_init payload (`{ "accept-language": "zh-CN" }`) stands for the
 * header's: it is the app's own choice, where the upgrade request's header is the browser's.
 * Every plugin then reads one language: error messages, and the subgraphs' decline texts.
 */
function requestOf(upgrade: http.IncomingMessage, connectionParams: Record<string, unknown> | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const language = connectionParams?.['accept-language'] ?? connectionParams?.['Accept-Language'];
  if (typeof language === 'string' && language.trim()) headers.set('accept-language', language.slice(0, 200));
  return new Request(`http://${upgrade.headers.host ?? 'localhost'}${upgrade.url ?? '/graphql'}`, { headers });
}

export interface GraphqlWsOptions {
  path?: string;
  /** Masks internal errors as the HTTP answers do (use-edge-errors.ts). */
  production: boolean;
  /**
   * The largest message a socket may send, as the request body limit on HTTP: a larger one
   * closes the socket (1009) before it is buffered whole. The ws package's default is 100 MiB.
   */
  maxMessageBytes: number;
}

/** A failure as the GraphQL error graphql-ws sends, keeping a GraphQL error's extensions. */
function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original });
}

/**
 * graphql-ws sends a stream that fails while it runs as an `error` message through onError, but
 * an operation that fails before it has a stream (its execution, or its context, rejecting) as
 * nothing: the rejection reaches the socket's message handler, which closes the connection (4500)
 * with the error's message as the reason, every other operation on it lost. Such a failure is
 * answered here as `answer(error)`, so it reaches the client as a GraphQL error like any other.
 */
function answeringFailure<A extends unknown[], R, F>(
  run: (...args: A) => R | Promise<R>,
  answer: (error: GraphQLError) => F,
): (...args: A) => Promise<R | F> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      return answer(asGraphQLError(error));
    }
  };
}

export function serveGraphqlWs(server: http.Server, gateway: GatewayRuntime, options: GraphqlWsOptions): GraphqlWsServer {
  const sockets = new WebSocketServer({ server, path: options.path ?? '/graphql', maxPayload: options.maxMessageBytes });
  type Extra = { request: http.IncomingMessage };
  type Connection = { extra: Extra; connectionParams?: Readonly<Record<string, unknown>> };
  // One fetch Request per connection, made at its first operation (after connection_init, so with
  // its payload): every operation on it reads the same headers.
  const requests = new WeakMap<http.IncomingMessage, Request>();
  const requestFor = (ctx: Connection) => {
    let request = requests.get(ctx.extra.request);
    if (!request) requests.set(ctx.extra.request, (request = requestOf(ctx.extra.request, ctx.connectionParams)));
    return request;
  };
  const execution = getGraphQLWSOptions<Record<string, unknown>, Extra>(gateway, async (ctx) => {
    // The supergraph is loaded by the first HTTP request; a socket may come first.
    await gateway.getSchema();
    return { request: requestFor(ctx), req: ctx.extra.request };
  });
  const { onSubscribe, execute, subscribe } = execution as ServerOptions<Record<string, unknown> | undefined, Extra>;
  const protocol = useServer<Record<string, unknown> | undefined, Extra>(
    {
      // A context that cannot be made (the supergraph not loaded) refuses this operation only.
      onSubscribe: answeringFailure(onSubscribe!, (error) => [error]),
      execute: answeringFailure(execute!, (error): ExecutionResult => ({ errors: [error] })),
      subscribe: answeringFailure(subscribe!, (error): ExecutionResult => ({ errors: [error] })),
      // A close reason is never an error's message, which may be internal, in any mode: the
      // client gets its errors as GraphQL errors (above), masked as an HTTP answer's.
      isProd: true,
      // Each message as an HTTP answer would be: canonical codes, the request's language, masked in production.
      onNext: (ctx, _id, _payload, _args, result) => edgeResult(result, requestFor(ctx), options.production) as FormattedExecutionResult,
      onError: (ctx, _id, _payload, errors) =>
        (edgeResult({ errors }, requestFor(ctx), options.production) as { errors: GraphQLFormattedError[] }).errors,
    },
    sockets,
  );
  return {
    async close() {
      await protocol.dispose();
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
