package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.risk.RiskAdjustments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The judge's floors on risk adjustments: every multiplier is clamped into [{@code min}, {@code max}]
 * (JUDGE_MIN_MULTIPLIER / JUDGE_MAX_MULTIPLIER, themselves inside the gate's [0.25, 3]), so no
 * review can switch trading off, and every adjustment ends: after its days, on its date, or after
 * its winning days with a {@code backstopDays} expiry as well (a losing streak cannot make it permanent).
 */
public record AdjustmentPolicy(BigDecimal min, BigDecimal max, @JsonProperty("default_days") int defaultDays,
                               @JsonProperty("backstop_days") int backstopDays) {
    public static final String AUTHOR = "judge";
    public static final AdjustmentPolicy DEFAULT = new AdjustmentPolicy(new BigDecimal("0.5"), BigDecimal.ONE, 3, 30);

    public AdjustmentPolicy {
        if (min == null || max == null || min.compareTo(RiskAdjustments.MIN) < 0 || max.compareTo(RiskAdjustments.MAX) > 0
                || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("the judge's multipliers must satisfy " + RiskAdjustments.MIN + " <= min <= max <= "
                    + RiskAdjustments.MAX + ", got [" + min + ", " + max + "]");
        }
        if (defaultDays < 1 || defaultDays > 30 || backstopDays < defaultDays || backstopDays > 365) {
            throw new IllegalArgumentException("default days 1-30 and backstop days between them and 365");
        }
    }

    public BigDecimal clamp(BigDecimal m) {
        return m.max(min).min(max);
    }

    /** The stored form of a proposal made at {@code now}: clamped, with its end, {@code reason} prefixed when clamped. */
    public RiskAdjustment toAdjustment(AdjustmentProposal p, Instant now) {
        BigDecimal clamped = clamp(p.multiplier());
        String reason = p.reason() == null || p.reason().isBlank() ? "judge adjustment" : p.reason().trim();
        if (clamped.compareTo(p.multiplier()) != 0) {
            reason = reason + " (asked " + p.multiplier().stripTrailingZeros().toPlainString() + ", clamped to "
                    + clamped.stripTrailingZeros().toPlainString() + ")";
        }
        reason = reason.length() > RiskAdjustment.MAX_REASON ? reason.substring(0, RiskAdjustment.MAX_REASON) : reason;
        RiskAdjustment.Scope scope = p.symbol() == null ? RiskAdjustment.Scope.GLOBAL : RiskAdjustment.Scope.SYMBOL;
        return RiskAdjustment.of(scope, p.symbol(), clamped, reason, AUTHOR, now, expiry(p, now), p.untilWinningDays());
    }

    private Instant expiry(AdjustmentProposal p, Instant now) {
        if (p.until() != null) {
            Instant end = p.until().atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant latest = now.plus(Duration.ofDays(backstopDays));
            return end.isAfter(now) ? (end.isAfter(latest) ? latest : end) : now.plus(Duration.ofDays(defaultDays));
        }
        if (p.untilWinningDays() != null) {
            return now.plus(Duration.ofDays(backstopDays));
        }
        int days = p.days() == null ? defaultDays : Math.min(p.days(), backstopDays);
        return now.plus(Duration.ofDays(days));
    }
}
