package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Candle;
import io.tradingstack.model.CandleRollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregates candles into a coarser timeframe by the rules of {@link io.tradingstack.model.CandleBucket}
 * (epoch-aligned, open of the first bar, max high, min low, close of the last, summed volume). The
 * last bucket is dropped when the data ends before it closes, so a still-open bar never reaches a strategy.
 */
public final class Resampler {
    private Resampler() {
    }

    public static Dataset resample(Dataset d, String timeframe) {
        int target = Timeframes.seconds(timeframe);
        if (target == d.granularitySec()) {
            return d;
        }
        if (target < d.granularitySec() || target % d.granularitySec() != 0) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "cannot make " + timeframe + " bars from "
                    + d.timeframe() + " data of " + d.source() + " (the target must be a multiple)");
        }
        CandleRollup rollup = new CandleRollup(d.symbol(), target);
        List<Candle> out = new ArrayList<>();
        for (Candle c : d.candles()) {
            out.addAll(Arrays.asList(rollup.add(c)));
        }
        // rollup.pending(), the bucket the data ends in before its close, is dropped: a strategy never sees an open bar
        return new Dataset(d.symbol(), Timeframes.label(target), target, out, d.issues(),
                d.source() + " resampled from " + d.timeframe());
    }
}
