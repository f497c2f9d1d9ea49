package io.tradingstack.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradingstack.bus.Json;
import io.vertx.core.json.JsonObject;

import java.io.UncheckedIOException;

/** Converts the ledger's records to and from the JsonObject bodies of its bus endpoints. */
public final class Wire {
    private Wire() {
    }

    public static JsonObject toJson(Object value) {
        try {
            return new JsonObject(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJson(JsonObject json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
