/**
 * Traces and metrics for every process (gateway, services, worker), one place.
 *
 * - Traces: OpenTelemetry, W3C trace context in HTTP headers (and, through the Temporal SDK's
 *   interceptors, in workflow and activity headers), exported over OTLP/HTTP when
 *   `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set. Without it the API's
 *   no-op tracer answers every call: nothing is recorded and next to nothing is spent on a request.
 * - Metrics: always on, served in Prometheus' text format by each process at `GET /metrics`:
 *   HTTP requests by route and status (a duration histogram, so rates and latencies both) and the
 *   store's commands.
 *
 * The spans are made here by hand (an HTTP server span per request, a client span per service call,
 * one per store command) instead of by OpenTelemetry's auto-instrumentation: that patches modules as
 * they are `require`d, and this code base is ES modules run by tsx, which it does not see reliably.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  metrics,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Histogram,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { Resource } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Connection } from 'mongoose';

export interface Telemetry {
  /** Whether spans are recorded and exported (an OTLP endpoint is configured). */
  readonly tracing: boolean;
  /** Serves `GET /metrics` (Prometheus text format). */
  metricsHandler(req: IncomingMessage, res: ServerResponse): void;
  /** Flushes what is buffered (spans) and stops exporting. */
  shutdown(): Promise<void>;
}

let started: Telemetry | undefined;

/** Whether this process records spans (the store's connections then report their commands). */
export function tracingEnabled(): boolean {
  return started?.tracing ?? false;
}

/**
 * Starts this process's telemetry once (later calls, e.g. several components in one test process,
 * get the same). `serviceName` names the process in traces (`service.name`).
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Telemetry {
  if (started) return started;
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? `seleksi-${serviceName}` });
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? otlpTracesUrl(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  let tracerProvider: NodeTracerProvider | undefined;
  if (endpoint) {
    const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), {
      scheduledDelayMillis: 500,
    });
    tracerProvider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
    // Also installs the AsyncLocalStorage context manager, so a span stays current across awaits.
    tracerProvider.register({ propagator: new W3CTraceContextPropagator() });
  }
  // Served on each process's own HTTP server (no port of its own).
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const meterProvider = new MeterProvider({ resource, readers: [prometheus] });
  // This process's own meter (not only the global one, which a process can set once).
  meter = meterProvider.getMeter('seleksi');
  httpInstruments = undefined;
  metrics.setGlobalMeterProvider(meterProvider);
  started = {
    tracing: !!endpoint,
    metricsHandler: (req, res) => prometheus.getMetricsRequestHandler(req, res),
    async shutdown() {
      await Promise.allSettled([tracerProvider?.shutdown(), meterProvider.shutdown()]);
    },
  };
  return started;
}

function otlpTracesUrl(base: string | undefined): string | undefined {
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

const tracer = () => trace.getTracer('seleksi');
/** No-op until `startTelemetry` (a process that never starts it records nothing). */
let meter = metrics.getMeter('seleksi');

interface HttpInstruments {
  duration: Histogram;
}
let httpInstruments: HttpInstruments | undefined;
function instruments(): HttpInstruments {
  httpInstruments ??= {
    duration: meter.createHistogram('http.server.request.duration', {
      description: 'Duration of HTTP requests served',
      unit: 's',
      advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
    }),
  };
  return httpInstruments;
}

/**
 * Serves one HTTP request inside a server span continued from the caller's `traceparent`, and
 * records its duration by route and status. `route` is read when the answer is finished (Express
 * knows it only then); `next` runs in the span's context.
 */
export function serveTraced(
  component: string,
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  route: () => string | undefined = () => undefined,
): void {
  const started = performance.now();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${component}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? 'GET', 'seleksi.component': component },
    },
    parent,
  );
  res.once('close', () => {
    const r = route();
    const attributes: Attributes = {
      'http.request.method': req.method ?? 'GET',
      'http.response.status_code': res.statusCode,
      'seleksi.component': component,
      ...(r ? { 'http.route': r } : {}),
    };
    instruments().duration.record((performance.now() - started) / 1000, attributes);
    if (r) span.updateName(`${req.method ?? 'GET'} ${r}`);
    span.setAttributes(attributes);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const ctx = trace.setSpan(parent, span);
  // The body's 'data'/'end' events come from the connection's context, not this request's: bound here,
  // so what runs after the body is read (the GraphQL handler) is still inside the request's span.
  context.bind(ctx, req);
  context.with(ctx, next);
}

/** Runs a call to another service in a client span and adds the trace context to its headers. */
export async function callTraced<T>(
  name: string,
  headers: Record<string, string>,
  call: () => Promise<T>,
  status: (result: T) => number | undefined = () => undefined,
): Promise<T> {
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT });
  const ctx = trace.setSpan(context.active(), span);
  propagation.inject(ctx, headers);
  try {
    const result = await call();
    const code = status(result);
    if (code !== undefined) span.setAttribute('http.response.status_code', code);
    if (code !== undefined && code >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return result;
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * A span per store command (from the driver's command monitoring), child of whatever span is
 * current when the command starts; no command text (it may hold personal data), only its name and
 * collection.
 */
export function traceStoreCommands(conn: Connection, dbName: string): void {
  const open = new Map<number, Span>();
  const client = conn.getClient();
  client.on('commandStarted', (e) => {
    const collection = typeof e.command?.[e.commandName] === 'string' ? String(e.command[e.commandName]) : undefined;
    const span = tracer().startSpan(
      `${e.commandName}${collection ? ` ${collection}` : ''}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system': 'mongodb',
          'db.namespace': dbName,
          'db.operation.name': e.commandName,
          ...(collection ? { 'db.collection.name': collection } : {}),
        },
      },
      context.active() as Context,
    );
    open.set(e.requestId, span);
  });
  const end = (e: { requestId: number }, failed: boolean) => {
    const span = open.get(e.requestId);
    if (!span) return;
    open.delete(e.requestId);
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  client.on('commandSucceeded', (e) => end(e, false));
  client.on('commandFailed', (e) => end(e, true));
}
