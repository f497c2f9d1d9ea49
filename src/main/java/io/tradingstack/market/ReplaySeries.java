package io.tradingstack.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The recorded 1-minute candles of one product, as shipped under {@code src/main/resources/market}
 * (see the README there for provenance). Immutable; indexes are minutes from the first row.
 */
public final class ReplaySeries {
    public static final int MINUTE = 60;
    /** Products shipped under src/main/resources/market. */
    public static final List<String> BUNDLED = List.of("BTC-USD", "ETH-USD");
    private final String product;
    private final long[] times;
    private final double[][] ohlcv;
    private final double[] volumePrefix;

    ReplaySeries(String product, long[] times, double[][] ohlcv) {
        this.product = product;
        this.times = times;
        this.ohlcv = ohlcv;
        this.volumePrefix = new double[times.length + 1];
        for (int i = 0; i < times.length; i++) {
            volumePrefix[i + 1] = volumePrefix[i] + ohlcv[i][4];
        }
    }

    /** Loads {@code /market/<product>-1m.csv.gz} from the class path. */
    public static ReplaySeries load(String product) {
        String resource = "/market/" + product + "-1m.csv.gz";
        try (InputStream raw = ReplaySeries.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException("no replay data for " + product + " (" + resource + ")");
            }
            return parse(product, new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReplaySeries parse(String product, BufferedReader in) throws IOException {
        List<long[]> timeRows = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line = in.readLine();
        while ((line = in.readLine()) != null) {
            String[] f = line.split(",");
            timeRows.add(new long[]{Long.parseLong(f[0])});
            rows.add(new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
        long[] times = timeRows.stream().mapToLong(r -> r[0]).toArray();
        for (int i = 1; i < times.length; i++) {
            if (times[i] - times[i - 1] != MINUTE) {
                throw new IllegalStateException(product + ": replay data must be gap-free 1-minute rows");
            }
        }
        return new ReplaySeries(product, times, rows.toArray(new double[0][]));
    }

    public String product() {
        return product;
    }

    public int size() {
        return times.length;
    }

    public long time(int i) {
        return times[i];
    }

    public double open(int i) {
        return ohlcv[i][0];
    }

    public double high(int i) {
        return ohlcv[i][1];
    }

    public double low(int i) {
        return ohlcv[i][2];
    }

    public double close(int i) {
        return ohlcv[i][3];
    }

    public double volume(int i) {
        return ohlcv[i][4];
    }

    /** Sum of volume over rows [from, to). */
    public double volume(int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(times.length, to);
        return a >= b ? 0 : volumePrefix[b] - volumePrefix[a];
    }
}
