package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replay exchange's state without any I/O: the products, the step counter, the trades emitted
 * so far, and the mapping of recorded candle times onto the wall clock (a fixed shift taken at
 * start, whole minutes, so that replay at speed 1 looks live). Confined to one event loop.
 */
public final class ReplayMarket {
    /** Replay begins one day into the data so one day of REST history precedes "now". */
    public static final int HISTORY_MINUTES = 24 * 60;
    private final Map<String, TradeSynthesizer> products = new LinkedHashMap<>();
    private final ReplayTimeline timeline;
    private final Clock clock;
    private final long shiftSeconds;
    private long emitted;

    public ReplayMarket(List<ReplaySeries> series, boolean loop, Clock clock) {
        int minutes = series.get(0).size();
        for (ReplaySeries s : series) {
            if (s.size() != minutes || s.time(0) != series.get(0).time(0)) {
                throw new IllegalArgumentException("replay series must share their timestamps");
            }
        }
        this.timeline = new ReplayTimeline(minutes, Math.min(HISTORY_MINUTES, minutes - 1), loop);
        series.forEach(s -> products.put(s.product(), new TradeSynthesizer(s, timeline)));
        this.clock = clock;
        long wallMinute = Math.floorDiv(clock.instant().getEpochSecond(), 60) * 60;
        this.shiftSeconds = wallMinute - series.get(0).time(timeline.startMinute());
    }

    public static ReplayMarket bundled(List<String> products, boolean loop, Clock clock) {
        return new ReplayMarket(products.stream().map(ReplaySeries::load).toList(), loop, clock);
    }

    public Set<String> products() {
        return products.keySet();
    }

    public boolean knows(String product) {
        return products.containsKey(product);
    }

    public TradeSynthesizer synthesizer(String product) {
        return products.get(product);
    }

    public Clock clock() {
        return clock;
    }

    /** Seconds added to a recorded time to place it on the wall clock. */
    public long shiftSeconds() {
        return shiftSeconds;
    }

    public long emitted() {
        return emitted;
    }

    public boolean ended() {
        return timeline.ended(emitted);
    }

    /** Advances one step: the next trade of every product, or an empty list once the replay has ended. */
    public List<SyntheticTrade> next() {
        List<SyntheticTrade> out = new ArrayList<>(products.size());
        if (timeline.ended(emitted)) {
            return out;
        }
        for (TradeSynthesizer s : products.values()) {
            out.add(s.trade(emitted));
        }
        emitted++;
        return out;
    }

    /** The most recent emitted trade of a product, or the first one due if nothing was emitted yet. */
    public SyntheticTrade lastTrade(String product) {
        long step = Math.max(0, emitted - 1);
        SyntheticTrade t = products.get(product).trade(step);
        return t != null ? t : products.get(product).trade(timeline.stepsPerPass() - 1);
    }

    /** An already emitted trade by id, or null. */
    public SyntheticTrade trade(String product, long tradeId) {
        long step = tradeId - TradeSynthesizer.TRADE_ID_BASE;
        return step < 0 || step >= emitted ? null : products.get(product).trade(step);
    }

    public long firstTradeId() {
        return TradeSynthesizer.TRADE_ID_BASE;
    }

    public long lastTradeId() {
        return TradeSynthesizer.TRADE_ID_BASE + emitted - 1;
    }
}
