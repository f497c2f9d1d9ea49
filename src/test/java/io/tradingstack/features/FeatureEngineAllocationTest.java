package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingstack.model.Candle;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtest hot path ({@code accept} without a series) allocates nothing per bar: the bytes
 * allocated by this thread over 60,000 real bars stay below a small constant (the engine itself).
 */
class FeatureEngineAllocationTest {

    @Test
    void acceptDoesNotAllocatePerBar() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Candle> candles = MarketFiles.btc1m().subList(0, 60_000);
        for (int warm = 0; warm < 3; warm++) {
            feed(candles);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        feed(candles);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for 60,000 bars");
    }

    private static void feed(List<Candle> candles) {
        FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 1000, false);
        for (int i = 0; i < candles.size(); i++) {
            e.accept(candles.get(i));
        }
    }
}
