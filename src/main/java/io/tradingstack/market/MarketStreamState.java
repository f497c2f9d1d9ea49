package io.tradingstack.market;

import java.util.List;
import java.util.Map;

/**
 * What {@link MarketStreamWorkflow} carries across continue-as-new: the symbols, the last polled
 * feed counters, the poll period, the number of cycles per run and how many runs came before.
 */
public record MarketStreamState(List<String> symbols, Map<String, Long> stats, int pollSeconds, int cyclesPerRun,
                                int generation) {
    public MarketStreamState {
        symbols = List.copyOf(symbols);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
        pollSeconds = pollSeconds <= 0 ? 30 : pollSeconds;
        cyclesPerRun = cyclesPerRun <= 0 ? 500 : cyclesPerRun;
    }

    public static MarketStreamState of(List<String> symbols) {
        return new MarketStreamState(symbols, Map.of(), 30, 500, 0);
    }
}
