/**
 * Signs every request the gateway sends to a subgraph with the gateway's own key, binding
 * the verified identity of the client, a timestamp and a one-time nonce to the exact body
 * (service-kit/src/auth/service-auth.ts). Also forwards the client's Accept-Language.
 *
 * Written here rather than configuring Hive's `hmacUpstreamSignature`: that plugin signs the
 * GraphQL parameters with one shared secret and nothing else, so a captured request could be
 * replayed forever, the identity header could be swapped, and every subgraph holding the
 * secret could forge the gateway. Sibling subgraphs sign their internal calls the same way.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Identity, Keyring } from '@cardweave/service-kit';
import { signServiceRequest } from '@cardweave/service-kit';

export interface UseServiceSignatureOptions {
  keyring?: Keyring;
  /** Whom a request acts for, from its context (set by the identity plugin). */
  identityOf: (context: Record<string, unknown>) => Identity | null;
}

export function useServiceSignature(options: UseServiceSignatureOptions): GatewayPlugin {
  if (typeof options.identityOf !== 'function') throw new Error('useServiceSignature: identityOf is required');
  return {
    onFetch({ url, options: init, setOptions, context }) {
      const ctx = (context ?? {}) as Record<string, unknown>;
      const body = typeof init.body === 'string' ? init.body : init.body == null ? '' : undefined;
      if (body === undefined) throw new Error('useServiceSignature: cannot sign a streamed body');
      const target = new URL(url);
      const signature = signServiceRequest({
        service: 'gateway',
        method: init.method ?? 'GET',
        path: target.pathname + target.search,
        body,
        identity: options.identityOf(ctx),
        keyring: options.keyring,
      });
      const request = ctx.request as Request | undefined;
      // The request id travels by Hive's own requestId option (x-request-id).
      const forwarded: Record<string, string> = {};
      const language = request?.headers?.get?.('accept-language');
      if (language) forwarded['accept-language'] = language.slice(0, 200);
      setOptions({ ...init, headers: { ...init.headers, ...forwarded, ...signature } });
    },
  };
}
