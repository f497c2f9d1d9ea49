package io.tradingstack.llm;

/**
 * The one way to ask a model. Implementations validate structured output, enforce the daily caps,
 * account cost and record every call; failures come back as coded {@link LlmResult}s.
 * Workflows do not call this directly: they use {@link LlmActivities}, so the answer lands in the
 * workflow history and a replay never calls the model.
 */
public interface Llm {

    LlmResult chat(LlmRequest request);

    /** As {@link #chat(LlmRequest)}, streaming the answer's text to {@code listener} as it arrives. */
    LlmResult chat(LlmRequest request, StreamListener listener);

    /** Receives text as the model produces it; called on the caller's thread, in order. */
    @FunctionalInterface
    interface StreamListener {
        void onText(String delta);
    }
}
