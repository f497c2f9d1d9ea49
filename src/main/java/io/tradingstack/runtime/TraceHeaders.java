package io.tradingstack.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * Carries the current trace across an event-bus request as a W3C {@code traceparent} header, so a
 * span opened by an activity (an agent decision) parents the spans the receiving verticle makes
 * (the LLM call). Without a current span nothing is added.
 */
public final class TraceHeaders {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<MultiMap> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceHeaders() {
    }

    /** Adds the current span's context to the request's headers when there is a valid one. */
    public static DeliveryOptions inject(DeliveryOptions options) {
        if (Span.current().getSpanContext().isValid()) {
            W3C.inject(Context.current(), options, DeliveryOptions::addHeader);
        }
        return options;
    }

    /** The context a received message carries (the root context when it carries none). */
    public static Context extract(MultiMap headers) {
        return headers == null || headers.get("traceparent") == null
                ? Context.root() : W3C.extract(Context.root(), headers, GETTER);
    }
}
