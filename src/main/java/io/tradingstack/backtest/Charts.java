package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Inline SVG line charts of report.json's equity curve (the downsampled one, which keeps each
 * bucket's extremes and the drawdown's peak and trough). Points are placed by time; when several
 * fall in one pixel column the column shows their min and max, so spikes stay visible.
 */
final class Charts {
    private static final int W = 960;
    private static final int H = 260;
    private static final int PAD = 40;

    private final long[] times;
    private final double[] equity;

    private Charts(long[] times, double[] equity) {
        this.times = times;
        this.equity = equity;
    }

    /** From report.json's {@code equity_curve} points ({@code time}, {@code equity}). */
    static Charts of(List<Map<String, Object>> points) {
        long[] t = new long[points.size()];
        double[] v = new double[points.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Instant.parse((String) points.get(i).get("time")).getEpochSecond();
            v[i] = ((BigDecimal) points.get(i).get("equity")).doubleValue();
        }
        return new Charts(t, v);
    }

    String equity() {
        return svg(equity, "#1f6feb", false);
    }

    String drawdown() {
        double[] v = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            peak = Math.max(peak, equity[i]);
            v[i] = peak > 0 ? -(peak - equity[i]) / peak * 100.0 : 0;
        }
        return svg(v, "#d1242f", true);
    }

    private String svg(double[] v, String color, boolean percent) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (hi - lo < 1e-12) {
            hi = lo + 1;
        }
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H + "\">");
        s.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1\" points=\"");
        int n = v.length;
        int i = 0;
        while (i < n) {
            int col = column(i);
            double mn = v[i];
            double mx = v[i];
            double first = v[i];
            double lastValue = v[i];
            for (; i < n && column(i) == col; i++) {
                mn = Math.min(mn, v[i]);
                mx = Math.max(mx, v[i]);
                lastValue = v[i];
            }
            point(s, PAD + col, y(first, lo, hi));
            if (mn != mx) {
                point(s, PAD + col, y(first <= lastValue ? mn : mx, lo, hi));
                point(s, PAD + col, y(first <= lastValue ? mx : mn, lo, hi));
            }
            point(s, PAD + col, y(lastValue, lo, hi));
        }
        s.append("\"/>");
        label(s, 4, PAD - 4, fmt(hi, percent));
        label(s, 4, H - PAD + 12, fmt(lo, percent));
        if (n > 0) {
            label(s, PAD, H - 8, Instant.ofEpochSecond(times[0]).toString());
            label(s, W - PAD - 150, H - 8, Instant.ofEpochSecond(times[n - 1]).toString());
        }
        return s.append("</svg>").toString();
    }

    /** The pixel column of point i, by time. */
    private int column(int i) {
        int columns = W - 2 * PAD - 1;
        long span = times[times.length - 1] - times[0];
        return span <= 0 ? 0 : (int) ((times[i] - times[0]) * columns / span);
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

    private static String fmt(double v, boolean percent) {
        return percent ? String.format(java.util.Locale.ROOT, "%.2f%%", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
