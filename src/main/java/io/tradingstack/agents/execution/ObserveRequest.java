package io.tradingstack.agents.execution;

import io.tradingstack.strategy.spec.OpenTrade;

import java.util.List;
import java.util.Map;

/** What the observe activity looks at: the symbols, and the levels of the trades the agent holds open. */
public record ObserveRequest(List<String> symbols, Map<String, OpenTrade> openTrades) {
    public ObserveRequest {
        symbols = List.copyOf(symbols);
        openTrades = openTrades == null ? Map.of() : Map.copyOf(openTrades);
    }
}
