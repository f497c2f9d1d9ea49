package io.tradingstack.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a risk check: an approved quantity, or a block with its reason and a readable
 * detail such as "Reached max trades per day (5)". {@code hints} lists the limits the trade came
 * within 10 % of.
 */
public record RiskDecision(BigDecimal qty, BlockReason reason, String detail, List<LimitHint> hints) {

    public static RiskDecision approve(BigDecimal qty, List<LimitHint> hints) {
        return new RiskDecision(qty, null, null, List.copyOf(hints));
    }

    public static RiskDecision block(BlockReason reason, String detail) {
        return new RiskDecision(BigDecimal.ZERO, reason, detail, List.of());
    }

    public boolean approved() {
        return reason == null;
    }
}
