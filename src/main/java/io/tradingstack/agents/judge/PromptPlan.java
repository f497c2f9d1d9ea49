package io.tradingstack.agents.judge;

import java.util.List;

/**
 * The judge's decision on the execution agent's prompt after one evaluation. First the version on
 * probation is measured: if another version is now in force and scored at least JUDGE_ROLLBACK_DELTA
 * under its predecessor, roll back to the predecessor (and change nothing else this time); otherwise
 * keep it. Then, a new version when the score is under the threshold, the review proposes a change,
 * or user feedback for the agent is pending. Pure.
 */
public record PromptPlan(Kind kind, int version, String text, String author, String reason) {
    public enum Kind { KEEP, NEW_VERSION, ROLLBACK }

    /** Marks the judge's section of the prompt; everything above it is kept as it was. */
    public static final String GUIDANCE = "## Judge guidance";

    public static PromptPlan decide(JudgeSettings s, JudgeMemory.Probation probation, int currentVersion, String currentText,
                                    double score, JudgeReview review, List<String> feedback) {
        if (probation != null && currentVersion != probation.fromVersion()
                && score <= probation.baseline() - s.rollbackDelta()) {
            return new PromptPlan(Kind.ROLLBACK, probation.fromVersion(), null, "judge", "version " + currentVersion
                    + " scored " + score + ", " + JudgeScore.round(probation.baseline() - score) + " under version "
                    + probation.fromVersion() + " (" + probation.baseline() + "); JUDGE_ROLLBACK_DELTA=" + s.rollbackDelta());
        }
        if (currentText == null) {
            return keep("the execution agent has no prompt in force yet");
        }
        boolean low = score < s.threshold();
        boolean proposed = review.promptChange().proposed() && !review.promptChange().instructions().isEmpty();
        if (!low && !proposed && feedback.isEmpty()) {
            return keep("score " + score + " is at or above " + s.threshold() + ", no change proposed, no feedback");
        }
        String text = compose(currentText, review.promptChange().instructions(), feedback);
        if (text.equals(currentText)) {
            return keep("the guidance would not change the prompt");
        }
        String author = !low && !proposed ? "user" : "judge";
        String reason = (low ? "score " + score + " under " + s.threshold() : proposed ? "the review proposes a change"
                : "user feedback") + (feedback.isEmpty() ? "" : "; " + feedback.size() + " feedback message(s)");
        return new PromptPlan(Kind.NEW_VERSION, 0, text, author, reason);
    }

    private static PromptPlan keep(String why) {
        return new PromptPlan(Kind.KEEP, 0, null, null, why);
    }

    /** The prompt with its judge section replaced by the new guidance and feedback (the rest untouched). */
    public static String compose(String current, List<String> instructions, List<String> feedback) {
        int at = current.indexOf("\n\n" + GUIDANCE);
        String base = at >= 0 ? current.substring(0, at) : current.stripTrailing();
        if (instructions.isEmpty() && feedback.isEmpty()) {
            return current;
        }
        StringBuilder out = new StringBuilder(base).append("\n\n").append(GUIDANCE).append('\n');
        instructions.forEach(i -> out.append("- ").append(i.strip()).append('\n'));
        feedback.forEach(f -> out.append("- The user asks: ").append(f.strip().replace('\n', ' ')).append('\n'));
        return out.toString().stripTrailing();
    }
}
