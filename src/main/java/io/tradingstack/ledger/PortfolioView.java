package io.tradingstack.ledger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a book as the portfolio status and risk answers. Positions are marked at the given
 * prices (the mid of the latest tick); a position without a mark is valued at cost and listed
 * under {@code unmarked}.
 */
public final class PortfolioView {
    private PortfolioView() {
    }

    public static JsonObject status(Portfolio book, Map<String, BigDecimal> marks, Instant asOf) {
        JsonArray positions = new JsonArray();
        JsonArray unmarked = new JsonArray();
        for (String symbol : book.openSymbols()) {
            BigDecimal cost = book.balance(Accounts.holdings(symbol));
            BigDecimal mark = marks.get(symbol);
            BigDecimal value = book.marketValue(symbol, marks);
            if (mark == null) {
                unmarked.add(symbol);
            }
            positions.add(new JsonObject()
                    .put("symbol", symbol)
                    .put("qty", plain(book.position(symbol)))
                    .put("availableQty", plain(book.availableQty(symbol)))
                    .put("averageCost", plain(book.averageCost(symbol)))
                    .put("costBasis", plain(cost))
                    .put("mark", mark == null ? null : plain(mark))
                    .put("marketValue", plain(value))
                    .put("unrealizedPnl", plain(value.subtract(cost))));
        }
        return new JsonObject()
                .put("asOf", asOf.toString())
                .put("quoteCurrency", book.quoteCurrency())
                .put("cash", plain(book.cash()))
                .put("availableCash", plain(book.availableCash()))
                .put("reserve", plain(book.reserve()))
                .put("equity", plain(book.equity(marks)))
                .put("funding", plain(book.funding()))
                .put("realizedPnl", plain(book.realizedPnl()))
                .put("fees", plain(book.fees()))
                .put("entries", book.entryCount())
                .put("positions", positions)
                .put("unmarked", unmarked);
    }

    public static JsonObject risk(Portfolio book, Map<String, BigDecimal> marks) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        book.openSymbols().forEach(s -> values.put(s, book.marketValue(s, marks)));
        BigDecimal cashLike = book.cash().add(book.reserve());
        return new JsonObject(Analytics.risk(book.equity(marks), cashLike, values)).put("asOf", Instant.now().toString());
    }

    /** Gross market value of all open positions. */
    public static BigDecimal exposure(Portfolio book, Map<String, BigDecimal> marks) {
        return book.openSymbols().stream().map(s -> book.marketValue(s, marks).abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
