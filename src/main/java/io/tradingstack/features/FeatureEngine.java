package io.tradingstack.features;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ta4j.core.BarSeries;

/**
 * Streaming feature computation for one symbol and timeframe, shared by live trading and the
 * backtester. Every indicator is updated in O(1) per closed bar with primitive state (running
 * sums, seeded exponential averages, monotonic deques); the {@link FeatureVector} is only built
 * when asked for, so {@link #accept(Candle)} allocates nothing on the hot path. Optionally the
 * engine also keeps a bounded ta4j {@link BarSeries} for the metrics catalogue.
 *
 * <p>Bars must arrive in increasing start order; a bar whose start is not after the last accepted
 * one is ignored (counted in {@link #rejected()}) because streaming state cannot be rewound.
 * Not thread-safe: one owner (an event loop or a backtest thread).
 *
 * <p>An engine built for a subset of {@link Feature}s updates only the indicators of that subset
 * (and what they depend on) with the same code and the same state as the full engine, so the
 * values it computes are identical; reading a feature outside the subset, or the whole vector,
 * throws {@link IllegalStateException} rather than return a stale value.
 *
 * <p>The engine is deterministic: a vector's {@code barTime} is the bar start, {@code computedAt}
 * the bar close and {@code ageSeconds} 0; the live service restamps them with wall-clock time
 * when it publishes or serves a vector ({@link #restamp(FeatureVector, Instant)}).
 */
public final class FeatureEngine {
    private static final int RET_WINDOW = 61;

    private final String symbol;
    private final Timeframe timeframe;
    private final int maxBars;
    private final BarSeries series;
    private final Set<Feature> computed;
    private final boolean full;
    private final boolean doCloses;
    private final boolean doSma20;
    private final boolean doSma50;
    private final boolean doVolume20;
    private final boolean doLogReturns;
    private final boolean doHighLow;
    private final boolean doEma12;
    private final boolean doEma26;
    private final boolean doMacd;
    private final boolean doRsi;
    private final boolean doAtr;
    private final boolean doVwap;

    private final RollingWindow closes = new RollingWindow(RET_WINDOW);
    private final RollingWindow sma20 = new RollingWindow(20);
    private final RollingWindow sma50 = new RollingWindow(50);
    private final RollingWindow volume20 = new RollingWindow(20);
    private final RollingWindow logReturns20 = new RollingWindow(20);
    private final RollingExtreme high20 = new RollingExtreme(20, true);
    private final RollingExtreme low20 = new RollingExtreme(20, false);
    private final Ema ema12 = Ema.ema(12);
    private final Ema ema26 = Ema.ema(26);
    private final Ema macdSignal = Ema.ema(9);
    private final Ema avgGain = Ema.wilder(14);
    private final Ema avgLoss = Ema.wilder(14);
    private final Ema atr = Ema.wilder(14);

    private long count;
    private long rejected;
    private long lastStartSec = Long.MIN_VALUE;
    private int granularitySec;
    private double prevClose = Double.NaN;
    private double lastVolume;
    private long vwapDay = Long.MIN_VALUE;
    private double vwapPv;
    private double vwapVol;
    private FeatureVector cached;

    public FeatureEngine(String symbol, String timeframe, int maxBars) {
        this(symbol, timeframe, maxBars, true);
    }

    /**
     * @param keepSeries whether to maintain the bounded ta4j series (the catalogue needs it; the
     *                   backtest hot path does not)
     */
    public FeatureEngine(String symbol, String timeframe, int maxBars, boolean keepSeries) {
        this(symbol, timeframe, maxBars, keepSeries, SeriesFactory.NumKind.DOUBLE);
    }

    /** @param numKind the ta4j number type of the kept series (the benchmark compares both) */
    public FeatureEngine(String symbol, String timeframe, int maxBars, boolean keepSeries, SeriesFactory.NumKind numKind) {
        this(symbol, timeframe, maxBars, keepSeries, numKind, Feature.all());
    }

    /**
     * An engine without a series that keeps only {@code features} current (the backtester builds
     * one per series from its strategy's {@code requiredFeatures()}).
     */
    public static FeatureEngine of(String symbol, String timeframe, int maxBars, Set<Feature> features) {
        return new FeatureEngine(symbol, timeframe, maxBars, false, SeriesFactory.NumKind.DOUBLE, features);
    }

    private FeatureEngine(String symbol, String timeframe, int maxBars, boolean keepSeries,
                          SeriesFactory.NumKind numKind, Set<Feature> features) {
        this.computed = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
        this.full = computed.size() == Feature.values().length;
        this.doCloses = computed.contains(Feature.RETURNS);
        this.doSma20 = computed.contains(Feature.SMA20) || computed.contains(Feature.BOLLINGER);
        this.doSma50 = computed.contains(Feature.SMA50);
        this.doVolume20 = computed.contains(Feature.VOLUME_MULTIPLE);
        this.doLogReturns = computed.contains(Feature.REALIZED_VOL);
        this.doHighLow = computed.contains(Feature.ROLLING_HIGH_LOW);
        this.doMacd = computed.contains(Feature.MACD);
        this.doEma12 = doMacd || computed.contains(Feature.EMA12);
        this.doEma26 = doMacd || computed.contains(Feature.EMA26);
        this.doRsi = computed.contains(Feature.RSI14);
        this.doAtr = computed.contains(Feature.ATR14);
        this.doVwap = computed.contains(Feature.VWAP);
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.timeframe = Timeframe.parse(timeframe);
        if (maxBars <= 0) {
            throw new IllegalArgumentException("maxBars must be > 0");
        }
        this.maxBars = maxBars;
        this.series = keepSeries
                ? SeriesFactory.newSeries(symbol + ":" + this.timeframe.label(), maxBars, numKind)
                : null;
    }

    /** Feeds one closed bar and returns the vector at its close (or the unchanged latest if rejected). */
    public FeatureVector onCandle(Candle closed) {
        accept(closed);
        return latest();
    }

    /**
     * Feeds one closed bar without building a vector.
     *
     * @return false if the bar was ignored because it is not after the last accepted bar
     */
    public boolean accept(Candle c) {
        if (!symbol.equals(c.symbol())) {
            throw new IllegalArgumentException("candle of " + c.symbol() + " fed to the engine of " + symbol);
        }
        if (c.granularitySec() != timeframe.seconds()) {
            throw new IllegalArgumentException("candle of " + c.granularitySec() + " s fed to a " + timeframe + " engine");
        }
        long start = c.start().getEpochSecond();
        if (start <= lastStartSec) {
            rejected++;
            return false;
        }
        lastStartSec = start;
        granularitySec = c.granularitySec();
        update(start, c.high(), c.low(), c.close(), c.volume());
        if (series != null) {
            SeriesFactory.append(series, c);
        }
        cached = null;
        return true;
    }

    private void update(long startSec, double high, double low, double close, double volume) {
        count++;
        if (full) {
            updateAll(startSec, high, low, close, volume);
        } else {
            updateSome(startSec, high, low, close, volume);
        }
        prevClose = close;
        lastVolume = volume;
    }

    private void updateAll(long startSec, double high, double low, double close, double volume) {
        closes.add(close);
        sma20.add(close);
        sma50.add(close);
        volume20.add(volume);
        high20.add(high);
        low20.add(low);
        double e12 = ema12.add(close);
        double e26 = ema26.add(close);
        if (ema26.defined()) {
            macdSignal.add(e12 - e26);
        }
        if (!Double.isNaN(prevClose)) {
            updateGainLoss(close);
            logReturns20.add(Math.log(close / prevClose));
        }
        atr.add(trueRange(high, low));
        updateVwap(startSec, (high + low + close) / 3.0, volume);
    }

    /** The same updates as {@link #updateAll}, each only when a computed feature needs it. */
    private void updateSome(long startSec, double high, double low, double close, double volume) {
        if (doCloses) {
            closes.add(close);
        }
        if (doSma20) {
            sma20.add(close);
        }
        if (doSma50) {
            sma50.add(close);
        }
        if (doVolume20) {
            volume20.add(volume);
        }
        if (doHighLow) {
            high20.add(high);
            low20.add(low);
        }
        double e12 = doEma12 ? ema12.add(close) : Double.NaN;
        double e26 = doEma26 ? ema26.add(close) : Double.NaN;
        if (doMacd && ema26.defined()) {
            macdSignal.add(e12 - e26);
        }
        if (!Double.isNaN(prevClose)) {
            if (doRsi) {
                updateGainLoss(close);
            }
            if (doLogReturns) {
                logReturns20.add(Math.log(close / prevClose));
            }
        }
        if (doAtr) {
            atr.add(trueRange(high, low));
        }
        if (doVwap) {
            updateVwap(startSec, (high + low + close) / 3.0, volume);
        }
    }

    /** Wilder's true range; the first bar (no previous close) is its high − low. */
    private double trueRange(double high, double low) {
        double tr = high - low;
        if (!Double.isNaN(prevClose)) {
            tr = Math.max(tr, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
        }
        return tr;
    }

    private void updateGainLoss(double close) {
        double change = close - prevClose;
        avgGain.add(change > 0 ? change : 0);
        avgLoss.add(change < 0 ? -change : 0);
    }

    /** Session VWAP anchored at 00:00 UTC of the bar's start, on the typical price. */
    private void updateVwap(long startSec, double typical, double volume) {
        long day = Math.floorDiv(startSec, 86400L);
        if (day != vwapDay) {
            vwapDay = day;
            vwapPv = 0;
            vwapVol = 0;
        }
        vwapPv += typical * volume;
        vwapVol += volume;
    }

    /** The vector at the last accepted close, or null before the first bar. */
    public FeatureVector latest() {
        if (!full) {
            throw new IllegalStateException("this engine computes only " + computed + ", not the whole vector");
        }
        if (count == 0) {
            return null;
        }
        if (cached == null) {
            cached = build();
        }
        return cached;
    }

    private FeatureVector build() {
        Instant barTime = Instant.ofEpochSecond(lastStartSec);
        Instant closeTime = Instant.ofEpochSecond(lastStartSec + granularitySec);
        double last = closes.back(0);
        Double mid = sma20.full() ? sma20.mean() : null;
        Double upper = null;
        Double lower = null;
        Double pctB = null;
        if (mid != null) {
            double sd = Math.sqrt(sma20.variance());
            upper = mid + 2 * sd;
            lower = mid - 2 * sd;
            pctB = upper > lower ? (last - lower) / (upper - lower) : null;
        }
        Double macd = ema26.defined() ? ema12.value() - ema26.value() : null;
        Double signal = macdSignal.defined() ? macdSignal.value() : null;
        return new FeatureVector(symbol, timeframe.label(), barTime, closeTime, count, last,
                ret(1), ret(5), ret(15), ret(60),
                high20.full() ? high20.value() : null, low20.full() ? low20.value() : null,
                opt(atr), rsi(), opt(ema12), opt(ema26),
                mid, sma50.full() ? sma50.mean() : null,
                upper, mid, lower, pctB,
                macd, signal, macd != null && signal != null ? macd - signal : null,
                volumeMultiple(), logReturns20.full() ? Math.sqrt(logReturns20.variance()) : null,
                vwapVol > 0 ? vwapPv / vwapVol : null, 0.0);
    }

    private Double ret(int k) {
        return closes.size() > k ? closes.back(0) / closes.back(k) - 1.0 : null;
    }

    private static Double opt(Ema e) {
        return e.defined() ? e.value() : null;
    }

    /**
     * Wilder RSI; 100 when there were no losses, 0 when there were no gains (reference design).
     * With neither (a flat window) it is 50: ta4j answers 0 there, which a strategy would
     * read as deeply oversold although nothing moved.
     */
    private Double rsi() {
        double v = rsi14();
        return Double.isNaN(v) ? null : v;
    }

    private Double volumeMultiple() {
        if (!volume20.full()) {
            return null;
        }
        double mean = volume20.mean();
        return mean > 0 ? lastVolume / mean : null;
    }

    /*
     * Primitive reads of the latest close, for hot loops (the backtester's strategies) that need a
     * few values per bar: no vector, no boxing. NaN where the vector would hold null (warm-up).
     */

    /** EMA12 at the last accepted close, NaN during warm-up. */
    public double ema12() {
        require(doEma12, Feature.EMA12);
        return ema12.defined() ? ema12.value() : Double.NaN;
    }

    /** EMA26 at the last accepted close, NaN during warm-up. */
    public double ema26() {
        require(doEma26, Feature.EMA26);
        return ema26.defined() ? ema26.value() : Double.NaN;
    }

    /** Wilder ATR14 at the last accepted close, NaN during warm-up. */
    public double atr14() {
        require(doAtr, Feature.ATR14);
        return atr.defined() ? atr.value() : Double.NaN;
    }

    /**
     * Wilder RSI14 at the last accepted close, NaN during warm-up (see {@link #rsi()} for the edge
     * values; the vector's field is this value, boxed).
     */
    public double rsi14() {
        require(doRsi, Feature.RSI14);
        if (!avgLoss.defined()) {
            return Double.NaN;
        }
        double loss = avgLoss.value();
        double gain = avgGain.value();
        if (loss == 0 && gain == 0) {
            return 50.0;
        }
        if (loss == 0) {
            return 100.0;
        }
        if (gain == 0) {
            return 0.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    private void require(boolean kept, Feature f) {
        if (!kept) {
            throw new IllegalStateException("this engine does not compute " + f + " (it computes " + computed + ")");
        }
    }

    /** The features this engine keeps current (all of them unless built with {@link #of}). */
    public Set<Feature> computed() {
        return EnumSet.copyOf(computed);
    }

    /** A copy of {@code v} computed at {@code now}, aged from its bar's close. */
    public static FeatureVector restamp(FeatureVector v, Instant now) {
        long closeSec = v.barTime().getEpochSecond() + Timeframe.parse(v.timeframe()).seconds();
        double age = Math.max(0, (now.toEpochMilli() - closeSec * 1000L) / 1000.0);
        return new FeatureVector(v.symbol(), v.timeframe(), v.barTime(), now, v.bars(), v.lastPrice(),
                v.return1(), v.return5(), v.return15(), v.return60(), v.rollingHigh20(), v.rollingLow20(),
                v.atr14(), v.rsi14(), v.ema12(), v.ema26(), v.sma20(), v.sma50(),
                v.bbUpper(), v.bbMiddle(), v.bbLower(), v.bbPercentB(),
                v.macd(), v.macdSignal(), v.macdHistogram(), v.volumeMultiple20(), v.realizedVol20(), v.vwap(), age);
    }

    /** Bars accepted so far (saturating). */
    public int bars() {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** Bars ignored because they were not after the last accepted bar. */
    public long rejected() {
        return rejected;
    }

    public String symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int maxBars() {
        return maxBars;
    }

    /** The bounded ta4j series, or null when the engine was built without one. */
    public BarSeries series() {
        return series;
    }
}
