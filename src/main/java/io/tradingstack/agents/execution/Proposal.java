package io.tradingstack.agents.execution;

import io.tradingstack.bus.Doc;

import java.math.BigDecimal;

/**
 * What the compiled spec says for a symbol on its latest closed bar, sized: {@code buy} (an entry,
 * with its quantity at the current equity, stop and take-profit), {@code sell} (an exit of the
 * whole available position; {@code emergency} passes the daily caps) or {@code hold}.
 * {@code triggerCategory} (a TriggerCategory key) goes with {@code triggerId} to the risk gate's
 * execution caps.
 */
public record Proposal(@Doc("buy, sell or hold") String action,
                       @Doc(value = "why", nullable = true) String reason,
                       @Doc(value = "the spec trigger behind it; null for a hold", nullable = true) String triggerId,
                       @Doc(value = "quantity; null for a hold", nullable = true) BigDecimal qty,
                       @Doc(value = "stop price; null when none", nullable = true) BigDecimal stopPrice,
                       @Doc(value = "take-profit price; null when none", nullable = true) BigDecimal takeProfitPrice,
                       @Doc("an exit that passes the daily caps") boolean emergency,
                       @Doc(value = "the trigger's category; null without a trigger", nullable = true) String triggerCategory) {

    public Proposal(String action, String reason, String triggerId, BigDecimal qty, BigDecimal stopPrice,
                    BigDecimal takeProfitPrice, boolean emergency) {
        this(action, reason, triggerId, qty, stopPrice, takeProfitPrice, emergency, null);
    }

    public static Proposal hold(String reason) {
        return new Proposal("hold", reason, null, null, null, null, false);
    }

    public boolean acts() {
        return !"hold".equals(action) && qty != null && qty.signum() > 0;
    }
}
