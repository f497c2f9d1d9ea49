package io.tradingstack.agents.prompts;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bounds every prompt and feedback record checks in its constructor (the same as the V66
 * table constraints), so a bad request fails where it is built and never reaches the database.
 */
public final class PromptRules {
    /** Who may write a prompt version: the built-in default, the judge, or the user. */
    public static final List<String> AUTHORS = List.of("system", "judge", "user");
    /** The agents of this stack that have a system prompt or take feedback. */
    public static final List<String> AGENTS = List.of("execution", "judge", "strategist", "broker");
    public static final int MAX_TEXT = 32_000;
    public static final int MAX_MESSAGE = 4_000;
    public static final int MAX_REASON = 1_000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern FEEDBACK_AUTHOR = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private PromptRules() {
    }

    static void agent(String agent) {
        if (agent == null || !NAME.matcher(agent).matches()) {
            throw new IllegalArgumentException("agent must be a lowercase name such as execution, got " + agent);
        }
    }

    static void text(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("prompt text is required (1-" + MAX_TEXT + " characters)");
        }
    }

    static void author(String author) {
        if (!AUTHORS.contains(author)) {
            throw new IllegalArgumentException("author must be one of " + AUTHORS + ", got " + author);
        }
    }

    static void feedbackAuthor(String author) {
        if (author == null || !FEEDBACK_AUTHOR.matcher(author).matches()) {
            throw new IllegalArgumentException("author must be a short lowercase name such as user, got " + author);
        }
    }

    static void consumer(String by) {
        if (by == null || by.isBlank() || by.length() > 100) {
            throw new IllegalArgumentException("consumed_by is required (1-100 characters)");
        }
    }

    static void message(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("message is required (1-" + MAX_MESSAGE + " characters)");
        }
    }

    static void reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is required (1-" + MAX_REASON + " characters)");
        }
    }

    static void score(BigDecimal score) {
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("score must be within 0..100, got " + score);
        }
    }
}
