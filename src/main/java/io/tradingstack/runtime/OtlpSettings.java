package io.tradingstack.runtime;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where traces go: the OTLP/HTTP endpoint, its headers (secrets: Langfuse sends Basic auth in them),
 * the service name and whether LLM content may enter spans. An empty endpoint means tracing is off.
 * Header values never leave this record except towards the exporter.
 */
public record OtlpSettings(String endpoint, Map<String, String> headers, String serviceName, boolean captureContent) {
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
    /** The OTLP/HTTP signal path appended to the base endpoint (OTel exporter specification). */
    static final String TRACES_PATH = "/v1/traces";

    public OtlpSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static OtlpSettings from(AppConfig config) {
        return new OtlpSettings(config.get(ConfigKey.OTEL_EXPORTER_OTLP_ENDPOINT),
                parseHeaders(config.get(ConfigKey.OTEL_EXPORTER_OTLP_HEADERS)),
                config.get(ConfigKey.OTEL_SERVICE_NAME),
                Boolean.parseBoolean(config.get(ConfigKey.OTEL_CAPTURE_CONTENT)));
    }

    public boolean enabled() {
        return !endpoint.isEmpty();
    }

    /** The URL spans are posted to: the base endpoint plus {@code /v1/traces}, as the OTel SDKs do. */
    public String tracesUrl() {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + TRACES_PATH;
    }

    /** For /health: the endpoint's scheme, host and port, and whether headers are set, never their values. */
    public JsonObject describe() {
        if (!enabled()) {
            return new JsonObject().put("exporter", "none");
        }
        URI uri = URI.create(endpoint);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new JsonObject().put("exporter", "otlp/http")
                .put("endpoint", uri.getScheme() + "://" + uri.getHost() + port)
                .put("headers", headers.isEmpty() ? "none" : "set")
                .put("service", serviceName)
                .put("capture_content", captureContent);
    }

    /**
     * Parses {@code key=value,key2=value2} as OTEL_EXPORTER_OTLP_HEADERS is specified (W3C baggage
     * form: values percent-encoded). A '+' stays a '+' (base64 credentials contain it).
     *
     * @throws IllegalArgumentException naming the malformed pair's key (never its value)
     */
    public static Map<String, String> parseHeaders(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : Parsers.split(raw)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq).trim();
            if (eq <= 0 || !HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("header '" + (eq < 0 ? "(no '=')" : name) + "' is not key=value");
            }
            String value = URLDecoder.decode(pair.substring(eq + 1).trim().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("header '" + name + "' has an empty or unprintable value");
            }
            out.put(name, value);
        }
        return out;
    }

    @Override
    public String toString() {
        return "OtlpSettings" + describe().encode();
    }
}
