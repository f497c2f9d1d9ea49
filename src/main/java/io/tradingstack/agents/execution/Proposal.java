package io.tradingstack.agents.execution;

import java.math.BigDecimal;

/**
 * What the compiled spec says for a symbol on its latest closed bar, sized: {@code buy} (an entry,
 * with its quantity at the current equity, stop and take-profit), {@code sell} (an exit of the
 * whole available position; {@code emergency} passes the daily caps) or {@code hold}.
 * {@code triggerCategory} (a TriggerCategory key) goes with {@code triggerId} to the risk gate's
 * execution caps.
 */
public record Proposal(String action, String reason, String triggerId, BigDecimal qty, BigDecimal stopPrice,
                       BigDecimal takeProfitPrice, boolean emergency, String triggerCategory) {

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
