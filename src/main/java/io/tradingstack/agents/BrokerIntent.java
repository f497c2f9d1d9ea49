package io.tradingstack.agents;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plain request asks for, read by fixed rules (the offline broker): the kind of request and
 * the symbol, side, quantity, fraction and timeframe it names. Anything unrecognised is
 * {@link Kind#HELP}: never a guess at a trade.
 */
record BrokerIntent(Kind kind, String symbol, String side, BigDecimal qty, BigDecimal fraction, String timeframe) {

    enum Kind { HELP, PORTFOLIO, ORDER, SELL_PART, BACKTEST, WHY, JUDGE, PREFERENCES, HISTORY, PERFORMANCE }

    private static final Pattern PAIR = Pattern.compile("\\b([a-z0-9]{2,10})[-/]([a-z]{3,5})\\b");
    private static final Pattern BASE = Pattern.compile("\\b(btc|eth|sol|ada|xrp|doge|ltc|avax|dot|link|bitcoin|ether|ethereum)\\b");
    private static final Pattern QTY = Pattern.compile("(?<![\\w.-])(\\d+(?:\\.\\d+)?|\\.\\d+)(?![\\w.])");
    private static final Pattern TIMEFRAME = Pattern.compile("\\b([1-9]\\d{0,2}[mhd])\\b");
    private static final Pattern ORDER = Pattern.compile("^\\s*(please\\s+)?(buy|sell)\\b");
    private static final Pattern PART = Pattern.compile("\\b(half|all|everything|a quarter)\\b");

    static BrokerIntent of(String said) {
        String s = said == null ? "" : said.toLowerCase(Locale.ROOT).trim();
        Optional<String> symbol = symbol(s);
        if (s.startsWith("why") || s.contains("why did")) {
            return of(Kind.WHY, symbol.orElse(null));
        }
        if (s.contains("judge") || s.contains("scor") || s.contains("evaluation")) {
            return of(Kind.JUDGE, null);
        }
        if (s.contains("backtest")) {
            Matcher tf = TIMEFRAME.matcher(s.replaceAll(PAIR.pattern(), " "));
            return new BrokerIntent(Kind.BACKTEST, symbol.orElse("BTC-USD"), null, null, null, tf.find() ? tf.group(1) : "1h");
        }
        Matcher order = ORDER.matcher(s);
        if (order.find() && symbol.isPresent()) {
            String side = order.group(2).toUpperCase(Locale.ROOT);
            Matcher part = PART.matcher(s);
            if (side.equals("SELL") && part.find()) {
                return new BrokerIntent(Kind.SELL_PART, symbol.get(), side, null, fraction(part.group(1)), null);
            }
            Optional<BigDecimal> qty = quantity(s);
            if (qty.isPresent()) {
                return new BrokerIntent(Kind.ORDER, symbol.get(), side, qty.get(), null, null);
            }
        }
        return of(plainKind(s), symbol.orElse(null));
    }

    private static Kind plainKind(String s) {
        if (s.contains("portfolio") || s.contains("balance") || s.contains("position") || s.contains("holding")) {
            return Kind.PORTFOLIO;
        }
        if (s.contains("preference")) {
            return Kind.PREFERENCES;
        }
        if (s.contains("history") || s.contains("transaction") || s.contains("fills")) {
            return Kind.HISTORY;
        }
        if (s.contains("performance") || s.contains("sharpe") || s.contains("win rate")) {
            return Kind.PERFORMANCE;
        }
        return Kind.HELP;
    }

    private static BrokerIntent of(Kind kind, String symbol) {
        return new BrokerIntent(kind, symbol, null, null, null, null);
    }

    /** "btc-usd", "ETH/USD" → the product; a bare base ("my ETH", "bitcoin") → its USD product. */
    static Optional<String> symbol(String s) {
        Matcher pair = PAIR.matcher(s);
        if (pair.find()) {
            return Optional.of(pair.group(1).toUpperCase(Locale.ROOT) + "-" + pair.group(2).toUpperCase(Locale.ROOT));
        }
        Matcher base = BASE.matcher(s);
        if (base.find()) {
            String b = switch (base.group(1)) {
                case "bitcoin" -> "BTC";
                case "ether", "ethereum" -> "ETH";
                default -> base.group(1).toUpperCase(Locale.ROOT);
            };
            return Optional.of(b + "-USD");
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> quantity(String s) {
        Matcher m = QTY.matcher(s.replaceAll(PAIR.pattern(), " "));
        while (m.find()) {
            BigDecimal q = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            if (q.signum() > 0) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal fraction(String word) {
        return switch (word) {
            case "half" -> new BigDecimal("0.5");
            case "a quarter" -> new BigDecimal("0.25");
            default -> BigDecimal.ONE;
        };
    }
}
