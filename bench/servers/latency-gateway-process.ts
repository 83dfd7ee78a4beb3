/**
 * The production gateway (gateway/src/gateway.ts, production mode) in its own process for
 * the latency bench (bench/card-view-latency.ts), plus a passive recorder of its subgraph
 * requests: Node's HTTP client diagnostics channels give each request's start and end as
 * the gateway saw them, and the subgraph's `Server-Timing: app;dur=…` header its own time.
 * Nothing is added to the gateway's plugins or code paths.
 * With BENCH_LATENCY_GATEWAY=hive-router, the peer instead: stock Hive Gateway runtime with
 * the Rust query planner and only what the subgraphs demand of every caller (Hive's JWT
 * plugin with our settings and the request-signing plugin), as bench/servers/gateway-process.ts
 * runs it for the big benchmark.
 * Env: ISSUER_URL, WALLET_URL, CLEARING_URL, CARDWEAVE_KEYS, BENCH_LATENCY_GATEWAY.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subscribe } from 'node:diagnostics_channel';
import { startGateway, subgraphUrlsFromEnv, defaultSubgraphUrl, SUBGRAPHS, SUPERGRAPH_FILE } from '@cardweave/gateway';
import { identityOf, useIdentity, useServiceSignature } from '@cardweave/gateway/identity-plugins';
import { installKeyring, keyringFromEnv, type Keyring } from '@cardweave/service-kit';
import { tokenSettingsFromEnv } from '@cardweave/service-kit';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
import { benchSetting } from '../lib/settings';
import { profileHandlers } from '../lib/window-profiler';

/** One subgraph request as the gateway sent it. */
export interface RecordedCall {
  subgraph: string;
  requestId: string;
  /** ms on this process's clock (performance.now()). */
  start: number;
  end: number;
  /** The subgraph's own time from its Server-Timing header; NaN without one. */
  serverMs: number;
  status: number;
}

/** One client request as the gateway served it (ms on this process's clock). */
export interface ServedRequest {
  requestId: string;
  start: number;
  end: number;
}

const urls = subgraphUrlsFromEnv();
const byPort = new Map(Object.entries(urls).map(([name, url]) => [new URL(url).port, name]));
let calls: RecordedCall[] = [];
const open = new WeakMap<ClientRequest, RecordedCall>();

subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  const port = String(request.getHeader('host') ?? '').split(':')[1] ?? '';
  const subgraph = byPort.get(port) ?? `port ${port}`;
  open.set(request, {
    subgraph,
    requestId: String(request.getHeader('x-request-id') ?? ''),
    start: performance.now(),
    end: NaN,
    serverMs: NaN,
    status: 0,
  });
});

let served: ServedRequest[] = [];
const serving = new WeakMap<IncomingMessage, ServedRequest>();
subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: IncomingMessage };
  serving.set(request, { requestId: String(request.headers['x-request-id'] ?? ''), start: performance.now(), end: NaN });
});
subscribe('http.server.response.finish', (message) => {
  const { request } = message as { request: IncomingMessage };
  const record = serving.get(request);
  if (!record) return;
  record.end = performance.now();
  served.push(record);
});

subscribe('http.client.response.finish', (message) => {
  const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
  const call = open.get(request);
  if (!call) return;
  call.end = performance.now();
  call.status = response.statusCode ?? 0;
  const timing = /(?:^|,)\s*app;dur=([\d.]+)/.exec(String(response.headers['server-timing'] ?? ''));
  call.serverMs = timing ? Number(timing[1]) : NaN;
  calls.push(call);
});

async function stockHiveWithRustPlanner(keyring: Keyring): Promise<{ url: string; stop(): Promise<void> }> {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
  let supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const s of SUBGRAPHS) supergraph = supergraph.split(`"${defaultSubgraphUrl(s)}"`).join(`"${urls[s.name]}"`);
  const tokens = tokenSettingsFromEnv();
  const runtime = createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    plugins: () => [
      ...useIdentity({ publicKey: keyring.jwtPublicKey!, issuer: tokens.issuer, audience: tokens.audience }),
      useServiceSignature({ keyring, identityOf }),
    ],
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async stop() {
      server.closeAllConnections();
      server.close();
      await runtime.dispose();
    },
  };
}

async function main(): Promise<void> {
  const keyring = keyringFromEnv(process.env, 'gateway');
  installKeyring(keyring);
  const gateway =
    benchSetting('BENCH_LATENCY_GATEWAY') === 'hive-router'
      ? await stockHiveWithRustPlanner(keyring)
      : await startGateway({ subgraphUrls: urls, port: 0, production: true, keyring });
  answerParent({
    ...profileHandlers,
    calls: () => {
      const taken = { calls, served };
      calls = [];
      served = [];
      return taken;
    },
  });
  process.once('SIGTERM', () => void gateway.stop().finally(() => process.exit(0)));
  tellParentReady({ url: gateway.url });
}

main().catch(tellParentFailed);
