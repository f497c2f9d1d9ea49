package io.tradingstack.runtime;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Value parsers for {@link ConfigKey}; each throws IllegalArgumentException on a bad value. */
final class Parsers {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    interface Parser {
        Object parse(String raw);

        String accepted();
    }

    private Parsers() {
    }

    static Parser of(String accepted, java.util.function.Function<String, Object> fn) {
        return new Parser() {
            @Override
            public Object parse(String raw) {
                try {
                    return fn.apply(raw);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(e);
                }
            }

            @Override
            public String accepted() {
                return accepted;
            }
        };
    }

    static final Parser TEXT = of("any text", s -> s);
    static final Parser NAME = of("a name of letters, digits and . _ : / -", s -> require(s, NAME_PATTERN.matcher(s).matches()));
    static final Parser HOST = of("a host name or IP address", s -> require(s, HOST_PATTERN.matcher(s).matches()));
    static final Parser PORT = of("an integer port 1-65535", s -> {
        int p = Integer.parseInt(s);
        return require(p, p >= 1 && p <= 65535);
    });
    static final Parser NON_NEGATIVE_DECIMAL = of("a decimal number >= 0", s -> {
        BigDecimal d = new BigDecimal(s);
        return require(d, d.signum() >= 0);
    });
    static final Parser PERCENT = of("a percentage between 0 and 100", s -> {
        BigDecimal d = new BigDecimal(s);
        return require(d, d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(100)) <= 0);
    });
    static final Parser PERCENT_OR_EMPTY = of("empty or a percentage above 0 and at most 100", s -> {
        if (s.isEmpty()) {
            return s;
        }
        BigDecimal d = new BigDecimal(s);
        return require(d, d.signum() > 0 && d.compareTo(BigDecimal.valueOf(100)) <= 0);
    });
    static final Parser INT_OR_EMPTY = of("empty or an integer 0-100000", s -> {
        if (s.isEmpty()) {
            return s;
        }
        int v = Integer.parseInt(s);
        return require(v, v >= 0 && v <= 100_000);
    });
    static final Parser SPEED = of("1 (real time), a number N > 0 (N times faster) or max", s -> {
        if (s.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        double v = Double.parseDouble(s);
        return require(v, v > 0 && Double.isFinite(v));
    });
    static final Parser SYMBOLS = of("comma-separated products like BTC-USD,ETH-USD", s -> {
        List<String> list = split(s).stream().map(x -> x.toUpperCase(Locale.ROOT)).toList();
        return require(list, !list.isEmpty() && list.stream().allMatch(x -> SYMBOL.matcher(x).matches()));
    });
    static final Parser TIERS = of("a comma-separated subset of market,read,trade", s -> {
        List<String> list = split(s);
        return require(list, list.stream().allMatch(x -> List.of("market", "read", "trade").contains(x)));
    });
    static final Parser MEMBERS = of("comma-separated host:port members", s -> {
        List<String> list = split(s);
        list.forEach(Parsers::hostPort);
        return require(list, !list.isEmpty());
    });
    static final Parser HOST_PORT_OR_EMPTY = of("empty or host:port", s -> s.isEmpty() ? s : hostPort(s));
    static final Parser URL = of("an http(s) or ws(s) URL", Parsers::url);
    static final Parser URL_OR_EMPTY = of("empty or an http(s) URL", s -> s.isEmpty() ? s : url(s));
    static final Parser PG_URL = of("empty or postgresql://user:password@host:port/database", s -> {
        if (s.isEmpty()) {
            return s;
        }
        String uri = s.startsWith("jdbc:") ? s.substring(5) : s;
        URI parsed = URI.create(uri);
        return require(s, ("postgresql".equals(parsed.getScheme()) || "postgres".equals(parsed.getScheme()))
                && parsed.getHost() != null);
    });

    /** A plain decimal in [min, max] with at most 8 decimals (the ledger's precision); 1e400 is refused. */
    static Parser decimalBetween(String min, String max) {
        BigDecimal lo = new BigDecimal(min);
        BigDecimal hi = new BigDecimal(max);
        return of("a decimal number from " + lo.toPlainString() + " to " + hi.toPlainString() + " with at most 8 decimals", s -> {
            BigDecimal d = new BigDecimal(s);
            return require(d, d.compareTo(lo) >= 0 && d.compareTo(hi) <= 0 && d.stripTrailingZeros().scale() <= 8);
        });
    }

    static Parser positiveInt(int max) {
        return of("an integer 1-" + max, s -> {
            int v = Integer.parseInt(s);
            return require(v, v >= 1 && v <= max);
        });
    }

    static Parser oneOf(String... values) {
        return of("one of " + String.join(", ", values), s -> require(s, Arrays.asList(values).contains(s)));
    }

    static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String hostPort(String s) {
        int colon = s.lastIndexOf(':');
        require(s, colon > 0);
        HOST.parse(s.substring(0, colon));
        PORT.parse(s.substring(colon + 1));
        return s;
    }

    private static String url(String s) {
        URI uri = URI.create(s);
        return require(s, uri.getHost() != null && List.of("http", "https", "ws", "wss").contains(uri.getScheme()));
    }

    static <T> T require(T value, boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException();
        }
        return value;
    }
}
