package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

/** Timeframe labels (1m, 15m, 1h, 6h, 1d) and their length in seconds. */
public final class Timeframes {
    private Timeframes() {
    }

    public static int seconds(String label) {
        String s = label.trim();
        if (s.length() < 2) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "bad timeframe '" + label + "'");
        }
        int n;
        try {
            n = Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "bad timeframe '" + label + "'");
        }
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> n;
            case 'm' -> n * 60;
            case 'h' -> n * 3600;
            case 'd' -> n * 86_400;
            default -> throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "bad timeframe '" + label + "'");
        };
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
