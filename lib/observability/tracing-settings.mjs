/**
 * Tracing is on only when an OTLP endpoint is configured (the standard OpenTelemetry variables);
 * otherwise nothing is registered, and our spans go to the API's no-op tracer.
 */
export function tracingEnabled() {
  return Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
}
