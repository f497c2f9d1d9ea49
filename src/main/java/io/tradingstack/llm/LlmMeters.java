package io.tradingstack.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradingstack.runtime.Meters;

/** The LLM component's series in the node's metrics. */
final class LlmMeters {
    private LlmMeters() {
    }

    /** Calls per agent and outcome, tokens per agent and kind, cost per agent (USD, from the price table). */
    static void count(MeterRegistry registry, String agent, LlmResult r) {
        Counter.builder(Meters.LLM_CALLS).description("LLM chat results per agent and outcome (ok or the error code)")
                .tag("agent", agent).tag("outcome", r.ok() ? "ok" : r.code().name()).register(registry).increment();
        Counter.builder(Meters.LLM_TOKENS).description("LLM tokens per agent").tag("agent", agent).tag("kind", "input")
                .register(registry).increment(r.usage().inputTokens());
        Counter.builder(Meters.LLM_TOKENS).description("LLM tokens per agent").tag("agent", agent).tag("kind", "output")
                .register(registry).increment(r.usage().outputTokens());
        Counter.builder(Meters.LLM_COST).description("LLM cost per agent in USD (price table)").tag("agent", agent)
                .register(registry).increment(r.costUsd().doubleValue());
    }
}
