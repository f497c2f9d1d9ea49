package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Timeframe;

/** Timeframe labels (1m, 15m, 1h, 6h, 1d) and their length in seconds. */
public final class Timeframes {
    private Timeframes() {
    }

    /** Length in seconds; the format is the features engine's ({@code <n>s|m|h|d}), one parser for both. */
    public static int seconds(String label) {
        try {
            return Timeframe.parse(label).seconds();
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.getMessage());
        }
    }

    public static String label(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
