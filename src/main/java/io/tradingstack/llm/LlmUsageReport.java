package io.tradingstack.llm;

import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.util.List;

/**
 * LLM usage of the current UTC day per agent, with the caps in force: what /health shows and what
 * the get_llm_usage MCP tool returns.
 */
@Doc("today's (UTC) LLM usage per agent with the caps in force")
public record LlmUsageReport(@Doc("UTC day") String day, @Doc("provider name") String provider,
                             @Doc(value = "default model", nullable = true) String model,
                             @Doc(value = "where calls go", nullable = true) String endpoint,
                             @Doc("per agent") List<AgentUsage> agents, @Doc("all agents") AgentUsage total) {

    /**
     * One agent's day. {@code calls} are model calls (a repair round is a second call); cache hits
     * and refusals made none. {@code unpricedTokens} were used by models missing from the price table.
     */
    public record AgentUsage(@Doc("agent name") String agent, @Doc(value = "model calls", min = 0) long calls,
                             @Doc(value = "answers from the cache", min = 0) long cacheHits,
                             @Doc(value = "calls refused by a cap", min = 0) long refused,
                             @Doc(value = "input tokens", min = 0) long inputTokens,
                             @Doc(value = "output tokens", min = 0) long outputTokens,
                             @Doc("cost in USD") BigDecimal costUsd,
                             @Doc(value = "tokens of models without a price", min = 0) long unpricedTokens,
                             @Doc(value = "daily call cap", min = 0) long maxCalls,
                             @Doc(value = "daily token cap", min = 0) long maxTokens,
                             @Doc("a cap is reached") boolean capReached) {
    }
}
