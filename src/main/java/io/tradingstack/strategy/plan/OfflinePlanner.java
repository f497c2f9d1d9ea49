package io.tradingstack.strategy.plan;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.spec.Author;
import io.tradingstack.strategy.spec.ConfidenceGrade;
import io.tradingstack.strategy.spec.Level;
import io.tradingstack.strategy.spec.LevelType;
import io.tradingstack.strategy.spec.RiskOverrides;
import io.tradingstack.strategy.spec.Sizing;
import io.tradingstack.strategy.spec.SpecValidator;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.spec.Trigger;
import io.tradingstack.strategy.spec.TriggerCategory;
import io.tradingstack.strategy.spec.TriggerDirection;
import io.tradingstack.strategy.spec.ValidationReport;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans a spec by rules from recent feature vectors of one market and timeframe: pure and
 * deterministic (no clock, no randomness; the times come from the vectors). The rules, also in
 * docs/strategy.md:
 * <ul>
 * <li>uptrend (most warm bars): a trend-continuation long when RSI crosses back above the middle
 * of its recent 20th-50th percentiles (35..55), out when the trend turns down or RSI exceeds its
 * 80th percentile + 5 (65..85); an aggressive profile adds a volume breakout;</li>
 * <li>sideways: a mean-reversion long below the lower Bollinger band with RSI under its 20th
 * percentile (20..40), out at the middle band or RSI above the median + 10 (55..70);</li>
 * <li>downtrend: only a grade-C reversal long on deep oversold (20th percentile − 5, 15..30);</li>
 * <li>always an emergency exit on extreme volatility; stop = the profile's ATR multiple, take-profit
 * twice that; risk at stop = the profile's percent, halved when volatility is high or extreme;</li>
 * <li>valid for 24 hours from the last vector; long only (the paper book is spot).</li>
 * </ul>
 * The LLM planner builds on this as its offline answer.
 */
public final class OfflinePlanner {
    static final Duration VALIDITY = Duration.ofHours(24);

    private OfflinePlanner() {
    }

    /** Whether {@code recent} has the warm vectors a plan needs (asking earlier only gets FEATURES_NOT_WARM). */
    public static boolean ready(List<FeatureVector> recent, String timeframe) {
        return MarketRead.of(recent, timeframe) != null;
    }

    /**
     * @param recent feature vectors of {@code market} on {@code timeframe}, oldest first
     * @throws CodedException FEATURES_NOT_WARM with fewer than 20 warm vectors
     */
    public static StrategySpec plan(String market, String timeframe, List<FeatureVector> recent, RiskProfile profile) {
        MarketRead read = MarketRead.of(recent, timeframe);
        if (read == null) {
            throw new CodedException(ErrorCode.FEATURES_NOT_WARM, "the planner needs at least " + MarketRead.MIN_WARM
                    + " warm feature vectors (RSI, ATR, SMA50, EMA26, realized vol defined) of " + market + " " + timeframe);
        }
        FeatureVector last = recent.get(recent.size() - 1);
        Instant at = last.computedAt();
        List<Trigger> triggers = new ArrayList<>(triggers(read, profile));
        triggers.add(Trigger.exit("extreme_vol_exit", TriggerCategory.EMERGENCY_EXIT, "vol_state == 'extreme'",
                "leave at once when volatility is extreme"));
        boolean calm = !"high".equals(read.vol()) && !"extreme".equals(read.vol());
        BigDecimal risk = calm ? profile.riskPct : profile.riskPct.divide(BigDecimal.valueOf(2));
        StrategySpec spec = new StrategySpec(id(market, timeframe, read, profile), null, market, timeframe, triggers,
                new Level(LevelType.ATR, profile.stopAtr), new Level(LevelType.ATR, profile.stopAtr.multiply(BigDecimal.valueOf(2))),
                new Sizing(io.tradingstack.strategy.spec.SizingRule.RISK_AT_STOP, null, risk, null, null),
                new RiskOverrides(profile.maxPositionRiskPct, null, null, profile.maxDailyLossPct, null, profile.maxTradesPerDay,
                        List.of("short")),
                at.plus(VALIDITY), false, rationale(read, profile, calm), null, Author.PLANNER, at);
        ValidationReport r = SpecValidator.validate(spec, RuleEnvironment.defaultTimeframes(), null);
        if (!r.valid()) {
            throw new IllegalStateException("planner produced an invalid spec: " + r.errors());
        }
        return spec;
    }

    private static List<Trigger> triggers(MarketRead m, RiskProfile p) {
        List<Trigger> out = new ArrayList<>();
        switch (m.trend()) {
            case "uptrend" -> {
                long entry = clamp((m.rsiLow() + m.rsiMedian()) / 2, 35, 55);
                long exit = clamp(m.rsiHigh() + 5, 65, 85);
                out.add(Trigger.entry("trend_pullback_long", TriggerCategory.TREND_CONTINUATION, TriggerDirection.LONG,
                        ConfidenceGrade.A, "trend_state == 'uptrend' and rsi_14 crosses_above " + entry + " and vol_state != 'extreme'",
                        "trend_state == 'downtrend' or rsi_14 > " + exit, "rejoin the uptrend when RSI turns up through " + entry));
                if (p == RiskProfile.AGGRESSIVE) {
                    out.add(Trigger.entry("volume_breakout_long", TriggerCategory.VOLATILITY_BREAKOUT, TriggerDirection.LONG,
                            ConfidenceGrade.B, "close > rolling_high_20 and volume_multiple_20 > 1.5 and trend_state == 'uptrend'",
                            "close < ema_26", "a new 20-bar high on heavy volume"));
                }
            }
            case "sideways" -> {
                long low = clamp(m.rsiLow(), 20, 40);
                long high = clamp(m.rsiMedian() + 10, 55, 70);
                out.add(Trigger.entry("range_reversion_long", TriggerCategory.MEAN_REVERSION, TriggerDirection.LONG,
                        ConfidenceGrade.B, "close < bb_lower and rsi_14 < " + low + " and vol_state in ['low', 'normal']",
                        "close > bb_middle or rsi_14 > " + high, "buy the lower band of the range, out at its middle"));
            }
            default -> {
                long deep = clamp(m.rsiLow() - 5, 15, 30);
                out.add(Trigger.entry("oversold_reversal_long", TriggerCategory.REVERSAL, TriggerDirection.LONG,
                        ConfidenceGrade.C, "rsi_14 < " + deep + " and close < bb_lower and vol_state != 'extreme'",
                        "rsi_14 > 50 or close > bb_middle", "only a deep oversold bounce while the trend is down"));
            }
        }
        return out;
    }

    private static long clamp(double v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, Math.round(v)));
    }

    private static String id(String market, String timeframe, MarketRead m, RiskProfile p) {
        return (market + "-" + timeframe + "-" + m.trend() + "-" + p.key()).toLowerCase(Locale.ROOT);
    }

    private static String rationale(MarketRead m, RiskProfile p, boolean calm) {
        return "Offline plan (" + p.key() + "): " + m + ". " + (calm ? "" : "Risk per trade halved for high volatility. ")
                + "Long only; stop " + p.stopAtr.toPlainString() + " ATR, take-profit twice that.";
    }
}
