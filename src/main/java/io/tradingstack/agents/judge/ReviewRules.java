package io.tradingstack.agents.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The review without a model: findings, recommendations, prompt guidance and risk adjustments
 * derived by fixed rules from the score's components. The offline responder answers with it, and
 * the workflow falls back to it when the model's answer is unusable. Deterministic.
 */
public final class ReviewRules {
    /** Under this a component is a weakness; at or above {@link #STRONG} a strength. */
    static final double WEAK = 50;
    static final double STRONG = 75;

    private ReviewRules() {
    }

    private record Rule(ScoreComponent component, String finding, String instruction) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(ScoreComponent.RETURNS, "returns are below target",
                    "Only enter when the strategy spec's entry rule holds on the latest closed candle; otherwise answer no_trade."),
            new Rule(ScoreComponent.DRAWDOWN, "drawdown is too deep",
                    "Size every entry smaller and always declare a stop; after a losing day take at most one new position."),
            new Rule(ScoreComponent.DECISIONS, "the risk gate blocks too many orders",
                    "Propose orders inside the risk limits (check exposure and the daily budget first) so the gate does not refuse them."),
            new Rule(ScoreComponent.COSTS, "fees eat too much of the P&L",
                    "Trade less often: prefer fewer entries with a clear edge over fees; avoid flipping positions within the hour."),
            new Rule(ScoreComponent.HIT_RATE, "too many trades lose",
                    "Require the trend filter and the entry signal to agree before buying; exit losers at the stop, not later."),
            new Rule(ScoreComponent.CONSISTENCY, "daily P&L is erratic",
                    "Spread risk over the day: no single entry may risk more than a third of the day's budget."));

    /** The review of {@code score} against the prompt threshold. */
    public static JudgeReview derive(JudgeScore score, double threshold) {
        List<String> findings = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        for (Rule r : RULES) {
            Double v = score.component(r.component());
            if (v == null) {
                continue;
            }
            if (v < WEAK) {
                findings.add(r.component().key() + " " + v + "/100: " + r.finding());
                recommendations.add(r.instruction());
                instructions.add(r.instruction());
            } else if (v >= STRONG) {
                findings.add(r.component().key() + " " + v + "/100: a strength");
            }
        }
        score.undefined().forEach((k, why) -> findings.add(k + " not scored: " + why));
        boolean propose = !instructions.isEmpty() && score.score() < threshold;
        JudgeReview.PromptProposal change = propose
                ? new JudgeReview.PromptProposal(true, "score " + score.score() + " is under " + threshold, instructions)
                : JudgeReview.PromptProposal.NONE;
        return new JudgeReview(findings, recommendations, change, adjustments(score), "rules");
    }

    private static List<JudgeReview.ProposedAdjustment> adjustments(JudgeScore score) {
        Double drawdown = score.component(ScoreComponent.DRAWDOWN);
        Double returns = score.component(ScoreComponent.RETURNS);
        if (drawdown != null && drawdown < 25) {
            return List.of(new JudgeReview.ProposedAdjustment(null, null, "halve risk until two winning days",
                    "drawdown " + drawdown + "/100", null, null));
        }
        if ((drawdown != null && drawdown < WEAK) || (returns != null && returns < 30)) {
            return List.of(new JudgeReview.ProposedAdjustment(null, null, "cut risk by 25% until two winning days",
                    "drawdown " + drawdown + "/100, returns " + returns + "/100", null, null));
        }
        return List.of();
    }

    /** The context the model (or the offline responder) sees. */
    public static Map<String, Object> context(JudgeScore score, double threshold, JudgeFigures figures, int feedback) {
        return Map.of("score", score.score(), "components", score.ordered(), "undefined", score.undefined(),
                "threshold", threshold, "figures", io.tradingstack.bus.Json.MAPPER.convertValue(figures, Map.class),
                "pending_feedback", feedback);
    }
}
