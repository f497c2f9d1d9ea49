package io.tradingstack.backtest;

import java.time.Instant;

/**
 * Inline SVG line charts. Long curves are reduced to the min and max of each pixel column so
 * spikes and the deepest drawdown stay visible.
 */
final class Charts {
    private static final int W = 960;
    private static final int H = 260;
    private static final int PAD = 40;

    private Charts() {
    }

    static String equity(EquityCurve c) {
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.equity(i).doubleValue();
        }
        return svg(c, v, "#1f6feb", false);
    }

    static String drawdown(EquityCurve c) {
        double[] v = new double[c.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            double e = c.equity(i).doubleValue();
            peak = Math.max(peak, e);
            v[i] = peak > 0 ? -(peak - e) / peak * 100.0 : 0;
        }
        return svg(c, v, "#d1242f", true);
    }

    private static String svg(EquityCurve c, double[] v, String color, boolean percent) {
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
        int columns = W - 2 * PAD;
        int n = v.length;
        for (int col = 0; col < columns && n > 0; col++) {
            int from = (int) ((long) col * n / columns);
            int to = Math.max(from + 1, (int) ((long) (col + 1) * n / columns));
            if (from >= n) {
                break;
            }
            double mn = v[from];
            double mx = v[from];
            for (int i = from; i < Math.min(to, n); i++) {
                mn = Math.min(mn, v[i]);
                mx = Math.max(mx, v[i]);
            }
            point(s, PAD + col, y(mx, lo, hi));
            point(s, PAD + col, y(mn, lo, hi));
        }
        s.append("\"/>");
        label(s, 4, PAD - 4, fmt(hi, percent));
        label(s, 4, H - PAD + 12, fmt(lo, percent));
        label(s, PAD, H - 8, Instant.ofEpochSecond(c.time(0)).toString());
        label(s, W - PAD - 150, H - 8, Instant.ofEpochSecond(c.time(c.size() - 1)).toString());
        return s.append("</svg>").toString();
    }

    private static double y(double v, double lo, double hi) {
        return PAD + (hi - v) / (hi - lo) * (H - 2 * PAD);
    }

    private static void point(StringBuilder s, int x, double y) {
        s.append(x).append(',').append(String.format(java.util.Locale.ROOT, "%.1f", y)).append(' ');
    }

    private static void label(StringBuilder s, int x, int y, String text) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\">")
                .append(HtmlReport.esc(text)).append("</text>");
    }

    private static String fmt(double v, boolean percent) {
        return percent ? String.format(java.util.Locale.ROOT, "%.2f%%", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
