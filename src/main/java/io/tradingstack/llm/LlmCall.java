package io.tradingstack.llm;

/**
 * A chat request on the bus. {@code callKey} (workflow, run and activity id) identifies the logical
 * call, so a retried activity gets the answer its earlier attempt stored instead of a second call.
 */
public record LlmCall(String callKey, LlmRequest request) {
    public LlmCall {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
    }
}
