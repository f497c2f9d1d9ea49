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

    /**
     * {@code Instant.ofEpochSecond(s).toString()} (ISO-8601, UTC, {@code 2025-01-01T00:32:00Z}) without
     * the formatter machinery: reports write one per fill, trade and curve point.
     */
    static String iso(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(day);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return Instant.ofEpochSecond(epochSecond).toString();
        }
        char[] c = new char[20];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, second / 3600, 2);
        c[13] = ':';
        digits(c, 14, second / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, second % 60, 2);
        c[19] = 'Z';
        return new String(c);
    }

    /** {@code t.toString()}, by {@link #iso(long)} for a whole second. */
    static String iso(Instant t) {
        return t.getNano() == 0 ? iso(t.getEpochSecond()) : t.toString();
    }

    /** The epoch second of {@link #iso(long)}'s form; any other ISO-8601 instant through {@link Instant#parse}. */
    static long isoSecond(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return Instant.parse(s).getEpochSecond();
        }
        int h = number(s, 11, 13);
        int m = number(s, 14, 16);
        int sec = number(s, 17, 19);
        if (h > 23 || m > 59 || sec > 59) {
            return Instant.parse(s).getEpochSecond();
        }
        long day = LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)).toEpochDay();
        return day * 86_400L + h * 3600L + m * 60L + sec;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new DateTimeParseException("not an ISO-8601 instant", s, i);
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
