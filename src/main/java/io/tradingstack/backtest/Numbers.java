package io.tradingstack.backtest;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing straight from the bytes of a CSV field. Plain decimals with at most 15 significant
 * digits (what exchanges publish) take the exact fast path: the digits form an integer m &lt; 2^53
 * and the value is m / 10^k, one correctly rounded division of two exactly representable doubles,
 * hence the same double as {@link Double#parseDouble} (Clinger's fast path). Anything else (an
 * exponent, more digits, spaces inside, words) goes through {@code Double.parseDouble} itself.
 */
final class Numbers {
    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Numbers() {
    }

    /** The double in {@code b[from, to)}, leading and trailing spaces ignored; throws NumberFormatException. */
    static double parseDouble(byte[] b, int from, int to) {
        int s = trimStart(b, from, to);
        int e = trimEnd(b, s, to);
        boolean negative = s < e && b[s] == '-';
        int i = s < e && (b[s] == '-' || b[s] == '+') ? s + 1 : s;
        long m = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return slow(b, s, e);
                }
                m = m * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return slow(b, s, e);
            }
        }
        if (digits == 0 || m > MAX_EXACT || decimals >= POW10.length) {
            return slow(b, s, e);
        }
        double v = decimals <= 0 ? m : m / POW10[decimals];
        return negative ? -v : v;
    }

    /**
     * The epoch second in {@code b[from, to)}: an integer of seconds or (≥ 1e11) milliseconds takes
     * the fast path; anything else is {@link Timestamps#epochSecond}'s.
     */
    static long epochSecond(byte[] b, int from, int to) {
        int s = trimStart(b, from, to);
        int e = trimEnd(b, s, to);
        long v = 0;
        if (e - s == 0 || e - s > 15) {
            return Timestamps.epochSecond(text(b, from, to));
        }
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return Timestamps.epochSecond(text(b, from, to));
            }
            v = v * 10 + (c - '0');
        }
        return v >= 100_000_000_000L ? v / 1000 : v;
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static double slow(byte[] b, int s, int e) {
        return Double.parseDouble(text(b, s, e));
    }

    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }
}
