package io.tradingstack.agents.prompts;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * The prompt store as activities call it: blocking bus requests on the activity thread (never an
 * event loop). A failure is an activity failure typed by its code (PROMPT_STORAGE retried,
 * PROMPT_NOT_FOUND and PROMPT_BAD_REQUEST not); a request the records refuse is PROMPT_BAD_REQUEST.
 */
public final class PromptStoreClient {
    private final BusBridge bus;

    public PromptStoreClient(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        Codecs.register(vertx, PromptMessages.TYPES);
    }

    public PromptVersion createVersion(PromptChange change) {
        return bus.request(Addresses.PROMPTS_CREATE, change, PromptVersion.class);
    }

    public PromptVersion rollback(PromptRollback rollback) {
        return bus.request(Addresses.PROMPTS_ROLLBACK, rollback, PromptVersion.class);
    }

    /** The version in force; {@code defaultText} becomes version 1 when the agent has none yet. */
    public PromptVersion current(String agent, String defaultText) {
        return bus.request(Addresses.PROMPTS_CURRENT, checked(() -> new PromptMessages.Current(agent, defaultText)),
                PromptVersion.class);
    }

    public PromptHistory history(String agent, int limit) {
        return bus.request(Addresses.PROMPTS_HISTORY, checked(() -> new PromptMessages.HistoryQuery(agent, limit)),
                PromptHistory.class);
    }

    public Feedback addFeedback(String target, String message, String author) {
        return bus.request(Addresses.PROMPTS_FEEDBACK_ADD, checked(() -> new PromptMessages.FeedbackAdd(target, message, author)),
                Feedback.class);
    }

    /** The oldest pending messages to {@code target} (at most {@link PromptMessages#MAX_LIMIT}). */
    public List<Feedback> pending(String target) {
        return bus.request(Addresses.PROMPTS_FEEDBACK_PENDING, checked(() -> new PromptMessages.PendingQuery(target,
                PromptMessages.MAX_LIMIT)), PromptMessages.FeedbackList.class).feedback();
    }

    /** Marks messages consumed by {@code by}; answers the ids this call consumed. */
    public List<Long> consume(List<Long> ids, String by) {
        return bus.request(Addresses.PROMPTS_FEEDBACK_CONSUME, checked(() -> new PromptMessages.Consume(ids, by)),
                PromptMessages.Consumed.class).ids();
    }

    private static <T> T checked(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BusBridge.failure(ErrorCode.PROMPT_BAD_REQUEST, e.getMessage());
        }
    }
}
