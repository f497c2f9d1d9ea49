package io.tradingstack.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IsoTimeTest {
    @Test
    void agreesWithInstantParse() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L), r.nextInt(1_000_000_000));
            assertEquals(t, IsoTime.parse(t.toString()));
            Instant whole = Instant.ofEpochSecond(t.getEpochSecond());
            assertEquals(whole, IsoTime.parse(whole.toString()));
        }
        assertEquals(Instant.parse("2024-01-18T21:32:54.368300Z"), IsoTime.parse("2024-01-18T21:32:54.368300Z"));
        assertEquals(Instant.parse("2024-02-29T00:00:00.1Z"), IsoTime.parse("2024-02-29T00:00:00.1Z"));
        assertEquals(Instant.parse("2024-01-18T21:32:54+01:00"), IsoTime.parse("2024-01-18T21:32:54+01:00"));
        assertNull(IsoTime.parse("2024-13-18T21:32:54Z"));
        assertNull(IsoTime.parse("2024-01-18T21:32:5xZ"));
        assertNull(IsoTime.parse("yesterday"));
    }
}
