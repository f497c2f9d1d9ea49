package io.tradingstack.mcp;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.tradingstack.runtime.Telemetry;
import io.vertx.core.Future;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One span per MCP tool call ({@code tools/call {tool}}): tool, tier, outcome and error code, and
 * the session id only as a hash (the raw id lets anyone who sees it talk in that session). With
 * tracing off, {@link #start} returns the shared invalid span and {@link #finish} returns the
 * outcome untouched: no allocation on the hot path.
 */
final class ToolTracing {
    static final ToolTracing OFF = new ToolTracing(Telemetry.noop());
    private final Telemetry telemetry;

    ToolTracing(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    Span start(ToolSpec spec, String session) {
        if (!telemetry.enabled()) {
            return Span.getInvalid();
        }
        return telemetry.tracer().spanBuilder("tools/call " + spec.name()).setSpanKind(SpanKind.SERVER)
                .setAttribute("mcp.method.name", "tools/call")
                .setAttribute("mcp.tool.name", spec.name())
                .setAttribute("mcp.tool.tier", spec.tier().label())
                .setAttribute("mcp.session.id_sha256", hash(session))
                .startSpan();
    }

    /** Ends the span when the call's result is known; the result itself passes through unchanged. */
    Future<ToolResult> finish(Span span, Future<ToolResult> outcome) {
        if (!span.isRecording()) {
            return outcome;
        }
        return outcome.onComplete(ar -> {
            ToolResult r = ar.succeeded() ? ar.result() : null;
            if (r != null && !r.isError()) {
                span.setAttribute("mcp.tool.outcome", "ok");
            } else {
                String code = r != null ? r.code().name() : io.tradingstack.bus.ErrorCode.INTERNAL.name();
                span.setAttribute("mcp.tool.outcome", "error");
                span.setAttribute("error.type", code);
                if (r != null) {
                    span.setAttribute("mcp.tool.error_code", r.code().code());
                }
                span.setStatus(StatusCode.ERROR, code);
            }
            span.end();
        });
    }

    /** First 16 hex digits of SHA-256: enough to group a session's calls, useless to join the session. */
    static String hash(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
