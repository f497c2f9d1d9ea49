package io.tradingstack.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Timestamp parsing: epoch seconds or milliseconds (decimals allowed), or ISO-8601 (UTC if no zone). */
final class Timestamps {
    /** Epoch values above this are milliseconds (1e11 s is the year 5138). */
    private static final double MILLIS_THRESHOLD = 1e11;

    private Timestamps() {
    }

    static long epochSecond(String raw) {
        String s = raw.trim();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) && !s.contains("-") && !s.contains(":"))) {
            double v = Double.parseDouble(s);
            return v >= MILLIS_THRESHOLD ? (long) Math.floor(v / 1000.0) : (long) Math.floor(v);
        }
        return iso(s).getEpochSecond();
    }

    static Instant iso(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("unreadable timestamp '" + s + "'");
                }
            }
        }
    }
}
