/**
 * OpenTelemetry traces across the gateway and the subgraphs. The gateway's spans come from
 * Hive's OpenTelemetry plugin, which also sends the W3C `traceparent` header to every
 * subgraph; each subgraph continues that trace with a server span per request (see
 * subgraph-server.ts). The provider is set up once per process, by Hive's own setup helper:
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set, spans go there over OTLP/HTTP; tests pass an
 * in-memory exporter. Without either, tracing costs nothing.
 */
import { context, INVALID_SPAN_CONTEXT, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { configValue, type Environment } from '../environment/read';

let enabled = false;

export function tracingEnabled(): boolean {
  return enabled;
}

export async function setupTracing(options: { serviceName: string; exporter?: SpanExporter; env?: Environment }): Promise<boolean> {
  const env = options.env ?? process.env;
  if (enabled) return true;
  let exporter = options.exporter;
  if (!exporter && configValue('OTEL_EXPORTER_OTLP_ENDPOINT', env)) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    exporter = new OTLPTraceExporter();
  }
  if (!exporter) return false;
  const { openTelemetrySetup } = await import('@graphql-hive/plugin-opentelemetry/setup');
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: configValue('OTEL_SERVICE_NAME', env) ?? options.serviceName },
    traces: { exporter, batching: options.exporter ? false : true },
  });
  enabled = true;
  return true;
}

const tracer = () => trace.getTracer('cardweave-subgraph');

/** A span that records nothing, for requests served while tracing is off. */
const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs one subgraph request inside a server span that continues the caller's trace. With tracing
 * off it runs the request as it is: no header extraction, no span, no extra promise per request.
 */
export function withServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Record<string, string>,
  run: (span: Span) => Promise<T>,
): Promise<T> {
  if (!enabled) return run(NO_SPAN);
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
