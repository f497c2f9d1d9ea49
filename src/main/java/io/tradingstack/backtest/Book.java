package io.tradingstack.backtest;

import io.tradingstack.ledger.Portfolio;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's read cache of the {@link Portfolio}: cash, reserve and positions are copied from the
 * portfolio after every fill (they change only then), and equity = cash + reserve + Σ position·mark
 * is recomputed only when a held symbol's mark moves. The portfolio stays the one source of truth;
 * the final equity is taken from {@code Portfolio.equity} and tests check both agree.
 */
final class Book {
    private final Portfolio portfolio;
    private final List<String> symbols;
    private final BigDecimal[] positions;
    private final double[] marks;
    private final BigDecimal[] markValues;
    private BigDecimal cash = BigDecimal.ZERO;
    private BigDecimal cashAndReserve = BigDecimal.ZERO;
    private BigDecimal equity;

    Book(Portfolio portfolio, List<String> symbols) {
        this.portfolio = portfolio;
        this.symbols = symbols;
        this.positions = new BigDecimal[symbols.size()];
        this.marks = new double[symbols.size()];
        this.markValues = new BigDecimal[symbols.size()];
        java.util.Arrays.fill(positions, BigDecimal.ZERO);
    }

    void refresh() {
        cash = portfolio.availableCash();
        cashAndReserve = portfolio.cash().add(portfolio.reserve());
        for (int i = 0; i < positions.length; i++) {
            positions[i] = portfolio.position(symbols.get(i));
        }
        equity = null;
    }

    /** After a fill of one symbol: only cash, reserve and that position changed. */
    void refresh(int symbol) {
        cash = portfolio.availableCash();
        cashAndReserve = portfolio.cash().add(portfolio.reserve());
        positions[symbol] = portfolio.position(symbols.get(symbol));
        equity = null;
    }

    void mark(int symbol, double close) {
        if (marks[symbol] != close) {
            marks[symbol] = close;
            markValues[symbol] = null;
            if (positions[symbol].signum() != 0) {
                equity = null;
            }
        }
    }

    BigDecimal equity() {
        if (equity == null) {
            BigDecimal e = cashAndReserve;
            for (int i = 0; i < positions.length; i++) {
                if (positions[i].signum() != 0) {
                    e = e.add(positions[i].multiply(markValue(i)));
                }
            }
            equity = e;
        }
        return equity;
    }

    BigDecimal grossExposure() {
        BigDecimal g = BigDecimal.ZERO;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i].signum() != 0) {
                g = g.add(positions[i].abs().multiply(markValue(i)));
            }
        }
        return g;
    }

    private BigDecimal markValue(int i) {
        BigDecimal v = markValues[i];
        if (v == null) {
            v = Prices.exact(marks[i]);
            markValues[i] = v;
        }
        return v;
    }

    BigDecimal cash() {
        return cash;
    }

    BigDecimal position(int symbol) {
        return positions[symbol];
    }

    String symbol(int symbol) {
        return symbols.get(symbol);
    }

    /** Latest closes of every symbol that has one, for {@code Portfolio.equity}. */
    Map<String, BigDecimal> marks() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] > 0) {
                m.put(symbols.get(i), markValue(i));
            }
        }
        return m;
    }
}
