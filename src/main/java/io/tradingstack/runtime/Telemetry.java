package io.tradingstack.runtime;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node's tracer. With OTEL_EXPORTER_OTLP_ENDPOINT set, spans are batched (bounded queue) and
 * posted as OTLP/HTTP protobuf; otherwise it is OpenTelemetry's no-op: no thread, no export, and
 * {@link #enabled()} lets callers skip building attributes. Never registered as the global
 * OpenTelemetry, so several nodes in one JVM (tests) keep their own. Never logs header values.
 */
public final class Telemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
    static final String SCOPE = "io.tradingstack";
    /** Spans waiting for export; beyond this the SDK drops new spans rather than grow without bound. */
    static final int MAX_QUEUE = 4096;
    static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);
    private static final Telemetry NOOP = new Telemetry(
            new OtlpSettings("", Map.of(), ConfigKey.OTEL_SERVICE_NAME.defaultValue(), false), OpenTelemetry.noop(), null);

    private final OtlpSettings settings;
    private final SdkTracerProvider provider;
    private final Tracer tracer;

    private Telemetry(OtlpSettings settings, OpenTelemetry otel, SdkTracerProvider provider) {
        this.settings = settings;
        this.provider = provider;
        this.tracer = otel.getTracer(SCOPE);
    }

    /** Tracing off: nothing recorded, nothing exported. */
    public static Telemetry noop() {
        return NOOP;
    }

    /** The exporting tracer when the settings name an endpoint, else {@link #noop()}. */
    public static Telemetry start(OtlpSettings settings) {
        if (!settings.enabled()) {
            return NOOP;
        }
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.tracesUrl())
                .setTimeout(EXPORT_TIMEOUT);
        settings.headers().forEach(exporter::addHeader);
        BatchSpanProcessor batch = BatchSpanProcessor.builder(exporter.build())
                .setMaxQueueSize(MAX_QUEUE)
                .setExporterTimeout(EXPORT_TIMEOUT)
                .build();
        Resource resource = Resource.getDefault().merge(Resource.create(
                Attributes.of(AttributeKey.stringKey("service.name"), settings.serviceName())));
        SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource).addSpanProcessor(batch).build();
        LOG.info("Traces exported to {}", settings.describe().encode());
        return new Telemetry(settings, OpenTelemetrySdk.builder().setTracerProvider(provider).build(), provider);
    }

    public Tracer tracer() {
        return tracer;
    }

    /** False on the no-op path: callers skip attribute work entirely. */
    public boolean enabled() {
        return provider != null;
    }

    /** Whether LLM prompt and answer text may be recorded (span events); false unless configured. */
    public boolean captureContent() {
        return settings.captureContent();
    }

    /** For /health: exporter, endpoint host, "headers: set" — never header values. */
    public JsonObject health() {
        return HealthRegistry.up().mergeIn(settings.describe());
    }

    /** Flushes queued spans (bounded wait) and stops the exporter thread. */
    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(EXPORT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }
}
