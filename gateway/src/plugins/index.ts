/**
 * The gateway's plugins, one factory per concern (`useX(options)` in gateway/src/plugins/).
 * Each concern registers itself here with one line.
 */
import type { GatewayConfigContext } from '@graphql-hive/gateway-runtime';
import type { ResolvedGatewayOptions } from '../gateway';
import { recordErrors, useAccessLog } from './use-access-log';
import { useCardSecrets } from './use-card-secrets';
import { useEdgeErrors, useSubgraphErrorNames } from './use-edge-errors';
import { identityOf, useIdentity } from './use-identity';
import { countResult, useDeclineSelection, useMetrics } from './use-metrics';
import { useNumberLiterals } from './use-number-literals';
import { useReadiness } from './use-readiness';
import { useRequestLimits } from './use-request-limits';
import { useScalarDocs } from './use-scalar-docs';
import { useTracing } from './use-tracing';
import { useServiceSignature } from './use-service-signature';
import { useWebPage } from './use-web-page';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGatewayPlugin = any;

export function gatewayPlugins(options: ResolvedGatewayOptions, context: GatewayConfigContext): AnyGatewayPlugin[] {
  return [
    useReadiness({ subgraphUrls: options.subgraphUrls, loadSupergraph: options.loadSupergraph }),
    useScalarDocs(),
    ...useMetrics({
      registry: options.metrics.registry,
      log: context.log,
      schemaHasDeprecations: options.schemaHasDeprecations,
      knownOperations: options.knownOperations,
      access: { token: options.metricsToken, production: options.production },
    }),
    useDeclineSelection(),
    ...useTracing({ enabled: options.tracing }),
    useCardSecrets(),
    useAccessLog(),
    ...useRequestLimits({ limits: options.limits, production: options.production, subgraphCost: options.subgraphCostLimit }),
    useNumberLiterals(),
    ...useIdentity({ publicKey: options.keyring.jwtPublicKey!, issuer: options.tokens.issuer, audience: options.tokens.audience }),
    useServiceSignature({ keyring: options.keyring, identityOf }),
    useSubgraphErrorNames(),
    useEdgeErrors({
      production: options.production,
      observe: (r, req) => (countResult(options.metrics.errors, r, req), recordErrors(r, req)),
    }),
    useWebPage({
      demoSignIn: options.production ? undefined : { privateKey: options.keyring.jwtPrivateKey, ...options.tokens },
      origins: options.origins,
    }),
  ];
}
