package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The stateless pre-trade checks (symbol, quantity, price sanity) and the amount an order must
 * hold. Funds are checked by the ledger when it holds them, so concurrent orders cannot overdraw.
 */
public final class PreTradeChecks {
    /** Quantities finer than this are not a real order (Coinbase's finest base increment is 1e-8). */
    private static final int MAX_QTY_SCALE = 8;
    private final List<String> symbols;
    private final BigDecimal priceBand;
    private final PaperFillModel model;

    /** A rejection: error code name and message. */
    public record Rejection(ErrorCode code, String message) {
    }

    public PreTradeChecks(List<String> symbols, BigDecimal priceBandFraction, PaperFillModel model) {
        this.symbols = List.copyOf(symbols);
        this.priceBand = priceBandFraction;
        this.model = model;
    }

    /** Checks that need no market data. */
    public Optional<Rejection> basic(OrderIntent i) {
        if (!symbols.contains(i.symbol())) {
            return reject(ErrorCode.ORDER_UNKNOWN_SYMBOL, i.symbol() + " is not traded here; known: " + symbols);
        }
        if (i.qty().stripTrailingZeros().scale() > MAX_QTY_SCALE) {
            return reject(ErrorCode.ORDER_INVALID, "qty " + i.qty() + " has more than " + MAX_QTY_SCALE + " decimals");
        }
        return Optional.empty();
    }

    /** Price sanity against the current book: a given price must lie within the band around the mid. */
    public Optional<Rejection> priced(OrderIntent i, Tick tick) {
        Optional<Rejection> stop = stop(i, tick);
        if (stop.isPresent()) {
            return stop;
        }
        if (i.price() == null) {
            return Optional.empty();
        }
        BigDecimal mid = tick.mid();
        BigDecimal deviation = i.price().subtract(mid).abs().divide(mid, MathContext.DECIMAL64);
        if (deviation.compareTo(priceBand) > 0) {
            return reject(ErrorCode.ORDER_PRICE_UNREASONABLE, "price " + i.price().toPlainString() + " is "
                    + deviation.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + " % from the mid "
                    + mid.toPlainString() + " (band " + priceBand.movePointRight(2).stripTrailingZeros().toPlainString() + " %)");
        }
        return Optional.empty();
    }

    /**
     * A declared stop is where a long entry would be cut: below the price of a buy. A sale on a spot
     * book is an exit and has no stop to declare.
     */
    private Optional<Rejection> stop(OrderIntent i, Tick tick) {
        if (i.stopPrice() == null) {
            return Optional.empty();
        }
        if (i.side() == Side.SELL) {
            return reject(ErrorCode.ORDER_BAD_STOP, "stop_price is declared on buys only (a sale on a spot book is an exit)");
        }
        BigDecimal price = judgedPrice(i, tick);
        if (i.stopPrice().compareTo(price) >= 0) {
            return reject(ErrorCode.ORDER_BAD_STOP, "stop_price " + i.stopPrice().toPlainString() + " must be below the buy's price "
                    + price.toPlainString());
        }
        return Optional.empty();
    }

    /** The price the risk gate judges an order at: its limit, or what a market order would pay now. */
    public BigDecimal judgedPrice(OrderIntent i, Tick tick) {
        return i.type() == OrderType.LIMIT ? i.price() : model.marketPrice(i.side(), tick.bid(), tick.ask());
    }

    /** Cash a buy must hold: notional at the price it would get now (or its limit) plus the fee. */
    public BigDecimal cashHold(OrderIntent i, Tick tick) {
        if (i.side() != Side.BUY) {
            return BigDecimal.ZERO;
        }
        if (i.type() == OrderType.LIMIT) {
            BigDecimal notional = i.qty().multiply(i.price());
            return notional.add(model.makerFee(notional));
        }
        BigDecimal notional = i.qty().multiply(model.marketPrice(Side.BUY, tick.bid(), tick.ask()));
        return notional.add(model.takerFee(notional));
    }

    private static Optional<Rejection> reject(ErrorCode code, String message) {
        return Optional.of(new Rejection(code, message));
    }
}
