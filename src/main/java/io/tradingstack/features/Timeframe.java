package io.tradingstack.features;

import io.tradingstack.model.CandleBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar length written as {@code <n>s|m|h|d} ("1m", "5m", "15m", "1h", "1d"). Bars are aligned as
 * {@link CandleBucket} states: a bar starts at a multiple of its length since 1970-01-01T00:00Z, which
 * for lengths dividing a day gives the usual minute/hour/day boundaries.
 */
public record Timeframe(String label, int seconds) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})([smhd])");

    public Timeframe {
        if (seconds <= 0) {
            throw new IllegalArgumentException("timeframe must be > 0 s");
        }
    }

    public static Timeframe parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim().toLowerCase());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("bad timeframe '" + text + "': expected <n>s|m|h|d, e.g. 1m, 5m, 15m, 1h");
        }
        int n = Integer.parseInt(m.group(1));
        int unit = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> 86400;
        };
        long secs = (long) n * unit;
        if (n == 0 || secs > 7L * 86400) {
            throw new IllegalArgumentException("bad timeframe '" + text + "': must be between 1s and 7d");
        }
        return new Timeframe(n + m.group(2), (int) secs);
    }

    /** The start of the bar containing {@code t}. */
    public Instant bucketStart(Instant t) {
        return Instant.ofEpochSecond(CandleBucket.startOf(t.getEpochSecond(), seconds));
    }

    public long bucketStartSec(long epochSecond) {
        return CandleBucket.startOf(epochSecond, seconds);
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public String toString() {
        return label;
    }
}
