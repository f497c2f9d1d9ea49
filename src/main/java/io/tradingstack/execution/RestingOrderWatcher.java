package io.tradingstack.execution;

import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches resting limit orders: on every tick of a watched symbol, an order the book touches is
 * signalled, at most once per {@code gapMs} (a fill takes a few round trips anyway); a touch within
 * the gap is re-checked with the latest tick once the gap has passed. Plain: the bus, timers and
 * Temporal are behind {@link Effects}. Single-threaded (the verticle's context).
 */
final class RestingOrderWatcher {
    /**
     * What the watcher asks of the world: start receiving a symbol's ticks (once per symbol), ask a
     * symbol's latest tick now (answered through {@link #onTick}), signal an order's workflow, run
     * something later, read the time.
     */
    record Effects(Consumer<String> subscribe, Consumer<String> askLatest, BiConsumer<String, Tick> signal,
                   BiConsumer<Long, Runnable> later, LongSupplier nowMs) {
    }

    record Watched(String orderId, String symbol, Side side, BigDecimal limit) {
    }

    private final Effects effects;
    private final long gapMs;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Set<String> subscribed = new HashSet<>();
    private final Map<String, Long> lastSignal = new HashMap<>();
    private final Map<String, Tick> latest = new HashMap<>();
    private final Set<String> deferred = new HashSet<>();

    RestingOrderWatcher(Effects effects, long gapMs) {
        this.effects = effects;
        this.gapMs = gapMs;
    }

    /** Applies a watch or unwatch request; answers how many orders are watched. */
    int apply(WatchOrder request) {
        Watched w = new Watched(request.orderId(), request.symbol(), request.side(), request.limitPrice());
        if (request.watch()) {
            add(w);
        } else {
            watched.remove(w.orderId());
            lastSignal.remove(w.orderId());
        }
        return watched.size();
    }

    /** Watches an order and checks it at once: the market may have touched it while it was being placed. */
    void add(Watched w) {
        watched.put(w.orderId(), w);
        if (subscribed.add(w.symbol())) {
            effects.subscribe().accept(w.symbol());
        }
        effects.askLatest().accept(w.symbol());
    }

    List<String> resting() {
        return watched.keySet().stream().sorted().toList();
    }

    void onTick(Tick tick) {
        latest.put(tick.symbol(), tick);
        for (Watched w : watched.values()) {
            if (w.symbol().equals(tick.symbol()) && PaperFillModel.touches(w.side(), w.limit(), tick.bid(), tick.ask())) {
                signalSoon(w);
            }
        }
    }

    /** Signals a touch now, or once the gap has passed (with the latest tick then) if one was just sent. */
    private void signalSoon(Watched w) {
        long wait = lastSignal.getOrDefault(w.orderId(), 0L) + gapMs - effects.nowMs().getAsLong();
        if (wait > 0) {
            if (deferred.add(w.orderId())) {
                effects.later().accept(wait, () -> {
                    deferred.remove(w.orderId());
                    Tick t = latest.get(w.symbol());
                    if (watched.containsKey(w.orderId()) && PaperFillModel.touches(w.side(), w.limit(), t.bid(), t.ask())) {
                        signalSoon(w);
                    }
                });
            }
            return;
        }
        lastSignal.put(w.orderId(), effects.nowMs().getAsLong());
        effects.signal().accept(w.orderId(), latest.get(w.symbol()));
    }
}
