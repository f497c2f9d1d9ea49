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
 *
 * <p>The equity curve needs equity at every close. While cash + reserve has at most 16 decimals,
 * positions at most 8 and marks at most 8 (the common case: exchange prices and 8-decimal
 * quantities), the same exact value is an integer count of 1e-16 units, summed in 128-bit
 * arithmetic with no allocation ({@link #appendEquity}); otherwise the BigDecimal path is used.
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
    /** Fast representation: valid when {@code fast}; cash + reserve in 1e-16 units, positions and marks in 1e-8. */
    private boolean fast;
    private long baseHi;
    private long baseLo;
    private final long[] positionUnits;
    private final long[] markUnits;
    private final boolean[] markExact;
    private final boolean[] positionInRange;
    private int positionsOutOfRange;

    Book(Portfolio portfolio, List<String> symbols) {
        this.portfolio = portfolio;
        this.symbols = symbols;
        this.positions = new BigDecimal[symbols.size()];
        this.marks = new double[symbols.size()];
        this.markValues = new BigDecimal[symbols.size()];
        this.positionUnits = new long[symbols.size()];
        this.markUnits = new long[symbols.size()];
        this.markExact = new boolean[symbols.size()];
        this.positionInRange = new boolean[symbols.size()];
        java.util.Arrays.fill(positionInRange, true);
        java.util.Arrays.fill(positions, BigDecimal.ZERO);
    }

    void refresh() {
        cash = portfolio.availableCash();
        cashAndReserve = portfolio.cash().add(portfolio.reserve());
        for (int i = 0; i < positions.length; i++) {
            positions[i] = portfolio.position(symbols.get(i));
        }
        equity = null;
        refreshUnits();
    }

    /** After a fill of one symbol: only cash, reserve and that position changed. */
    void refresh(int symbol) {
        cash = portfolio.availableCash();
        cashAndReserve = portfolio.cash().add(portfolio.reserve());
        positions[symbol] = portfolio.position(symbols.get(symbol));
        equity = null;
        refreshUnits(symbol);
    }

    /** Recomputes the integer representation after a fill (cash, reserve or a position changed). */
    private void refreshUnits() {
        for (int i = 0; i < positions.length; i++) {
            positionUnits(i);
        }
        baseUnits();
    }

    private void refreshUnits(int symbol) {
        positionUnits(symbol);
        baseUnits();
    }

    private void baseUnits() {
        fast = false;
        if (cashAndReserve.scale() > 16 || positionsOutOfRange > 0) {
            return;
        }
        java.math.BigInteger base = cashAndReserve.setScale(16).unscaledValue();
        if (base.bitLength() > 120) {
            return;
        }
        baseLo = base.longValue();
        baseHi = base.shiftRight(64).longValue();
        fast = true;
    }

    /** Position in 1e-8 units when it has at most 8 decimals and 9 integer digits (fits a long). */
    private void positionUnits(int i) {
        BigDecimal p = positions[i];
        boolean inRange = p.scale() <= 8 && p.precision() - p.scale() <= 9;
        if (inRange != positionInRange[i]) {
            positionsOutOfRange += inRange ? -1 : 1;
            positionInRange[i] = inRange;
        }
        if (inRange) {
            positionUnits[i] = p.scaleByPowerOfTen(8).longValue();
            markUnits(i);
        }
    }

    /** The mark as 1e-8 units when it is exactly that (as {@link Prices#exact} decides); kept for held symbols only. */
    private void markUnits(int i) {
        double close = marks[i];
        long units = Math.round(close * 1e8);
        markExact[i] = close > 0 && close < 1e7 && units / 1e8 == close;
        markUnits[i] = units;
    }

    /**
     * Appends the equity at the latest marks to the curve, exactly: as integer units when the book
     * allows it, else as the BigDecimal of {@link #equity()}.
     */
    void appendEquity(EquityCurve curve, long time) {
        if (!fast) {
            curve.add(time, equity());
            return;
        }
        long h = baseHi;
        long l = baseLo;
        for (int i = 0; i < positionUnits.length; i++) {
            long q = positionUnits[i];
            if (q == 0) {
                continue;
            }
            if (!markExact[i]) {
                curve.add(time, equity());
                return;
            }
            long m = markUnits[i];
            long pl = q * m;
            long ph = Math.multiplyHigh(q, m);
            long sum = l + pl;
            h += ph + (Long.compareUnsigned(sum, l) < 0 ? 1 : 0);
            l = sum;
        }
        curve.addUnits(time, h, l);
    }

    void mark(int symbol, double close) {
        if (marks[symbol] != close) {
            marks[symbol] = close;
            markValues[symbol] = null;
            if (positions[symbol].signum() != 0) {
                equity = null;
                markUnits(symbol);
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

    /** Cash plus the profit reserve: everything not held in positions. */
    BigDecimal cashAndReserve() {
        return cashAndReserve;
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
