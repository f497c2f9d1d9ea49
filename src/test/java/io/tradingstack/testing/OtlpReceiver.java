package io.tradingstack.testing;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A local OTLP/HTTP trace endpoint on loopback, as a collector, Jaeger or Langfuse would offer: it
 * accepts {@code POST .../v1/traces} in protobuf, keeps every request (path, headers, raw bytes) and
 * decodes the spans with the OTLP protobuf classes.
 */
public final class OtlpReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(String path, Map<String, String> headers, byte[] body, ExportTraceServiceRequest decoded) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private OtlpReceiver(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (!"POST".equals(req.method().name()) || !req.path().endsWith("/v1/traces")) {
                req.response().setStatusCode(404).end();
                return;
            }
            try {
                byte[] bytes = body.getBytes();
                Map<String, String> headers = req.headers().entries().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a + "," + b));
                received.add(new Received(req.path(), headers, bytes, ExportTraceServiceRequest.parseFrom(bytes)));
                req.response().putHeader("Content-Type", "application/x-protobuf")
                        .end(Buffer.buffer(ExportTraceServiceResponse.getDefaultInstance().toByteArray()));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                req.response().setStatusCode(400).end();
            }
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    public static OtlpReceiver start() throws Exception {
        return new OtlpReceiver(Vertx.vertx());
    }

    /** Base URL plus {@code path} (e.g. "" for a collector, "/api/public/otel" as Langfuse). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public List<Span> spans() {
        return received.stream().flatMap(r -> r.decoded().getResourceSpansList().stream())
                .flatMap(rs -> rs.getScopeSpansList().stream())
                .flatMap(ss -> ss.getSpansList().stream()).toList();
    }

    /** The service.name every request's resource carried. */
    public List<String> serviceNames() {
        return received.stream().flatMap(r -> r.decoded().getResourceSpansList().stream())
                .map(rs -> attribute(rs.getResource().getAttributesList(), "service.name").map(AnyValue::getStringValue).orElse(""))
                .distinct().toList();
    }

    public static Optional<AnyValue> attribute(Span span, String key) {
        return attribute(span.getAttributesList(), key);
    }

    private static Optional<AnyValue> attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue).findFirst();
    }

    public static String string(Span span, String key) {
        return attribute(span, key).map(AnyValue::getStringValue).orElse(null);
    }

    public static long integer(Span span, String key) {
        return attribute(span, key).map(AnyValue::getIntValue).orElseThrow(() -> new AssertionError("no attribute " + key));
    }

    public static String hex(com.google.protobuf.ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    /** Every byte the endpoint received, as text, for "this secret never left the process" checks. */
    public String allBytes() {
        StringBuilder sb = new StringBuilder();
        received.forEach(r -> sb.append(new String(r.body(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        return sb.toString();
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
