package io.tradingstack.agents.execution;

import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One market order the agent wants: side buy or sell, a positive quantity, the declared stop the
 * risk gate measures the risk at, and why ({@code source}: rules, llm, hybrid). {@code triggerId} and
 * {@code triggerCategory} name the spec trigger behind it (null when the model asked on its own), for
 * the risk gate's execution caps.
 */
public record Intent(@Doc("product") String symbol, @Doc(value = "side", oneOf = {"buy", "sell"}) String side,
                     @Doc("quantity, > 0") BigDecimal qty,
                     @Doc(value = "declared stop the risk gate measures the risk at; null when none", nullable = true)
                     BigDecimal stopPrice,
                     @Doc(value = "why", nullable = true) String reason,
                     @Doc(value = "rules, llm or hybrid", nullable = true) String source,
                     @Doc(value = "the spec trigger behind it; null when the model asked on its own", nullable = true)
                     String triggerId,
                     @Doc(value = "the trigger's category; null without a trigger", nullable = true) String triggerCategory) {

    public Intent(String symbol, String side, BigDecimal qty, BigDecimal stopPrice, String reason, String source) {
        this(symbol, side, qty, stopPrice, reason, source, null, null);
    }

    public Intent {
        Objects.requireNonNull(symbol, "symbol");
        side = side == null ? null : side.toLowerCase(Locale.ROOT);
        if (!"buy".equals(side) && !"sell".equals(side)) {
            throw new IllegalArgumentException("side must be buy or sell: " + side);
        }
        if (qty == null || qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be > 0");
        }
    }

    public static Intent of(String symbol, Proposal p, String source) {
        return new Intent(symbol, p.action(), p.qty(), "buy".equals(p.action()) ? p.stopPrice() : null, p.reason(), source,
                p.triggerId(), p.triggerCategory());
    }

    public Intent withQty(BigDecimal newQty, String why) {
        return new Intent(symbol, side, newQty, stopPrice, reason + "; " + why, source, triggerId, triggerCategory);
    }
}
