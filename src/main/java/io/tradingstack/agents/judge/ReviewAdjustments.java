package io.tradingstack.agents.judge;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.risk.RiskAdjustment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A review's proposed risk adjustments as stored adjustments: phrases read by {@link RiskPhrase},
 * multipliers clamped and given an end by the {@link AdjustmentPolicy}; a proposal that would
 * switch trading off or cannot be read is refused with its code. Pure: the judge workflow and the
 * LLM backtest's judge share it.
 */
public final class ReviewAdjustments {
    private ReviewAdjustments() {
    }

    /** The adjustments to store and the refusals (as judge actions). */
    public record Outcome(List<RiskAdjustment> adjustments, List<JudgeAction> refused) {
        public Outcome {
            adjustments = List.copyOf(adjustments);
            refused = List.copyOf(refused);
        }
    }

    /** @param label starts every reason, e.g. "judge evaluation ID (score 41.5)" */
    public static Outcome of(JudgeReview review, AdjustmentPolicy policy, String label, Instant now) {
        List<RiskAdjustment> adjustments = new ArrayList<>();
        List<JudgeAction> refused = new ArrayList<>();
        for (JudgeReview.ProposedAdjustment p : review.riskAdjustments()) {
            try {
                AdjustmentProposal proposal = p.phrase() != null && !p.phrase().isBlank()
                        ? RiskPhrase.parse(p.phrase()).withReason(reason(label, p))
                        : new AdjustmentProposal(p.symbol(), p.multiplier(), p.days(), null, p.untilWinningDays(), reason(label, p));
                if (proposal.multiplier().signum() <= 0) {
                    throw new CodedException(ErrorCode.JUDGE_ADJUSTMENT_REFUSED, "a multiplier of 0 switches trading off");
                }
                adjustments.add(policy.toAdjustment(proposal, now));
            } catch (CodedException e) {
                refused.add(new JudgeAction("adjustment_refused", e.getMessage(), null, null, e.code().name()));
            } catch (IllegalArgumentException | NullPointerException bad) {
                refused.add(new JudgeAction("adjustment_refused", String.valueOf(bad.getMessage()), null, null,
                        ErrorCode.JUDGE_BAD_PHRASE.name()));
            }
        }
        return new Outcome(adjustments, refused);
    }

    private static String reason(String label, JudgeReview.ProposedAdjustment p) {
        String why = p.reason() == null || p.reason().isBlank() ? "" : ": " + p.reason();
        String what = p.phrase() != null && !p.phrase().isBlank() ? p.phrase() : "multiplier " + p.multiplier();
        return label + " " + what + why;
    }
}
