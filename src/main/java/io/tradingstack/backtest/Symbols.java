package io.tradingstack.backtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns exchange spellings (BTCUSD, BTC/USDT, BTC_USDT) into the project's BASE-QUOTE form. */
final class Symbols {
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "EUR", "GBP", "BTC", "ETH");
    private static final Pattern IN_NAME = Pattern.compile("([A-Za-z0-9]+)[_/-]?(USDT|USDC|USD|EUR|GBP)(?![A-Za-z])");

    private Symbols() {
    }

    static String normalize(String raw) {
        String s = raw.trim().toUpperCase(Locale.ROOT).replace('/', '-').replace('_', '-');
        if (s.contains("-")) {
            return s;
        }
        for (String q : QUOTES) {
            if (s.endsWith(q) && s.length() > q.length()) {
                return s.substring(0, s.length() - q.length()) + "-" + q;
            }
        }
        return s;
    }

    /** binance_BTC_USDT-1m.json → BTC-USDT; Coinbase_BTCUSD_1h.csv → BTC-USD; otherwise the bare name. */
    static String fromFileName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
        Matcher m = IN_NAME.matcher(name.toUpperCase(Locale.ROOT));
        String last = null;
        while (m.find()) {
            last = m.group(1) + "-" + m.group(2);
        }
        return last != null ? last : name.replaceFirst("\\.[^.]+$", "").toUpperCase(Locale.ROOT);
    }
}
