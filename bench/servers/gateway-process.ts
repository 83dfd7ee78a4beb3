/**
 * One gateway in its own process, so that its peak memory is its own. Env:
 *   BENCH_GATEWAY      cardweave | hive-default | hive-router | apollo
 *   BENCH_CHOICES      for cardweave: a JSON PerformanceChoices overriding production's
 *   BENCH_SUPERGRAPH   the supergraph file with the bench subgraphs' URLs (peers read it)
 *   ISSUER_URL, WALLET_URL, CLEARING_URL   where the subgraphs listen (Cardweave reads them)
 *   CARDWEAVE_KEYS     the run's key set
 * Like every service of a run, it runs compiled (dist/bench/servers/gateway-process.js) with
 * NODE_ENV=production, peers included (see bench/run.ts).
 * Cardweave's gateway is the production code path (gateway/src/gateway.ts); the peers are
 * each product with its defaults, the supergraph, and what the subgraphs demand of every
 * caller: the client's token verified, and each subgraph request signed with the gateway's
 * key, the caller's identity among the signed headers (service-auth.ts), as Cardweave does.
 * - Hive (both): Hive's JWT plugin with Cardweave's settings (use-identity.ts) and the same
 *   signing plugin (use-service-signature.ts), since they are plugins of that runtime;
 * - Apollo: the token checked in Apollo Server's context function (peer-identity.ts), the
 *   identity put in the x-cardweave-identity header by the data source's willSendRequest,
 *   and the request signed over that header in the data source's fetcher.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Identity } from '@cardweave/service-kit';
import {
  installKeyring,
  keyringFromEnv,
  decodeIdentity,
  encodeIdentity,
  HEADER,
  signServiceRequest,
  tokenSettingsFromEnv,
} from '@cardweave/service-kit';
import { identityOf, useIdentity, useServiceSignature } from '@cardweave/gateway/identity-plugins';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
import { benchSetting, requiredBenchSetting } from '../lib/settings';
import { identityFromBearer } from './peer-identity';

const keyring = keyringFromEnv(process.env, 'gateway');
installKeyring(keyring);
const tokens = tokenSettingsFromEnv();

/** The signature headers the subgraphs require, for a peer's request to a subgraph on behalf of `identity`. */
function signed(url: string, method: string, body: string, identity: Identity | null): Record<string, string> {
  const target = new URL(url);
  return signServiceRequest({ service: 'gateway', method, path: target.pathname + target.search, body, identity, keyring });
}

type Running = { url: string; stop(): Promise<void> };

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

async function cardweave(): Promise<Running> {
  // Loaded on demand, so that a peer's process holds none of Cardweave's modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, only in this branch
  const performance: typeof import('@cardweave/gateway') = require('@cardweave/gateway');
  const flipped = benchSetting('BENCH_CHOICES');
  if (flipped) {
    // A rejected alternative: the same gateway with one choice flipped.
    const choices = { ...performance.PRODUCTION_CHOICES, ...JSON.parse(flipped) };
    const options = performance.performanceOptions as Record<string, unknown>;
    for (const key of Object.keys(options)) delete options[key];
    Object.assign(options, performance.buildPerformanceOptions(choices));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, only in this branch
  const { startGateway, subgraphUrlsFromEnv }: typeof import('@cardweave/gateway') = require('@cardweave/gateway');
  return startGateway({ subgraphUrls: subgraphUrlsFromEnv(), port: 0, production: true, keyring });
}

async function hive(rustPlanner: boolean): Promise<Running> {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const supergraph = fs.readFileSync(requiredBenchSetting('BENCH_SUPERGRAPH'), 'utf8');
  const plugins = () => [
    ...useIdentity({ publicKey: keyring.jwtPublicKey!, issuer: tokens.issuer, audience: tokens.audience }),
    useServiceSignature({ keyring, identityOf }),
  ];
  const runtime = rustPlanner
    ? createGatewayRuntime({ supergraph, plugins, unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler })
    : createGatewayRuntime({ supergraph, plugins });
  const { server, url } = await listen(runtime);
  return {
    url,
    async stop() {
      server.closeAllConnections();
      server.close();
      await runtime.dispose();
    },
  };
}

async function apollo(): Promise<Running> {
  const { ApolloGateway, RemoteGraphQLDataSource } = await import('@apollo/gateway');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  // Apollo's own data source and fetcher (make-fetch-happen), with the caller's identity and the signature added.
  class IdentityDataSource extends RemoteGraphQLDataSource<{ identity?: Identity }> {
    override willSendRequest(options: GraphQLDataSourceProcessOptions<{ identity?: Identity }>) {
      const identity = 'context' in options ? (options.context as { identity?: Identity }).identity : undefined;
      if (identity) options.request.http?.headers.set(HEADER.identity, encodeIdentity(identity));
    }
  }
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(requiredBenchSetting('BENCH_SUPERGRAPH'), 'utf8'),
    buildService: ({ url }) => {
      const source = new IdentityDataSource({ url });
      const send = source.fetcher;
      source.fetcher = (target, init) => {
        const headers = { ...(init?.headers as Record<string, string>) };
        const identity = decodeIdentity(headers[HEADER.identity] ?? '');
        return send(target, {
          ...init,
          headers: { ...headers, ...signed(target, init?.method ?? 'POST', String(init?.body ?? ''), identity) },
        });
      };
      return source;
    },
  });
  const server = new ApolloServer<{ identity: Identity }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const identity = identityFromBearer(req.headers.authorization, keyring.jwtPublicKey!, tokens);
      if (!identity)
        throw new GraphQLError('a valid token is required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      return { identity };
    },
  });
  return { url: new URL('/graphql', url).toString(), stop: () => server.stop() };
}

const kinds: Record<string, () => Promise<Running>> = {
  cardweave,
  'hive-default': () => hive(false),
  'hive-router': () => hive(true),
  apollo,
};

async function main(): Promise<void> {
  const kind = benchSetting('BENCH_GATEWAY') ?? '';
  if (!kinds[kind]) throw new Error(`unknown gateway ${kind}`);
  const gateway = await kinds[kind]();
  answerParent({});
  process.once('SIGTERM', () => void gateway.stop().finally(() => process.exit(0)));
  tellParentReady({ url: gateway.url });
}

main().catch(tellParentFailed);
