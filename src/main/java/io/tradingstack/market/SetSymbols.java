package io.tradingstack.market;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of {@code ts.market.set-symbols}, and its reply (the products now streamed): product ids
 * like BTC-USD, without repeats, in the order given.
 */
public record SetSymbols(List<String> symbols) {
    private static final Pattern PRODUCT = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");

    public SetSymbols {
        if (symbols == null) {
            throw new IllegalArgumentException("expected {\"symbols\":[\"BTC-USD\",...]}");
        }
        for (String s : symbols) {
            if (s == null || !PRODUCT.matcher(s).matches()) {
                throw new IllegalArgumentException("not a product id: " + s);
            }
        }
        symbols = symbols.stream().distinct().toList();
    }

    /** The records of the market endpoints, each with a codec. */
    public static final List<Class<? extends Record>> MESSAGES = List.of(SetSymbols.class, CandleFetch.class);
}
