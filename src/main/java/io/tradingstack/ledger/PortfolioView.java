package io.tradingstack.ledger;

import io.tradingstack.bus.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a book as the portfolio status and risk answers. Positions are marked at the given
 * prices (the mid of the latest tick); a position without a mark is valued at cost and listed
 * under {@code unmarked}. {@link #asMap} gives the JSON form the ledger workflow holds and answers
 * (amounts as exact text, so no JSON reader turns them into doubles).
 */
public final class PortfolioView {
    private PortfolioView() {
    }

    public static PortfolioStatus status(Portfolio book, Map<String, BigDecimal> marks, Instant asOf) {
        List<PortfolioStatus.Position> positions = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (String symbol : book.openSymbols()) {
            BigDecimal cost = book.balance(Accounts.holdings(symbol));
            BigDecimal mark = marks.get(symbol);
            BigDecimal value = book.marketValue(symbol, marks);
            if (mark == null) {
                unmarked.add(symbol);
            }
            positions.add(new PortfolioStatus.Position(symbol, plain(book.position(symbol)), plain(book.availableQty(symbol)),
                    plain(book.averageCost(symbol)), plain(cost), mark == null ? null : plain(mark), plain(value),
                    plain(value.subtract(cost))));
        }
        return new PortfolioStatus(asOf, book.quoteCurrency(), plain(book.cash()), plain(book.availableCash()),
                plain(book.reserve()), plain(book.equity(marks)), plain(book.funding()), plain(book.realizedPnl()),
                plain(book.fees()), book.entryCount(), positions, unmarked);
    }

    public static Map<String, Object> risk(Portfolio book, Map<String, BigDecimal> marks, Instant asOf) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        book.openSymbols().forEach(s -> values.put(s, book.marketValue(s, marks)));
        BigDecimal cashLike = book.cash().add(book.reserve());
        Map<String, Object> out = new LinkedHashMap<>(Analytics.risk(book.equity(marks), cashLike, values));
        out.put("asOf", asOf.toString());
        return out;
    }

    /** Gross market value of all open positions. */
    public static BigDecimal exposure(Portfolio book, Map<String, BigDecimal> marks) {
        return book.openSymbols().stream().map(s -> book.marketValue(s, marks).abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The status as plain JSON values: camelCase keys, amounts as exact text, times as ISO-8601. */
    public static Map<String, Object> asMap(PortfolioStatus status) {
        return Json.toTextMap(status);
    }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
