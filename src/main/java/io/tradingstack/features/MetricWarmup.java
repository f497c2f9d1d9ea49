package io.tradingstack.features;

/**
 * How many leading bars of each catalogue column are not yet defined by its formula: the values
 * there are null, never a number computed from too little data. ta4j 0.17 reports no unstable bars
 * for most indicators, so the counts live here, per metric and output column, from the
 * indicators' definitions (a rolling window of n bars is first defined at bar n-1, a change-based
 * one at bar n, a smoothing of a smoothing adds the two).
 */
final class MetricWarmup {
    private MetricWarmup() {
    }

    /** Index of the first defined bar of column {@code key} ("" = main) of metric {@code name}. */
    static int bars(String name, String key, double[] p) {
        int n = p.length > 0 ? (int) p[0] : 0;
        return switch (name) {
            case "SMA", "EMA", "WMA", "CCI", "WILLR", "STDDEV", "BBANDS", "DONCHIAN", "CMF", "VWAP", "FISHER" -> n - 1;
            case "DEMA" -> 2 * (n - 1);
            case "TEMA" -> 3 * (n - 1);
            case "HMA" -> n - 1 + (int) Math.sqrt(n) - 1;
            case "ZLEMA" -> (n - 1) / 2 + n - 1;
            case "KAMA", "RSI", "CMO", "ROC", "ATR", "CHOP", "AROON", "SUPERTREND", "CHANDELIER", "MFI" -> n;
            case "MACD" -> key.isEmpty() ? (int) p[1] - 1 : (int) p[1] + (int) p[2] - 2;
            case "STOCH" -> key.equals("k") ? n - 1 : n + 1;
            case "STOCHRSI" -> 2 * n - 1;
            case "PPO", "AO" -> (int) p[1] - 1;
            case "COPPOCK" -> Math.max((int) p[0], (int) p[1]) + (int) p[2] - 1;
            case "DPO" -> Math.max(n - 1, n / 2 + 1);
            case "KELTNER" -> key.equals("middle") ? n - 1 : Math.max(n - 1, (int) p[2]);
            case "ULCER" -> 2 * (n - 1);
            case "MASS" -> 2 * ((int) p[0] - 1) + (int) p[1] - 1;
            case "ADX" -> key.isEmpty() ? 2 * n - 1 : n;
            case "PSAR" -> 1;
            case "OBV", "ADL" -> 0;
            default -> throw new IllegalArgumentException("no warm-up defined for " + name);
        };
    }

    /** The rule as text, for list_technical_metrics. */
    static String describe(String name) {
        return switch (name) {
            case "SMA", "EMA", "WMA", "CCI", "WILLR", "STDDEV", "BBANDS", "DONCHIAN", "CMF", "VWAP", "FISHER" -> "period - 1";
            case "DEMA" -> "2 * (period - 1)";
            case "TEMA" -> "3 * (period - 1)";
            case "HMA" -> "period - 1 + floor(sqrt(period)) - 1";
            case "ZLEMA" -> "floor((period - 1) / 2) + period - 1";
            case "KAMA", "RSI", "CMO", "ROC", "ATR", "CHOP", "AROON", "SUPERTREND", "CHANDELIER", "MFI" -> "period";
            case "MACD" -> "slow - 1; signal and hist: slow + signal - 2";
            case "STOCH" -> "k: period - 1; d: period + 1";
            case "STOCHRSI" -> "2 * period - 1";
            case "PPO", "AO" -> "slow - 1";
            case "COPPOCK" -> "max(long_roc, short_roc) + wma - 1";
            case "DPO" -> "max(period - 1, floor(period / 2) + 1)";
            case "KELTNER" -> "middle: period - 1; upper and lower: max(period - 1, atr_period)";
            case "ULCER" -> "2 * (period - 1)";
            case "MASS" -> "2 * (ema - 1) + period - 1";
            case "ADX" -> "adx: 2 * period - 1; plus_di and minus_di: period";
            case "PSAR" -> "1";
            case "OBV", "ADL" -> "0";
            default -> throw new IllegalArgumentException("no warm-up defined for " + name);
        };
    }
}
