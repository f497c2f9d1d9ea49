package io.tradingstack.strategy.store;

/**
 * The outcome of one signal to the store, kept (the latest ones) for get_store_events: a signal
 * cannot answer, so a rejected update is reported here with its code and message.
 */
public record StoreEvent(long sequence, String operation, String key, Integer version, boolean ok, Integer code,
                         String message) {
}
