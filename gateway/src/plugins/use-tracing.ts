/**
 * OpenTelemetry spans for every request, its phases and every subgraph call, by Hive's
 * OpenTelemetry plugin, which also puts the W3C `traceparent` on each subgraph request so the
 * subgraphs continue the same trace. On only when the process set up a tracer provider
 * (service-kit/src/observability/tracing.ts: OTEL_EXPORTER_OTLP_ENDPOINT, or a test's exporter).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';

export function useTracing(options: { enabled: boolean }): GatewayPlugin[] {
  if (!options.enabled) return [];
  return [useOpenTelemetry({ traces: true, inheritContext: true, propagateContext: true }) as unknown as GatewayPlugin];
}
