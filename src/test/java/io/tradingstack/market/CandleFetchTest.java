package io.tradingstack.market;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.RecordCodec;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetch-candles body: refused where it is built with the endpoint's code, and unchanged across the wire. */
class CandleFetchTest {
    private static final Instant END = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void badRequestsAreRefusedWithTheMarketCode() {
        CodedException symbol = assertThrows(CodedException.class, () -> CandleFetch.of("btc", 60, END.minusSeconds(600), END));
        assertEquals(ErrorCode.MARKET_BAD_REQUEST, symbol.code());
        assertEquals("symbol must be a product id like BTC-USD", symbol.getMessage());
        CodedException time = assertThrows(CodedException.class,
                () -> CandleFetch.parse("BTC-USD", 60, "yesterday", END.toString(), false));
        assertEquals(ErrorCode.MARKET_BAD_REQUEST, time.code());
        assertTrue(time.getMessage().contains("yesterday"), time.getMessage());
        assertEquals(ErrorCode.MARKET_BAD_REQUEST,
                assertThrows(CodedException.class, () -> CandleFetch.parse("BTC-USD", 60, null, END.toString(), true)).code());
    }

    @Test
    void travelsTheWireUnchanged() {
        CandleFetch sent = CandleFetch.parse("ETH-USD", 300, END.minusSeconds(3600).toString(), END.toString(), false);
        RecordCodec<CandleFetch> codec = new RecordCodec<>(CandleFetch.class);
        Buffer wire = Buffer.buffer();
        codec.encodeToWire(wire, sent);
        CandleFetch received = codec.decodeFromWire(0, wire);
        assertEquals(sent, received);
        assertFalse(received.includeCandles());
    }
}
