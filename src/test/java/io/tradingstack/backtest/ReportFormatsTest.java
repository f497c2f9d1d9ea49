package io.tradingstack.backtest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report's own number and time formatting (written for speed: a year of minutes formats tens of
 * thousands of figures) gives exactly what {@code String.format} and {@code Instant} give.
 */
class ReportFormatsTest {

    @Test
    void fixedDecimalsAreStringFormatsText() {
        SplittableRandom random = new SplittableRandom(15);
        double[] edges = {0, -0.0, 0.005, -0.005, 0.015, 0.125, -0.125, 1.005, 999.995, 999_999.995, 1e7, 123_456_789.125,
                -1234.5, 2.675, 1e-9, -1e-9, 1e15, 0.045, 1.0E-5, 9.995, -9.995};
        for (double v : edges) {
            same(v);
        }
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-6, 12));
            double v = (random.nextDouble() - 0.4) * magnitude;
            same(v);
            same(Math.round(v * 1000) / 1000.0);
        }
        assertEquals(String.format(Locale.ROOT, "%,.2f", Double.NaN), Formats.fixed(Double.NaN, 2, true, false));
    }

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%,.2f", v), Formats.fixed(v, 2, true, false), "grouped " + v);
        assertEquals(String.format(Locale.ROOT, "%.2f", v), Formats.fixed(v, 2, false, false), "plain " + v);
        assertEquals(String.format(Locale.ROOT, "%+.2f %%", v * 100), Formats.percent(v), "percent " + v);
        assertEquals(String.format(Locale.ROOT, "%,.4f", v), Formats.decimals(v, 4), "4 places " + v);
        BigDecimal exact = BigDecimal.valueOf(v);
        assertEquals(String.format(Locale.ROOT, "%,.2f", exact.setScale(2, java.math.RoundingMode.HALF_EVEN)),
                Formats.decimals(exact, 2), "BigDecimal " + exact);
    }

    @Test
    void isoSecondsAreInstantsText() {
        SplittableRandom random = new SplittableRandom(16);
        long[] edges = {0, -1, 86_399, 86_400, 951_782_400L, 253_402_300_799L, 253_402_300_800L, -62_167_219_200L,
                -62_167_219_201L, 1_735_689_600L};
        for (long s : edges) {
            assertEquals(Instant.ofEpochSecond(s).toString(), Timestamps.iso(s), "second " + s);
        }
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            String text = Instant.ofEpochSecond(s).toString();
            assertEquals(text, Timestamps.iso(s), "second " + s);
            assertEquals(Instant.parse(text).getEpochSecond(), Timestamps.isoSecond(text), text);
        }
        assertEquals("2025-01-01T00:00:00.500Z", Timestamps.iso(Instant.ofEpochSecond(1_735_689_600L, 500_000_000)));
        assertEquals(1_735_689_600L, Timestamps.isoSecond("2025-01-01T00:00:00.500Z"));
    }
}
