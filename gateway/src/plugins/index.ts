/**
 * The gateway's plugins, one factory per concern (`useX(options)` in gateway/src/plugins/).
 * Each concern registers itself here with one line.
 */
import type { GatewayConfigContext } from '@graphql-hive/gateway-runtime';
import type { GatewayOptions } from '../gateway';
import { useServiceSignature } from './use-service-signature';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGatewayPlugin = any;

export function gatewayPlugins(options: GatewayOptions, _context: GatewayConfigContext): AnyGatewayPlugin[] {
  return [
    useServiceSignature({ keyring: options.keyring, identityOf: (ctx) => (ctx.identity as never) ?? null }),
  ];
}
