package io.tradingstack.features;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.Bar;

/**
 * The live feature pipeline of a set of symbols without Vert.x: per symbol and timeframe a
 * {@link CandleAggregator} feeding a {@link FeatureEngine}. Closed bars are held back while a
 * timeframe is warming from history, then the history (bars strictly before the first live bar)
 * is fed first and the held bars after it, so the engine always sees bars in time order.
 * Not thread-safe: one owner (the verticle's event loop).
 */
public final class FeaturesService {
    private final List<Timeframe> timeframes;
    private final Map<String, Map<String, Slot>> slots = new LinkedHashMap<>();

    /** One symbol/timeframe. */
    public static final class Slot {
        final CandleAggregator aggregator;
        final FeatureEngine engine;
        final List<Candle> pending = new ArrayList<>();
        boolean warming = true;
        long firstLiveStartSec = Long.MAX_VALUE;
        int warmBars;

        Slot(String symbol, Timeframe tf, int maxBars, long graceMillis) {
            this.aggregator = new CandleAggregator(symbol, tf, graceMillis);
            this.engine = new FeatureEngine(symbol, tf.label(), maxBars, true);
        }

        public FeatureEngine engine() {
            return engine;
        }

        public CandleAggregator aggregator() {
            return aggregator;
        }

        public boolean warming() {
            return warming;
        }

        public int warmBars() {
            return warmBars;
        }
    }

    public FeaturesService(List<String> symbols, List<Timeframe> timeframes, int maxBars, long graceMillis) {
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeframe is needed");
        }
        this.timeframes = List.copyOf(timeframes);
        for (String s : symbols) {
            Map<String, Slot> bySymbol = new LinkedHashMap<>();
            for (Timeframe tf : timeframes) {
                bySymbol.put(tf.label(), new Slot(s, tf, maxBars, graceMillis));
            }
            slots.put(s, bySymbol);
        }
    }

    public List<String> symbols() {
        return List.copyOf(slots.keySet());
    }

    public List<Timeframe> timeframes() {
        return timeframes;
    }

    /** The timeframe answered when a request names none (the first configured). */
    public Timeframe primary() {
        return timeframes.get(0);
    }

    public Slot slot(String symbol, String timeframe) {
        Map<String, Slot> bySymbol = slots.get(symbol);
        return bySymbol == null ? null : bySymbol.get(timeframe);
    }

    /** Adds a trade; returns the vectors of the bars it closed (warming timeframes return none). */
    public List<FeatureVector> onTrade(String symbol, Instant time, double price, double size) {
        Map<String, Slot> bySymbol = slots.get(symbol);
        if (bySymbol == null) {
            return List.of();
        }
        List<FeatureVector> out = new ArrayList<>(0);
        for (Slot s : bySymbol.values()) {
            Candle closed = s.aggregator.onTrade(time, price, size);
            noteLive(s, time);
            deliver(s, closed, out);
        }
        return out;
    }

    private static void noteLive(Slot s, Instant time) {
        if (s.firstLiveStartSec == Long.MAX_VALUE && s.aggregator.ticks() > 0) {
            s.firstLiveStartSec = s.aggregator.timeframe().bucketStartSec(time.getEpochSecond());
        }
    }

    /** Closes every bar whose end plus grace has passed. */
    public List<FeatureVector> closeDue(Instant now) {
        List<FeatureVector> out = new ArrayList<>(0);
        for (Map<String, Slot> bySymbol : slots.values()) {
            for (Slot s : bySymbol.values()) {
                deliver(s, s.aggregator.closeIfDue(now), out);
            }
        }
        return out;
    }

    private static void deliver(Slot s, Candle closed, List<FeatureVector> out) {
        if (closed == null) {
            return;
        }
        if (s.warming) {
            s.pending.add(closed);
        } else if (s.engine.accept(closed)) {
            out.add(s.engine.latest());
        }
    }

    /**
     * Ends the warm-up of a slot with historical candles (any order; an empty list starts cold).
     * Candles still open at {@code now} and candles at or after the first live bar are skipped.
     *
     * @return the vectors of the held-back live bars, oldest first
     */
    public List<FeatureVector> warm(String symbol, String timeframe, List<Candle> history, Instant now) {
        Slot s = slot(symbol, timeframe);
        if (s == null || !s.warming) {
            return List.of();
        }
        List<Candle> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(Candle::start));
        long nowSec = now.getEpochSecond();
        long lastEnd = Long.MIN_VALUE;
        for (Candle c : sorted) {
            long start = c.start().getEpochSecond();
            if (c.granularitySec() == s.engine.timeframe().seconds() && c.symbol().equals(symbol)
                    && start < s.firstLiveStartSec && start + c.granularitySec() <= nowSec && s.engine.accept(c)) {
                s.warmBars++;
                lastEnd = start + c.granularitySec();
            }
        }
        if (lastEnd != Long.MIN_VALUE) {
            s.aggregator.markClosedBefore(lastEnd);
        }
        s.warming = false;
        List<FeatureVector> out = new ArrayList<>();
        for (Candle c : s.pending) {
            if (s.engine.accept(c)) {
                out.add(s.engine.latest());
            }
        }
        s.pending.clear();
        return out;
    }

    /** The latest vector of a symbol and timeframe, or null. */
    public FeatureVector latest(String symbol, String timeframe) {
        Slot s = slot(symbol, timeframe);
        return s == null ? null : s.engine.latest();
    }

    /** The last {@code limit} closed candles (oldest first) and the open bar; null for an unknown symbol or timeframe. */
    public CandleHistory history(String symbol, String timeframe, int limit) {
        Slot s = slot(symbol, timeframe);
        if (s == null) {
            return null;
        }
        List<Bar> bars = s.engine.series().getBarData();
        List<Candle> out = new ArrayList<>(Math.min(limit, bars.size()));
        int seconds = s.aggregator.timeframe().seconds();
        for (Bar b : bars.subList(Math.max(0, bars.size() - limit), bars.size())) {
            out.add(new Candle(symbol, seconds, b.getBeginTime().toInstant(), b.getOpenPrice().doubleValue(),
                    b.getHighPrice().doubleValue(), b.getLowPrice().doubleValue(), b.getClosePrice().doubleValue(),
                    b.getVolume().doubleValue()));
        }
        return new CandleHistory(symbol, timeframe, out, s.aggregator.openBar());
    }

    /** A copy of the cached bars (oldest first), safe to hand to another thread. */
    public List<Bar> bars(String symbol, String timeframe) {
        Slot s = slot(symbol, timeframe);
        return s == null ? List.of() : new ArrayList<>(s.engine.series().getBarData());
    }
}
