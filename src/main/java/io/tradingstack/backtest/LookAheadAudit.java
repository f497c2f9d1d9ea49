package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.strategy.Strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Detects strategies that use the future. The run is repeated on data cut at several times T; a
 * strategy that only uses information up to each close makes exactly the same decisions up to T
 * with or without the bars after T. Any difference (or a {@link io.tradingstack.strategy.LookAheadException})
 * means it read ahead, through the view or around it (e.g. by reflection).
 */
public final class LookAheadAudit {
    private LookAheadAudit() {
    }

    /** Empty when the strategy passed; otherwise the first evidence of look-ahead. */
    public static Optional<String> audit(List<Dataset> data, Supplier<Strategy> strategies, BacktestConfig config,
                                         int cuts) {
        BacktestEngine engine = new BacktestEngine(config);
        List<String> full;
        try {
            full = engine.run(data, strategies.get(), ProgressListener.NONE).decisions();
        } catch (CodedException e) {
            return Optional.of(e.getMessage());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Dataset d : data) {
            first = Math.min(first, d.candles().get(0).end().getEpochSecond());
            last = Math.max(last, d.candles().get(d.candles().size() - 1).end().getEpochSecond());
        }
        for (int k = 1; k <= cuts; k++) {
            long cut = first + (last - first) * k / (cuts + 1);
            Optional<String> found = compare(engine, cut(data, cut), strategies, full, cut);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compare(BacktestEngine engine, List<Dataset> data, Supplier<Strategy> strategies,
                                            List<String> full, long cut) {
        List<String> truncated;
        try {
            truncated = engine.run(data, strategies.get(), ProgressListener.NONE).decisions();
        } catch (CodedException e) {
            return Optional.of(e.getMessage());
        }
        List<String> expected = full.stream().filter(d -> Long.parseLong(d.substring(0, d.indexOf('|'))) <= cut).toList();
        for (int i = 0; i < Math.max(expected.size(), truncated.size()); i++) {
            String a = i < expected.size() ? expected.get(i) : "(none)";
            String b = i < truncated.size() ? truncated.get(i) : "(none)";
            if (!a.equals(b)) {
                return Optional.of("decision " + i + " differs when the data ends at epoch " + cut
                        + ": with future data '" + a + "', without '" + b + "'");
            }
        }
        return Optional.empty();
    }

    private static List<Dataset> cut(List<Dataset> data, long cut) {
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : data) {
            List<io.tradingstack.model.Candle> kept = d.candles().stream().filter(c -> c.end().getEpochSecond() <= cut).toList();
            if (!kept.isEmpty()) {
                out.add(new Dataset(d.symbol(), d.timeframe(), d.granularitySec(), kept, d.issues(), d.source()));
            }
        }
        return out;
    }
}
