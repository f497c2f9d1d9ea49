package io.tradingstack.execution;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper exchange's price and fee rules; pure and exact. Market orders take liquidity: a buy
 * pays {@code ask × (1 + slippage)}, a sell receives {@code bid × (1 − slippage)}, and the taker
 * fee is charged on the notional. Limit orders fill at their limit price with the maker fee once
 * the market touches them (buy: ask ≤ limit; sell: bid ≥ limit).
 *
 * <p>Rounding always goes against the trader so paper results never flatter a strategy: fill
 * prices are rounded to {@link #PRICE_SCALE} decimals (buy up, sell down) and fees up to
 * {@link #MONEY_SCALE} decimals. Basis points: 1 bp = 1/10 000.
 */
public final class PaperFillModel {
    /** Decimals kept on slipped fill prices. */
    public static final int PRICE_SCALE = 8;
    /** Decimals kept on fees and money amounts in the quote currency. */
    public static final int MONEY_SCALE = 8;

    private final BigDecimal takerFeeBps;
    private final BigDecimal makerFeeBps;
    private final BigDecimal slippageBps;
    /** 1 ± slippage, fixed per model (a market fill is one multiply, not a division per order). */
    private final BigDecimal buySlipFactor;
    private final BigDecimal sellSlipFactor;

    public PaperFillModel(BigDecimal takerFeeBps, BigDecimal makerFeeBps, BigDecimal slippageBps) {
        this.takerFeeBps = nonNegative(takerFeeBps, "takerFeeBps");
        this.makerFeeBps = nonNegative(makerFeeBps, "makerFeeBps");
        this.slippageBps = nonNegative(slippageBps, "slippageBps");
        BigDecimal slip = bps(slippageBps);
        this.buySlipFactor = BigDecimal.ONE.add(slip);
        this.sellSlipFactor = BigDecimal.ONE.subtract(slip);
    }

    /** A market order filled completely against the given top of book. */
    public Fill marketFill(String fillId, String orderId, String symbol, Side side, BigDecimal qty,
                           BigDecimal bid, BigDecimal ask, Instant time) {
        BigDecimal price = marketPrice(side, bid, ask);
        return new Fill(fillId, orderId, symbol, side, qty, price, fee(qty.multiply(price), takerFeeBps),
                Liquidity.TAKER, time);
    }

    /** The price a market order of this side would get now, slippage included. */
    public BigDecimal marketPrice(Side side, BigDecimal bid, BigDecimal ask) {
        checkBook(bid, ask);
        return side == Side.BUY
                ? ask.multiply(buySlipFactor).setScale(PRICE_SCALE, RoundingMode.CEILING).stripTrailingZeros()
                : bid.multiply(sellSlipFactor).setScale(PRICE_SCALE, RoundingMode.FLOOR).stripTrailingZeros();
    }

    /**
     * A resting limit order filled at its limit price when the book touches it; empty when the
     * market has not reached the limit.
     */
    public Optional<Fill> limitFill(String fillId, String orderId, String symbol, Side side, BigDecimal qty,
                                    BigDecimal limitPrice, BigDecimal bid, BigDecimal ask, Instant time) {
        checkBook(bid, ask);
        if (!touches(side, limitPrice, bid, ask)) {
            return Optional.empty();
        }
        return Optional.of(new Fill(fillId, orderId, symbol, side, qty, limitPrice,
                fee(qty.multiply(limitPrice), makerFeeBps), Liquidity.MAKER, time));
    }

    /** Whether a limit order of this side at this price is marketable against the book. */
    public static boolean touches(Side side, BigDecimal limitPrice, BigDecimal bid, BigDecimal ask) {
        Objects.requireNonNull(limitPrice, "limitPrice");
        return side == Side.BUY ? ask.compareTo(limitPrice) <= 0 : bid.compareTo(limitPrice) >= 0;
    }

    /** Taker fee on a notional, rounded up. */
    public BigDecimal takerFee(BigDecimal notional) {
        return fee(notional, takerFeeBps);
    }

    /** Maker fee on a notional, rounded up. */
    public BigDecimal makerFee(BigDecimal notional) {
        return fee(notional, makerFeeBps);
    }

    private static BigDecimal fee(BigDecimal notional, BigDecimal bps) {
        BigDecimal fee = bps(notional.multiply(bps));
        return fee.setScale(MONEY_SCALE, RoundingMode.CEILING).stripTrailingZeros();
    }

    /**
     * x / 10 000, exactly: moving the decimal point gives the same value as an exact division
     * without its scale search (callers round the result to a fixed scale).
     */
    private static BigDecimal bps(BigDecimal x) {
        return x.movePointLeft(4);
    }

    private static void checkBook(BigDecimal bid, BigDecimal ask) {
        if (bid == null || ask == null || bid.signum() <= 0 || ask.signum() <= 0 || bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException("invalid book: bid " + bid + " ask " + ask);
        }
    }

    private static BigDecimal nonNegative(BigDecimal v, String name) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0");
        }
        return v;
    }
}
