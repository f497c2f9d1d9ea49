package io.tradingstack.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a risk check: an approved quantity, or a block with its reason and a readable
 * detail such as "Reached max trades per day (5)". {@code hints} lists the limits the trade came
 * within 10 % of. For entries, {@code caps} is the quantity each constraint allows (keyed by the
 * limit name, {@code cash} for the cash cap) and {@code limitedBy}/{@code limitDetail} name the one
 * that set the approved quantity, so a caller that must not resize (a client's order) can say which
 * limit its quantity exceeds.
 */
public record RiskDecision(BigDecimal qty, BlockReason reason, String detail, List<LimitHint> hints,
                           BlockReason limitedBy, String limitDetail, Map<String, BigDecimal> caps) {

    public RiskDecision {
        hints = hints == null ? List.of() : List.copyOf(hints);
        caps = caps == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(caps));
    }

    public static RiskDecision approve(BigDecimal qty, List<LimitHint> hints) {
        return new RiskDecision(qty, null, null, hints, null, null, Map.of());
    }

    /** An approved entry, with the cap that bound it and what every cap allows. */
    static RiskDecision approve(BigDecimal qty, List<LimitHint> hints, BlockReason limitedBy, String limitDetail,
                                Map<String, BigDecimal> caps) {
        return new RiskDecision(qty, null, null, hints, limitedBy, limitDetail, caps);
    }

    public static RiskDecision block(BlockReason reason, String detail) {
        return new RiskDecision(BigDecimal.ZERO, reason, detail, List.of(), null, null, Map.of());
    }

    public boolean approved() {
        return reason == null;
    }
}
