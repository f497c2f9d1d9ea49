package io.tradingstack.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OTEL_* keys: Langfuse-style headers parse, bad ones are refused without echoing them, nothing secret is shown. */
class OtlpSettingsTest {

    @Test
    void langfuseSettingsParseIntoEndpointAndDecodedHeaders() {
        AppConfig config = AppConfig.defaults(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "https://cloud.langfuse.com/api/public/otel/",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic%20cGs+bGY6c2s=, x-scope = team%2Fa"));
        OtlpSettings s = OtlpSettings.from(config);
        assertEquals("https://cloud.langfuse.com/api/public/otel/v1/traces", s.tracesUrl());
        assertEquals(Map.of("Authorization", "Basic cGs+bGY6c2s=", "x-scope", "team/a"), s.headers());
        assertFalse(s.captureContent());
        assertEquals("trading-stack", s.serviceName());
        String shown = s.describe().encode() + s + config.redacted();
        assertTrue(shown.contains("\"headers\":\"set\"") && shown.contains("https://cloud.langfuse.com"), shown);
        assertFalse(shown.contains("cGs+bGY6c2s="), shown);
        assertFalse(Secrets.redact("Authorization: Basic cGs+bGY6c2s=").contains("cGs+bGY6c2s="), "a logged header is redacted");
        assertEquals("token ****", Secrets.redact("token cGs+bGY6c2s="), "so is the credential alone");
    }

    @Test
    void malformedHeadersAreRefusedWithoutEchoingTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of(
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization Basic-zz-secret-value")));
        assertTrue(e.getMessage().contains("OTEL_EXPORTER_OTLP_HEADERS=****"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-value"));
        assertThrows(IllegalArgumentException.class, () -> OtlpSettings.parseHeaders("=value"));
        assertThrows(IllegalArgumentException.class, () -> OtlpSettings.parseHeaders("k="));
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x")));
    }

    @Test
    void withoutAnEndpointTracingIsTheNoOp() {
        OtlpSettings s = OtlpSettings.from(AppConfig.defaults(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "a=b")));
        assertFalse(s.enabled());
        Telemetry t = Telemetry.start(s);
        assertSame(Telemetry.noop(), t);
        assertFalse(t.enabled());
        assertFalse(t.tracer().spanBuilder("x").startSpan().isRecording(), "the no-op records nothing");
        assertEquals("none", t.health().getString("exporter"));
    }
}
