package io.tradingstack.agents.prompts;

import java.util.List;

/**
 * The records of the prompt store's bus endpoints ({@code ts.prompts.*}), each with a codec:
 * {@link PromptChange} and {@link PromptRollback} answer the {@link PromptVersion} in force,
 * {@link Current} that version too, {@link HistoryQuery} a {@link PromptHistory},
 * {@link FeedbackAdd} the stored {@link Feedback}, {@link PendingQuery} a {@link FeedbackList},
 * {@link Consume} a {@link Consumed}.
 */
public final class PromptMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(PromptChange.class, PromptRollback.class,
            PromptVersion.class, PromptHistory.class, PromptSwitch.class, Feedback.class, Current.class, HistoryQuery.class,
            FeedbackAdd.class, PendingQuery.class, FeedbackList.class, Consume.class, Consumed.class);
    /** Most versions, switches or feedback messages one read returns. */
    public static final int MAX_LIMIT = 200;

    private PromptMessages() {
    }

    /**
     * The version in force of {@code agent}. When none was ever stored, {@code defaultText} (the
     * agent's built-in prompt) becomes version 1 by author system; without it the answer is PROMPT_NOT_FOUND.
     */
    public record Current(String agent, String defaultText) {
        public Current {
            PromptRules.agent(agent);
            if (defaultText != null) {
                PromptRules.text(defaultText);
            }
        }
    }

    /** The latest {@code limit} versions and switches of an agent's prompt. */
    public record HistoryQuery(String agent, int limit) {
        public HistoryQuery {
            PromptRules.agent(agent);
            limit = bounded(limit);
        }
    }

    /** A message of {@code author} to the agent {@code targetAgent}, pending until it consumes it. */
    public record FeedbackAdd(String targetAgent, String message, String author) {
        public FeedbackAdd {
            PromptRules.agent(targetAgent);
            PromptRules.message(message);
            PromptRules.feedbackAuthor(author);
        }
    }

    /** The oldest {@code limit} messages to {@code targetAgent} it has not consumed. */
    public record PendingQuery(String targetAgent, int limit) {
        public PendingQuery {
            PromptRules.agent(targetAgent);
            limit = bounded(limit);
        }
    }

    public record FeedbackList(List<Feedback> feedback) {
        public FeedbackList {
            feedback = List.copyOf(feedback);
        }
    }

    /** Marks these messages consumed by {@code by} (the ones already consumed keep their first consumer). */
    public record Consume(List<Long> ids, String by) {
        public Consume {
            ids = List.copyOf(ids);
            if (ids.size() > MAX_LIMIT) {
                throw new IllegalArgumentException("at most " + MAX_LIMIT + " ids at once");
            }
            PromptRules.consumer(by);
        }
    }

    /** The messages this call consumed (not the ones consumed before). */
    public record Consumed(List<Long> ids) {
        public Consumed {
            ids = List.copyOf(ids);
        }
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
