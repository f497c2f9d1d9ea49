package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inline SVG line charts of report.json's curves (the downsampled ones, which keep each bucket's
 * extremes and the drawdown's peak and trough). Points are placed by time; when several fall in one
 * pixel column the column shows their min and max, so spikes stay visible. Several series share one
 * scale (the strategy beside its buy-and-hold benchmark); markers (fills) are drawn over a price line.
 * The SVG scales to the page's width (viewBox), so a report fits a laptop screen.
 */
final class Charts {
    private static final int W = 960;
    private static final int H = 260;
    private static final int PAD = 48;
    /** Markers drawn at most; the fills table and report.json have every fill. */
    static final int MAX_MARKERS = 1500;

    /** One line: values at the chart's times (null = no value there). */
    record Series(String name, String color, Double[] values) {
    }

    /** A fill drawn over the price line: a buy points up, a sell down. */
    record Marker(long epochSecond, double price, boolean buy) {
    }

    private final long[] times;

    private Charts(long[] times) {
        this.times = times;
    }

    /** The chart's time axis, from report.json points ({@code time}). */
    static Charts over(List<Map<String, Object>> points) {
        long[] t = new long[points.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Timestamps.isoSecond((String) points.get(i).get("time"));
        }
        return new Charts(t);
    }

    /** Values of {@code key} of each point, as doubles (null stays null). */
    static Double[] values(List<Map<String, Object>> points, String key) {
        Double[] v = new Double[points.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(points.get(i).get(key));
        }
        return v;
    }

    static Double[] values(List<Object> raw) {
        Double[] v = new Double[raw.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(raw.get(i));
        }
        return v;
    }

    private static Double number(Object o) {
        return o instanceof BigDecimal b ? b.doubleValue() : o instanceof Number n ? n.doubleValue() : null;
    }

    /** Drawdown in percent below the running peak of {@code equity}. */
    static Double[] drawdown(Double[] equity) {
        Double[] v = new Double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (equity[i] == null) {
                continue;
            }
            peak = Math.max(peak, equity[i]);
            v[i] = peak > 0 ? -(peak - equity[i]) / peak * 100.0 : 0;
        }
        return v;
    }

    String lines(List<Series> series, boolean percent) {
        return chart(series, List.of(), percent);
    }

    String priceWithMarkers(Series price, List<Marker> markers) {
        return chart(List.of(price), markers, false);
    }

    private String chart(List<Series> series, List<Marker> markers, boolean percent) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Double x : s.values()) {
                if (x != null) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        for (Marker m : markers) {
            lo = Math.min(lo, m.price());
            hi = Math.max(hi, m.price());
        }
        if (!(hi >= lo)) {
            return "<p>no data</p>";
        }
        if (hi - lo < 1e-12) {
            hi = lo + 1;
        }
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + W + " " + H
                + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">");
        for (Series one : series) {
            polyline(s, one, lo, hi);
        }
        int step = Math.max(1, (markers.size() + MAX_MARKERS - 1) / MAX_MARKERS);
        for (int i = 0; i < markers.size(); i += step) {
            marker(s, markers.get(i), lo, hi);
        }
        label(s, 4, PAD - 4, fmt(hi, percent));
        label(s, 4, H - PAD + 12, fmt(lo, percent));
        if (times.length > 0) {
            label(s, PAD, H - 8, Timestamps.iso(times[0]));
            label(s, W - PAD - 150, H - 8, Timestamps.iso(times[times.length - 1]));
        }
        int x = W - PAD - 10;
        for (int i = series.size() - 1; i >= 0 && series.size() > 1; i--) {
            String name = series.get(i).name();
            x -= 8 * name.length() + 24;
            s.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"14\" height=\"3\" fill=\"").append(series.get(i).color())
                    .append("\"/>");
            label(s, x + 18, 14, name);
        }
        return s.append("</svg>").toString();
    }

    private void polyline(StringBuilder s, Series series, double lo, double hi) {
        Double[] v = series.values();
        s.append("<polyline fill=\"none\" stroke=\"").append(series.color()).append("\" stroke-width=\"1\" points=\"");
        int n = Math.min(v.length, times.length);
        int i = 0;
        while (i < n) {
            if (v[i] == null) {
                i++;
                continue;
            }
            int col = column(times[i]);
            double first = v[i];
            double mn = first;
            double mx = first;
            double lastValue = first;
            for (; i < n && column(times[i]) == col; i++) {
                if (v[i] != null) {
                    mn = Math.min(mn, v[i]);
                    mx = Math.max(mx, v[i]);
                    lastValue = v[i];
                }
            }
            point(s, PAD + col, y(first, lo, hi));
            if (mn != mx) {
                point(s, PAD + col, y(first <= lastValue ? mn : mx, lo, hi));
                point(s, PAD + col, y(first <= lastValue ? mx : mn, lo, hi));
            }
            point(s, PAD + col, y(lastValue, lo, hi));
        }
        s.append("\"/>");
    }

    private void marker(StringBuilder s, Marker m, double lo, double hi) {
        if (times.length == 0 || m.epochSecond() < times[0] || m.epochSecond() > times[times.length - 1]) {
            return;
        }
        int x = PAD + column(m.epochSecond());
        long yTenths = Math.round(y(m.price(), lo, hi) * 10);
        double y = yTenths / 10.0;
        String points = m.buy()
                ? (x - 4) + "," + (y + 6) + " " + (x + 4) + "," + (y + 6) + " " + x + "," + y
                : (x - 4) + "," + (y - 6) + " " + (x + 4) + "," + (y - 6) + " " + x + "," + y;
        s.append("<polygon points=\"").append(points).append("\" fill=\"").append(m.buy() ? "#1a7f37" : "#d1242f")
                .append("\"><title>").append(m.buy() ? "buy " : "sell ").append(HtmlReport.esc(fmt(m.price(), false)))
                .append(" at ").append(Timestamps.iso(m.epochSecond())).append("</title></polygon>");
    }

    /** The pixel column of a time. */
    private int column(long epochSecond) {
        int columns = W - 2 * PAD - 1;
        long span = times[times.length - 1] - times[0];
        return span <= 0 ? 0 : (int) ((epochSecond - times[0]) * columns / span);
    }

    private static double y(double v, double lo, double hi) {
        return PAD + (hi - v) / (hi - lo) * (H - 2 * PAD);
    }

    /** x,y with y to one decimal (y is within the chart, so non-negative and small). */
    private static void point(StringBuilder s, int x, double y) {
        long tenths = Math.round(y * 10);
        s.append(x).append(',').append(tenths / 10).append('.').append(tenths % 10).append(' ');
    }

    private static void label(StringBuilder s, int x, int y, String text) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\">")
                .append(HtmlReport.esc(text)).append("</text>");
    }

    static String fmt(double v, boolean percent) {
        return percent ? Formats.fixed(v, 2, false, false) + "%" : Formats.fixed(v, 2, true, false);
    }

    /** Fills of one symbol as markers. */
    static List<Marker> markers(List<Map<String, Object>> fills, String symbol) {
        List<Marker> out = new ArrayList<>();
        for (Map<String, Object> f : fills) {
            if (symbol.equals(f.get("symbol"))) {
                out.add(new Marker(Timestamps.isoSecond((String) f.get("time")), number(f.get("price")),
                        "buy".equals(f.get("side"))));
            }
        }
        return out;
    }
}
