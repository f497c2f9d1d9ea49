package io.tradingstack.llm;

/**
 * One model back end, one attempt per call: no retries, no caps, no validation (the
 * {@link LlmService} does those, the same way for every provider).
 */
public interface LlmProvider extends AutoCloseable {

    /** "openai" or "offline". */
    String name();

    /** The model asked for when a request names none. */
    String defaultModel();

    /** Where answers come from, for /health (a base URL, never a key). */
    String endpoint();

    /**
     * Asks the model once. A streaming caller passes a listener; others pass null.
     *
     * @throws ProviderException for transport failures, refusals and unreadable answers
     */
    LlmResponse complete(LlmRequest request, String model, Llm.StreamListener listener) throws ProviderException;

    @Override
    default void close() {
    }
}
