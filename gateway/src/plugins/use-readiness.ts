/**
 * GET /readyz: ready when the supergraph is loaded and every subgraph answers its own
 * /readyz (which checks its database) within a second. Hive's built-in readiness check only
 * knows the supergraph, so it is kept at /readyz/supergraph and this one answers /readyz
 * with which part is missing. /healthz (live) is Hive's own.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface UseReadinessOptions {
  /** Each subgraph's GraphQL URL; its /readyz is beside it. */
  subgraphUrls: Record<string, string>;
  /** Resolves when the supergraph is loaded. */
  loadSupergraph: () => Promise<unknown>;
  timeoutMs?: number;
}

export function useReadiness(options: UseReadinessOptions): GatewayPlugin {
  const timeoutMs = options.timeoutMs ?? 1_000;
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/readyz') return;
      return (async () => {
        const checks: Record<string, string> = {};
        try {
          await Promise.race([
            options.loadSupergraph(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs * 3).unref()),
          ]);
          checks.supergraph = 'ready';
        } catch {
          checks.supergraph = 'not loaded';
        }
        await Promise.all(
          Object.entries(options.subgraphUrls).map(async ([name, graphqlUrl]) => {
            try {
              const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
              checks[name] = response.ok ? 'ready' : `not ready (${response.status})`;
            } catch {
              checks[name] = 'unreachable';
            }
          }),
        );
        const ready = Object.values(checks).every((v) => v === 'ready');
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }), {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          }),
        );
      })();
    },
  };
}
