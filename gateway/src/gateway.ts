/**
 * The Cardweave gateway: Hive Gateway's runtime serving the checked-in supergraph, with
 * each subgraph's location from configuration and an IDE that works offline.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Keyring } from '../../subgraphs/shared/src/auth/keys';
import { performanceOptions } from './performance';
import { gatewayPlugins } from './plugins';
import { defaultSubgraphUrl, SUBGRAPHS, SUPERGRAPH_FILE, type SubgraphName } from './subgraph-catalog';

export interface GatewayOptions {
  /** Where each subgraph listens; defaults to the URLs in the supergraph. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port?: number;
  host?: string;
  /** Production mode: no IDE, no introspection. */
  production?: boolean;
  /** Keys: the gateway's signing key, the subgraphs' and the token issuer's public keys. */
  keyring?: Keyring;
  /** Hive's logger level, or false for none. */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error';
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[s.urlEnv] || defaultSubgraphUrl(s)])) as Record<
    SubgraphName,
    string
  >;
}

export function createCardweaveGateway(options: GatewayOptions = {}) {
  const urls = { ...subgraphUrlsFromEnv({}), ...options.subgraphUrls };
  return createGatewayRuntime({
    ...performanceOptions,
    supergraph: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    transportEntries: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, { location: urls[s.name] }])),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    landingPage: false,
    graphiql: options.production ? false : { title: 'Cardweave', defaultQuery: EXAMPLE_QUERY },
    // The stock IDE loads its scripts from a CDN; this one is bundled in an installed package.
    renderGraphiQL,
    logging: options.logging ?? 'warn',
    plugins: (context) => gatewayPlugins(options, context),
  });
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const gateway = createCardweaveGateway(options);
  const server = http.createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}

/** The unified card view: one card as the issuer, the wallets and the network see it. */
export const EXAMPLE_QUERY = fs.readFileSync(require.resolve('../../client/operations/card-view.graphql'), 'utf8');
