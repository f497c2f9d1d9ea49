package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns recorded 1-minute candles into trades, deterministically: one trade per second of the
 * candle (60 per candle), priced along open → first extreme → second extreme → close (low first
 * on an up candle, high first on a down candle), sizes splitting the candle volume with fixed
 * pseudo-random weights. Same input, same trades, on every run.
 */
public final class TradeSynthesizer {
    public static final int TRADES_PER_CANDLE = ReplaySeries.MINUTE;
    public static final long TRADE_ID_BASE = 100_000_000L;
    public static final long SEQUENCE_BASE = 5_000_000_000L;
    /** Coinbase's quote increment for BTC-USD and ETH-USD. */
    private static final BigDecimal INCREMENT = new BigDecimal("0.01");
    private static final BigDecimal MIN_SIZE = new BigDecimal("0.00000001");
    private static final int[] ANCHORS = {0, 20, 40, TRADES_PER_CANDLE - 1};

    private final ReplaySeries series;
    private final ReplayTimeline timeline;

    public TradeSynthesizer(ReplaySeries series, ReplayTimeline timeline) {
        this.series = series;
        this.timeline = timeline;
    }

    public ReplaySeries series() {
        return series;
    }

    /** The trade emitted at a step of the timeline; null when the timeline has ended. */
    public SyntheticTrade trade(long step) {
        long position = timeline.position(step);
        if (position < 0) {
            return null;
        }
        int minute = (int) (position / TRADES_PER_CANDLE);
        int second = (int) (position % TRADES_PER_CANDLE);
        BigDecimal price = price(minute, second);
        String taker = price.compareTo(second == 0 ? previousClose(minute) : price(minute, second - 1)) >= 0 ? "buy" : "sell";
        BigDecimal bid = "buy".equals(taker) ? price.subtract(INCREMENT) : price;
        BigDecimal ask = "buy".equals(taker) ? price : price.add(INCREMENT);
        return new SyntheticTrade(series.product(), step, TRADE_ID_BASE + step, SEQUENCE_BASE + step, price,
                size(minute, second), taker, bid, ask, series.time(minute) + second);
    }

    BigDecimal price(int minute, int second) {
        double[] values = anchorValues(minute);
        int k = 0;
        while (second > ANCHORS[k + 1]) {
            k++;
        }
        double span = ANCHORS[k + 1] - ANCHORS[k];
        double v = values[k] + (values[k + 1] - values[k]) * (second - ANCHORS[k]) / span;
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).max(INCREMENT);
    }

    private double[] anchorValues(int minute) {
        double open = series.open(minute);
        double close = series.close(minute);
        boolean up = close >= open;
        double first = up ? series.low(minute) : series.high(minute);
        double second = up ? series.high(minute) : series.low(minute);
        return new double[]{open, first, second, close};
    }

    private BigDecimal previousClose(int minute) {
        double prev = minute == 0 ? series.open(0) : series.close(minute - 1);
        return BigDecimal.valueOf(prev).setScale(2, RoundingMode.HALF_EVEN);
    }

    BigDecimal size(int minute, int second) {
        long salt = series.time(minute);
        double total = 0;
        for (int i = 0; i < TRADES_PER_CANDLE; i++) {
            total += weight(salt, i);
        }
        double v = series.volume(minute) * weight(salt, second) / total;
        return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_UP).max(MIN_SIZE);
    }

    /** A weight in [0.5, 1.5) from a fixed mix of the candle time and the second (SplitMix64). */
    private static double weight(long salt, int second) {
        long z = salt * 61 + second + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return 0.5 + (z >>> 11) / (double) (1L << 53);
    }
}
