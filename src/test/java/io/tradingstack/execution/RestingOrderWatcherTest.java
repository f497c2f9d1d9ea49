package io.tradingstack.execution;

import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The resting-order watcher without Vert.x: a hand-driven clock and timer queue stand in for the event loop. */
class RestingOrderWatcherTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> subscribed = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> signals = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private final RestingOrderWatcher watcher = new RestingOrderWatcher(new RestingOrderWatcher.Effects(
            subscribed::add, asked::add, (id, tick) -> signals.add(id + "@" + tick.ask()),
            (delay, action) -> later.add(action), now::get), 250);

    @Test
    void signalsATouchedOrderAtMostOncePerGapAndRechecksAfterIt() {
        assertEquals(1, watcher.apply(new WatchOrder("o1", "BTC-USD", Side.BUY, new BigDecimal("100"), true)));
        assertEquals(2, watcher.apply(new WatchOrder("o2", "BTC-USD", Side.SELL, new BigDecimal("120"), true)));
        assertEquals(List.of("BTC-USD"), subscribed, "one subscription per symbol");
        assertEquals(List.of("BTC-USD", "BTC-USD"), asked, "each new order is checked against the latest tick at once");

        watcher.onTick(tick("99", "101"));
        watcher.onTick(tick("100", "102"));
        assertEquals(List.of(), signals, "neither limit touched");

        watcher.onTick(tick("99", "100"));
        assertEquals(List.of("o1@100"), signals, "the buy at 100 is touched by an ask of 100");
        now.addAndGet(100);
        watcher.onTick(tick("98", "99.5"));
        watcher.onTick(tick("98", "99"));
        assertEquals(1, signals.size(), "within the gap: deferred, not sent");
        assertEquals(1, later.size(), "one deferred re-check, however many ticks");

        now.addAndGet(150);
        later.remove(0).run();
        assertEquals(List.of("o1@100", "o1@99"), signals, "after the gap, signalled with the latest tick");
    }

    @Test
    void anUnwatchedOrderIsNotSignalled() {
        watcher.apply(new WatchOrder("o1", "ETH-USD", Side.SELL, new BigDecimal("2000"), true));
        assertEquals(0, watcher.apply(new WatchOrder("o1", "ETH-USD", Side.SELL, new BigDecimal("2000"), false)));
        watcher.onTick(new Tick("ETH-USD", new BigDecimal("2001"), new BigDecimal("2001"), new BigDecimal("2002"),
                BigDecimal.ONE, Instant.now(), 1, 1L, null));
        assertEquals(List.of(), signals);
        assertEquals(List.of(), watcher.resting());
    }

    private static Tick tick(String bid, String ask) {
        BigDecimal b = new BigDecimal(bid);
        return new Tick("BTC-USD", b, b, new BigDecimal(ask), BigDecimal.ONE, Instant.now(), 1, null, null);
    }
}
