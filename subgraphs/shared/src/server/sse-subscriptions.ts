/**
 * Subscriptions over Server-Sent Events, which Apollo Server does not serve: the gateway asks
 * for a subscription with `GET /graphql?query=…` and `Accept: text/event-stream` (the "distinct
 * connections mode" of GraphQL over SSE), signed like every other request; each result is an
 * `event: next`, the end an `event: complete`. The gateway then turns them into whatever its own
 * client speaks. Only subscriptions come this way; queries and mutations stay with Apollo.
 */
import type * as http from 'node:http';
import { getOperationAST, GraphQLError, parse, subscribe, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { errorEntry, graphqlError } from '@cardweave/service-kit';

/** Whether the request asks for a subscription stream (the gateway's only way of asking for one). */
export function wantsEventStream(request: http.IncomingMessage): boolean {
  return request.method === 'GET' && String(request.headers.accept ?? '').includes('text/event-stream');
}

const HEARTBEAT_MS = 15_000;

function parseJsonParam(url: URL, name: string): Record<string, unknown> | undefined {
  const raw = url.searchParams.get(name);
  if (!raw) return undefined;
  const value = JSON.parse(raw) as unknown;
  if (value !== null && typeof value !== 'object') throw new Error(`${name} is not an object`);
  return (value ?? undefined) as Record<string, unknown> | undefined;
}

function send(response: http.ServerResponse, event: 'next' | 'complete', data?: unknown): void {
  response.write(`event: ${event}\ndata: ${data === undefined ? '' : JSON.stringify(data)}\n\n`);
}

const serialize = (result: ExecutionResult) => ({
  ...(result.data !== undefined ? { data: result.data } : {}),
  ...(result.errors?.length ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
});

/** One stream of results: errors before the first result are one `next` with them, then `complete`. */
export async function serveSubscription(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  schema: GraphQLSchema,
  /**
   * Completes the signature check (the nonce claim: a replayed request is refused); throws a
   * GraphQLError to refuse. Runs before the document is even parsed, as on Apollo's path a
   * request whose signature fails learns nothing about its document: only a subscription is
   * served here, and a subscription changes nothing, so its nonce is a read's whatever it holds.
   */
  authorize: () => Promise<void>,
  /** Builds the resolvers' context; throws a GraphQLError to refuse. */
  contextFor: () => Promise<object>,
): Promise<void> {
  const refuse = (status: number, error: ReturnType<typeof errorEntry>) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ errors: [error] }));
  };
  try {
    await authorize();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return refuse(401, errorEntry('UNAUTHENTICATED', error.message));
  }
  let document;
  let variables: Record<string, unknown> | undefined;
  try {
    document = parse(url.searchParams.get('query') ?? '');
    variables = parseJsonParam(url, 'variables');
  } catch (error) {
    return refuse(400, errorEntry('BAD_REQUEST', `malformed subscription request: ${(error as Error).message}`));
  }
  const operationName = url.searchParams.get('operationName') || undefined;
  const validation = validate(schema, document);
  if (validation.length) return refuse(400, { ...errorEntry('GRAPHQL_VALIDATION_FAILED', validation[0].message) });
  if (getOperationAST(document, operationName)?.operation !== 'subscription') {
    return refuse(405, errorEntry('BAD_REQUEST', 'only subscriptions are served over GET with text/event-stream'));
  }

  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.flushHeaders();
  let result: Awaited<ReturnType<typeof subscribe>>;
  try {
    result = await subscribe({ schema, document, variableValues: variables, operationName, contextValue: await contextFor() });
  } catch (error) {
    const refusal = error instanceof GraphQLError ? error : graphqlError('INTERNAL_SERVER_ERROR', 'internal error');
    send(response, 'next', serialize({ errors: [refusal] }));
    send(response, 'complete');
    return void response.end();
  }
  if (!(Symbol.asyncIterator in result)) {
    send(response, 'next', serialize(result));
    send(response, 'complete');
    return void response.end();
  }
  const stream = result;
  const heartbeat = setInterval(() => response.write(':\n\n'), HEARTBEAT_MS);
  // The gateway hangs up when its client leaves: the subscription ends with it.
  response.once('close', () => void stream.return?.());
  try {
    for await (const next of stream) {
      if (response.destroyed) break;
      send(response, 'next', serialize(next));
    }
    if (!response.destroyed) send(response, 'complete');
  } finally {
    clearInterval(heartbeat);
    response.end();
  }
}
