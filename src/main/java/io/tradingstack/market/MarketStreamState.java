package io.tradingstack.market;

import java.util.List;
import java.util.Map;

/**
 * What {@link MarketStreamWorkflow} carries across continue-as-new: the symbols, the last polled
 * feed counters, the poll period, the number of cycles per run, how many runs came before and the
 * revision of the last stored selection.
 */
public record MarketStreamState(List<String> symbols, Map<String, Long> stats, int pollSeconds, int cyclesPerRun,
                                int generation, long revision) {
    public MarketStreamState {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
        pollSeconds = pollSeconds <= 0 ? 30 : pollSeconds;
        cyclesPerRun = cyclesPerRun <= 0 ? 500 : cyclesPerRun;
    }

    public MarketStreamState(List<String> symbols, Map<String, Long> stats, int pollSeconds, int cyclesPerRun,
                             int generation) {
        this(symbols, stats, pollSeconds, cyclesPerRun, generation, 0);
    }

    public static MarketStreamState of(List<String> symbols) {
        return new MarketStreamState(symbols, Map.of(), 30, 500, 0);
    }
}
