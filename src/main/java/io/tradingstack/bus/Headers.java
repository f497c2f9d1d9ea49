package io.tradingstack.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.time.Instant;
import java.util.UUID;

/** Standard message headers: correlation id, message type and event time. */
public final class Headers {
    public static final String CORRELATION_ID = "ts-correlation-id";
    public static final String MESSAGE_TYPE = "ts-message-type";
    public static final String EVENT_TIME = "ts-event-time";

    private Headers() {
    }

    /** Delivery options carrying a fresh correlation id, the message type and the event time. */
    public static DeliveryOptions of(String messageType, Instant eventTime) {
        return of(messageType, eventTime, UUID.randomUUID().toString());
    }

    public static DeliveryOptions of(String messageType, Instant eventTime, String correlationId) {
        return new DeliveryOptions()
                .addHeader(CORRELATION_ID, correlationId)
                .addHeader(MESSAGE_TYPE, messageType)
                .addHeader(EVENT_TIME, eventTime.toString());
    }

    /** Delivery options that continue the correlation id of an incoming message. */
    public static DeliveryOptions following(Message<?> incoming, String messageType, Instant eventTime) {
        String id = incoming.headers().get(CORRELATION_ID);
        return of(messageType, eventTime, id == null ? UUID.randomUUID().toString() : id);
    }

    public static String correlationId(MultiMap headers) {
        return headers.get(CORRELATION_ID);
    }

    public static String messageType(MultiMap headers) {
        return headers.get(MESSAGE_TYPE);
    }

    public static Instant eventTime(MultiMap headers) {
        String value = headers.get(EVENT_TIME);
        return value == null ? null : Instant.parse(value);
    }
}
