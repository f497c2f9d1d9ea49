package io.tradingstack.market;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the UTC timestamps Coinbase sends ({@code 2024-01-18T21:32:54.368300Z}) without the
 * general-purpose formatter, which costs more than the rest of a tick's validation; any other
 * form goes to {@link Instant#parse}. Returns null for text that is not a timestamp.
 */
final class IsoTime {
    private IsoTime() {
    }

    static Instant parse(String s) {
        int n = s == null ? 0 : s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return slow(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = fraction(s, 19, n - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return slow(s);
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -100;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int fraction(String s, int from, int to) {
        if (from == to) {
            return 0;
        }
        if (s.charAt(from) != '.' || to - from - 1 > 9 || to - from - 1 < 1) {
            return -1;
        }
        int v = digits(s, from + 1, to);
        for (int i = to - from - 1; i < 9; i++) {
            v *= 10;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static Instant slow(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
