package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * How an entry is sized before the risk engine caps it. Only the parameters of the chosen rule may
 * be given:
 * <ul>
 * <li>{@code fixed_fraction}: {@code fraction} of equity as notional (0 &lt; f ≤ 1);</li>
 * <li>{@code risk_at_stop}: lose {@code risk_pct} percent of equity if the stop is hit (0 &lt; r ≤ 10);</li>
 * <li>{@code vol_target}: a notional whose daily volatility (realized_vol_20 scaled to a day) is
 * {@code target_vol_pct} percent of equity, at most {@code max_fraction} of equity (default 1).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sizing(SizingRule rule, BigDecimal fraction, @JsonProperty("risk_pct") BigDecimal riskPct,
                     @JsonProperty("target_vol_pct") BigDecimal targetVolPct,
                     @JsonProperty("max_fraction") BigDecimal maxFraction) {
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Sizing {
        Keys.require(rule != null, "rule is required (fixed_fraction, risk_at_stop or vol_target)");
        switch (rule) {
            case FIXED_FRACTION -> {
                within("fraction", fraction, BigDecimal.ONE);
                absent(riskPct, "risk_pct", rule);
                absent(targetVolPct, "target_vol_pct", rule);
                absent(maxFraction, "max_fraction", rule);
            }
            case RISK_AT_STOP -> {
                within("risk_pct", riskPct, TEN);
                absent(fraction, "fraction", rule);
                absent(targetVolPct, "target_vol_pct", rule);
                absent(maxFraction, "max_fraction", rule);
            }
            default -> {
                within("target_vol_pct", targetVolPct, HUNDRED);
                maxFraction = maxFraction == null ? BigDecimal.ONE : maxFraction;
                within("max_fraction", maxFraction, BigDecimal.ONE);
                absent(fraction, "fraction", rule);
                absent(riskPct, "risk_pct", rule);
            }
        }
    }

    public static Sizing fixedFraction(String fraction) {
        return new Sizing(SizingRule.FIXED_FRACTION, new BigDecimal(fraction), null, null, null);
    }

    public static Sizing riskAtStop(String riskPct) {
        return new Sizing(SizingRule.RISK_AT_STOP, null, new BigDecimal(riskPct), null, null);
    }

    public static Sizing volTarget(String targetVolPct, String maxFraction) {
        return new Sizing(SizingRule.VOL_TARGET, null, null, new BigDecimal(targetVolPct), new BigDecimal(maxFraction));
    }

    private static void within(String name, BigDecimal v, BigDecimal max) {
        Keys.require(v != null, name + " is required");
        Keys.require(v.signum() > 0 && v.compareTo(max) <= 0, name + " must be > 0 and at most " + max.toPlainString());
    }

    private static void absent(BigDecimal v, String name, SizingRule rule) {
        Keys.require(v == null, name + " does not apply to " + rule.key());
    }
}
