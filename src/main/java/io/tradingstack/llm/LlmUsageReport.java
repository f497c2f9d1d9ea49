package io.tradingstack.llm;

import java.math.BigDecimal;
import java.util.List;

/**
 * LLM usage of the current UTC day per agent, with the caps in force: what /health shows and what
 * the get_llm_usage MCP tool returns.
 */
public record LlmUsageReport(String day, String provider, String model, String endpoint, List<AgentUsage> agents,
                             AgentUsage total) {

    /**
     * One agent's day. {@code calls} are model calls (a repair round is a second call); cache hits
     * and refusals made none. {@code unpricedTokens} were used by models missing from the price table.
     */
    public record AgentUsage(String agent, long calls, long cacheHits, long refused, long inputTokens,
                             long outputTokens, BigDecimal costUsd, long unpricedTokens, long maxCalls,
                             long maxTokens, boolean capReached) {
    }
}
