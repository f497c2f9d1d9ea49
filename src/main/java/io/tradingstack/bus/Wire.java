package io.tradingstack.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import io.vertx.core.json.JsonObject;

import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Converts records to and from JsonObject bodies (the JSON views and edges on the bus). Decimals
 * travel as strings: a JSON number would come back as a double from a clustered bus.
 */
public final class Wire {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new SimpleModule("decimals-as-text")
            .addSerializer(BigDecimal.class, new ToStringSerializerBase(BigDecimal.class) {
                @Override
                public String valueToString(Object value) {
                    return ((BigDecimal) value).toPlainString();
                }
            }));

    private Wire() {
    }

    public static JsonObject toJson(Object value) {
        try {
            return new JsonObject(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJson(JsonObject json, Class<T> type) {
        try {
            return MAPPER.readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
