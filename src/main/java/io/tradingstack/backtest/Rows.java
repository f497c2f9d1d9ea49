package io.tradingstack.backtest;

import java.util.Arrays;

/**
 * Parsed input rows before the data policy runs, column by column (primitive arrays, no object per
 * row): a year of minutes is 525,600 rows. {@code line} is 1-based in the file.
 */
final class Rows {
    private long[] time;
    private double[] ohlcv;
    private long[] line;
    private int size;

    Rows(int capacity) {
        int c = Math.max(16, capacity);
        time = new long[c];
        ohlcv = new double[5 * c];
        line = new long[c];
    }

    void add(long epochSecond, double open, double high, double low, double close, double volume, long lineNumber) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            ohlcv = Arrays.copyOf(ohlcv, size * 10);
            line = Arrays.copyOf(line, size * 2);
        }
        time[size] = epochSecond;
        int o = 5 * size;
        ohlcv[o] = open;
        ohlcv[o + 1] = high;
        ohlcv[o + 2] = low;
        ohlcv[o + 3] = close;
        ohlcv[o + 4] = volume;
        line[size++] = lineNumber;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return time[i];
    }

    double open(int i) {
        return ohlcv[5 * i];
    }

    double high(int i) {
        return ohlcv[5 * i + 1];
    }

    double low(int i) {
        return ohlcv[5 * i + 2];
    }

    double close(int i) {
        return ohlcv[5 * i + 3];
    }

    double volume(int i) {
        return ohlcv[5 * i + 4];
    }

    long line(int i) {
        return line[i];
    }
}
