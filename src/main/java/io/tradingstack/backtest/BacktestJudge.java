package io.tradingstack.backtest;

import io.tradingstack.agents.judge.JudgeFigures;
import io.tradingstack.agents.judge.JudgeInputs;
import io.tradingstack.agents.judge.JudgePrompt;
import io.tradingstack.agents.judge.JudgeReview;
import io.tradingstack.agents.judge.JudgeScore;
import io.tradingstack.agents.judge.JudgeSettings;
import io.tradingstack.agents.judge.PromptPlan;
import io.tradingstack.agents.judge.ReviewAdjustments;
import io.tradingstack.agents.judge.ReviewRules;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.strategy.plan.PlannerPrompt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live judge's code at each simulated day's end: the pure {@link JudgeScore} of the day, the
 * review by the model (or, beyond the day's request cap or when the answer is unusable, by
 * {@link ReviewRules}, as the judge workflow falls back), its risk adjustments through
 * {@link ReviewAdjustments} and the judge's policy, and its prompt guidance through
 * {@link PromptPlan} applied to the strategist's prompt. Everything takes effect from the next day.
 */
final class BacktestJudge {
    private final LlmActivities llm;
    private final RiskAdjustments base;
    private final JudgeSettings settings = JudgeSettings.defaults();
    private final List<RiskAdjustment> active = new ArrayList<>();
    private final Map<RiskAdjustment, Integer> winsLeft = new java.util.IdentityHashMap<>();
    private RiskAdjustments inForce;
    private String plannerPrompt = PlannerPrompt.SYSTEM;
    private int plannerVersion = 1;

    BacktestJudge(LlmActivities llm, RiskAdjustments base) {
        this.llm = llm;
        this.base = base == null ? RiskAdjustments.NONE : base;
        this.inForce = this.base;
    }

    String plannerPrompt() {
        return plannerPrompt;
    }

    String plannerVersion() {
        return plannerVersion == 1 ? PlannerPrompt.VERSION : PlannerPrompt.VERSION + ".judge" + plannerVersion;
    }

    RiskAdjustments inForce() {
        return inForce;
    }

    /** Reviews the day; the adjustments and prompt it decides apply from the next day's start. */
    Map<String, Object> review(DayFigures day, boolean mayAsk, int cap) {
        JudgeFigures figures = new JudgeFigures(1, day.startEquity(), day.endEquity(), day.maxDrawdown(),
                List.of(day.endEquity().subtract(day.startEquity())), day.closedTrades(), day.winningTrades(),
                day.grossPnl(), day.fees(), day.attempts(), day.blocked(), 0L, 0L);
        JudgeScore score = JudgeScore.of(figures, settings.rules());
        JudgeReview review = ask(score, figures, mayAsk, cap);
        Instant next = day.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        settleWinningDays(day.endEquity().compareTo(day.startEquity()) > 0);
        ReviewAdjustments.Outcome made = ReviewAdjustments.of(review, settings.adjustments(),
                "judge of " + day.date() + " (score " + score.score() + ")", next);
        for (RiskAdjustment a : made.adjustments()) {
            active.add(a);
            if (a.untilWinningDays() != null) {
                winsLeft.put(a, a.untilWinningDays());
            }
        }
        active.removeIf(a -> !a.activeAt(next));
        inForce = combine(base, RiskAdjustments.inForce(active, next));
        PromptPlan plan = PromptPlan.decide(settings, null, plannerVersion, plannerPrompt, score.score(), review, List.of());
        if (plan.kind() == PromptPlan.Kind.NEW_VERSION) {
            plannerPrompt = plan.text();
            plannerVersion++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", score.score());
        m.put("components", score.ordered());
        m.put("findings", review.findings());
        m.put("recommendations", review.recommendations());
        m.put("review_source", review.source());
        m.put("adjustments_made", made.adjustments().stream().map(BacktestJudge::describe).toList());
        m.put("adjustments_refused", made.refused().stream().map(r -> r.code() + ": " + r.detail()).toList());
        m.put("prompt", plan.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + plan.reason());
        m.put("adjustments_from_next_day", describe(inForce));
        return m;
    }

    private JudgeReview ask(JudgeScore score, JudgeFigures figures, boolean mayAsk, int cap) {
        if (!mayAsk) {
            return ReviewRules.derive(score, settings.threshold())
                    .withSource("rules (cap of " + cap + " LLM requests per simulated day reached)");
        }
        LlmResult answer = llm.chat(JudgePrompt.request(score, settings,
                new JudgeInputs(figures, plannerVersion, plannerPrompt, List.of())));
        if (answer.ok()) {
            try {
                return answer.structuredAs(JudgeReview.class).withSource(answer.provider());
            } catch (RuntimeException unreadable) {
                return ReviewRules.derive(score, settings.threshold()).withSource("rules (unreadable review)");
            }
        }
        return ReviewRules.derive(score, settings.threshold()).withSource("rules (" + answer.code() + ")");
    }

    /** An adjustment "until N winning days" ends after the N-th day that ends above its start, as the judge counts. */
    private void settleWinningDays(boolean won) {
        if (!won) {
            return;
        }
        winsLeft.replaceAll((a, n) -> n - 1);
        winsLeft.entrySet().removeIf(e -> {
            if (e.getValue() <= 0) {
                active.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    static RiskAdjustments combine(RiskAdjustments configured, RiskAdjustments judged) {
        Map<String, BigDecimal> symbols = new TreeMap<>(configured.symbols());
        judged.symbols().forEach((s, m) -> symbols.merge(s, m, BigDecimal::min));
        return new RiskAdjustments(configured.global().min(judged.global()), symbols, configured.until());
    }

    static Map<String, Object> describe(RiskAdjustments a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("global", a.global());
        m.put("symbols", new TreeMap<>(a.symbols()));
        return m;
    }

    static Map<String, Object> describe(RiskAdjustment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", a.scope().name().toLowerCase(java.util.Locale.ROOT));
        m.put("symbol", a.symbol());
        m.put("multiplier", a.multiplier());
        m.put("reason", a.reason());
        m.put("expires_at", a.expiresAt() == null ? null : a.expiresAt().toString());
        m.put("until_winning_days", a.untilWinningDays());
        return m;
    }
}
