package io.tradingstack.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflatingBufferTest {
    @Test
    void keepsTheNewestMessagePerSymbol() {
        ConflatingBuffer b = new ConflatingBuffer();
        for (int i = 0; i < 1000; i++) {
            b.offer("BTC-USD", "btc" + i);
            b.offer("ETH-USD", "eth" + i);
        }
        assertEquals(2, b.size(), "bounded by the number of symbols");
        assertEquals(1998, b.conflated());
        assertEquals(List.of("btc999", "eth999"), b.drain());
        assertTrue(b.isEmpty());
    }
}
