package io.tradingstack.features;

import io.tradingstack.model.Candle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the market component's fetch-candles reply into candles. Accepted shapes: a list of
 * {@link Candle}; a JsonArray, or a JsonObject with a {@code candles} (or {@code rows}) array, whose
 * rows are either Coinbase arrays {@code [time_s, low, high, open, close, volume]} or objects
 * with {@code start|time|timestamp} (epoch seconds, epoch millis or ISO-8601) and
 * {@code open, high, low, close, volume}. Rows that do not form a valid candle are skipped.
 */
public final class CandleReplies {
    private CandleReplies() {
    }

    public static List<Candle> parse(Object body, String symbol, int granularitySec) {
        List<Candle> out = new ArrayList<>();
        if (body instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Candle c) {
                    out.add(c);
                } else {
                    addRow(out, o, symbol, granularitySec);
                }
            }
            return out;
        }
        JsonArray rows = null;
        if (body instanceof JsonArray a) {
            rows = a;
        } else if (body instanceof JsonObject o) {
            rows = o.getValue("candles") instanceof JsonArray a ? a : o.getValue("rows") instanceof JsonArray r ? r : null;
            if (o.getValue("granularity") instanceof Number g && g.intValue() > 0) {
                granularitySec = g.intValue();
            }
        }
        if (rows == null) {
            throw new IllegalArgumentException("unrecognised candles reply: " + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        for (Object row : rows) {
            addRow(out, row, symbol, granularitySec);
        }
        return out;
    }

    private static void addRow(List<Candle> out, Object row, String symbol, int granularitySec) {
        try {
            if (row instanceof JsonArray a && a.size() >= 6) {
                out.add(new Candle(symbol, granularitySec, instant(a.getValue(0)), num(a.getValue(3)), num(a.getValue(2)),
                        num(a.getValue(1)), num(a.getValue(4)), num(a.getValue(5))));
            } else if (row instanceof JsonObject o) {
                Object t = o.getValue("start") != null ? o.getValue("start")
                        : o.getValue("time") != null ? o.getValue("time") : o.getValue("timestamp");
                int g = o.getValue("granularitySec") instanceof Number n ? n.intValue() : granularitySec;
                out.add(new Candle(symbol, g, instant(t), num(o.getValue("open")), num(o.getValue("high")),
                        num(o.getValue("low")), num(o.getValue("close")), num(o.getValue("volume"))));
            }
        } catch (RuntimeException invalid) {
            // a malformed or impossible row (e.g. zero price) is skipped; the rest still warms
        }
    }

    private static double num(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(v));
    }

    private static Instant instant(Object v) {
        if (v instanceof Number n) {
            long x = n.longValue();
            return x > 100_000_000_000L ? Instant.ofEpochMilli(x) : Instant.ofEpochSecond(x);
        }
        String s = String.valueOf(v);
        if (s.matches("\\d+(\\.\\d+)?")) {
            return instant((long) Double.parseDouble(s));
        }
        return Instant.parse(s);
    }
}
