/**
 * The production gateway (gateway/src/gateway.ts, production mode) in its own process for
 * the latency bench (bench/card-view-latency.ts), plus a passive recorder of its subgraph
 * requests: Node's HTTP client diagnostics channels give each request's start and end as
 * the gateway saw them, and the subgraph's `Server-Timing: app;dur=…` header its own time.
 * Nothing is added to the gateway's plugins or code paths.
 * Env: ISSUER_URL, WALLET_URL, CLEARING_URL, CARDWEAVE_KEYS.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { subscribe } from 'node:diagnostics_channel';
import { startGateway, subgraphUrlsFromEnv } from '../../gateway/src/gateway';
import { installKeyring, keyringFromEnv } from '../../subgraphs/shared/src/auth/keys';
import { answerParent, tellParentFailed, tellParentReady } from '../lib/child';
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

const urls = subgraphUrlsFromEnv();
const byPort = new Map(Object.entries(urls).map(([name, url]) => [new URL(url).port, name]));
let calls: RecordedCall[] = [];
const open = new WeakMap<ClientRequest, RecordedCall>();

subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  const port = String(request.getHeader('host') ?? '').split(':')[1] ?? '';
  const subgraph = byPort.get(port) ?? `port ${port}`;
  open.set(request, { subgraph, requestId: String(request.getHeader('x-request-id') ?? ''), start: performance.now(), end: NaN, serverMs: NaN, status: 0 });
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

async function main(): Promise<void> {
  const keyring = keyringFromEnv(process.env, 'gateway');
  installKeyring(keyring);
  const gateway = await startGateway({ subgraphUrls: urls, port: 0, production: true, keyring });
  answerParent({
    ...profileHandlers,
    calls: () => {
      const taken = calls;
      calls = [];
      return { calls: taken };
    },
  });
  process.once('SIGTERM', () => void gateway.stop().finally(() => process.exit(0)));
  tellParentReady({ url: gateway.url });
}

main().catch(tellParentFailed);
