package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Candle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates candles into a coarser timeframe aligned to the epoch (open of the first bar, max high,
 * min low, close of the last, summed volume). The last bucket is dropped when the data ends before
 * it closes, so a still-open bar never reaches a strategy.
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
        List<Candle> out = new ArrayList<>();
        Candle acc = null;
        long bucket = Long.MIN_VALUE;
        for (Candle c : d.candles()) {
            long b = Math.floorDiv(c.start().getEpochSecond(), target) * target;
            if (b != bucket) {
                if (acc != null) {
                    out.add(acc);
                }
                bucket = b;
                acc = new Candle(d.symbol(), target, Instant.ofEpochSecond(b), c.open(), c.high(), c.low(), c.close(), c.volume());
            } else {
                acc = new Candle(d.symbol(), target, acc.start(), acc.open(), Math.max(acc.high(), c.high()),
                        Math.min(acc.low(), c.low()), c.close(), acc.volume() + c.volume());
            }
        }
        if (acc != null && !d.candles().isEmpty()
                && d.candles().get(d.candles().size() - 1).end().getEpochSecond() >= bucket + target) {
            out.add(acc);
        }
        return new Dataset(d.symbol(), Timeframes.label(target), target, out, d.issues(),
                d.source() + " resampled from " + d.timeframe());
    }
}
