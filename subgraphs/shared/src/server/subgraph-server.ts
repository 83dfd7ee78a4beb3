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
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';

export const COMMON_SCHEMA_FILE = path.resolve(__dirname, '../../schema/common.graphql');
const MAX_BODY_BYTES = 1024 * 1024;

/** A subgraph's SDL: its own schema.graphql plus the shared scalars and value types. */
export function subgraphSdl(schemaFile: string): string {
  return `${fs.readFileSync(schemaFile, 'utf8')}\n${fs.readFileSync(COMMON_SCHEMA_FILE, 'utf8')}`;
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schemaFile: string;
  resolvers: GraphQLResolverMap<TContext>;
  /** Builds the per-request context (fresh DataLoaders each time). */
  context: (request: http.IncomingMessage) => Promise<TContext> | TContext;
  /** Whether the subgraph can serve: its database answers. */
  ready: () => Promise<boolean>;
  port?: number;
  host?: string;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(subgraphSdl(options.schemaFile)),
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const apollo = new ApolloServer<TContext>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Federated traces are for Apollo's hosted platform; the gateway here does not read them.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    try {
      if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        const ok = await options.ready().catch(() => false);
        return sendJson(response, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found' });

      const raw = request.method === 'POST' ? await readBody(request) : '';
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(response, 400, { errors: [{ message: 'body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: () => Promise.resolve(options.context(request)),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!response.headersSent) {
        sendJson(response, status, {
          errors: [{ message: status === 413 ? 'request body too large' : 'internal error', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL_SERVER_ERROR' } }],
        });
      } else response.end();
    }
  });
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
