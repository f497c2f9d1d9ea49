package io.tradingstack.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One agent decision as one trace: a root span {@code decision {agent}} made current on the calling
 * (activity) thread, so the LLM call and order requests it sends over the bus join its trace
 * ({@link TraceHeaders}). Workflow code must not use it (determinism); an activity opens it and
 * closes it on the same thread, in a try-with-resources block.
 */
public final class DecisionTrace implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    private DecisionTrace(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    /** Opens the decision's trace; on the no-op telemetry this records nothing. */
    public static DecisionTrace start(Telemetry telemetry, String agent, String workflowId, String decisionId) {
        Span span = telemetry.tracer().spanBuilder("decision " + agent).setNoParent()
                .setAttribute("ts.agent", agent)
                .setAttribute("ts.workflow.id", workflowId)
                .setAttribute("ts.decision.id", decisionId)
                .startSpan();
        return new DecisionTrace(span);
    }

    /** What the decision came to (e.g. "orders_placed", "hold", "skipped:RATE_LIMIT"). */
    public void outcome(String outcome) {
        span.setAttribute("ts.decision.outcome", outcome);
    }

    /** Marks the decision failed with an error code name. */
    public void failed(String errorCode) {
        span.setAttribute("error.type", errorCode);
        span.setStatus(StatusCode.ERROR, errorCode);
    }

    /** The trace id (32 hex digits; all zeros when tracing is off), e.g. to record with the decision. */
    public String traceId() {
        return span.getSpanContext().getTraceId();
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
