package io.tradingstack.bus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The one Jackson mapper configuration of the code base: ISO-8601 times, BigDecimal kept exact and
 * written in plain notation, unknown properties ignored. {@link #toJsonObject} is the same mapper
 * writing decimals as text, for JSON bodies that may cross a clustered bus (a JSON number comes back
 * from it as a double).
 */
public final class Json {
    /** Attribute of a write that asks for decimals as text. */
    private static final String DECIMALS_AS_TEXT = "ts.decimalsAsText";

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("decimals").addSerializer(BigDecimal.class, new DecimalSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static final ObjectWriter TEXT_DECIMALS = MAPPER.writer().withAttribute(DECIMALS_AS_TEXT, Boolean.TRUE);

    private Json() {
    }

    /** Serializes a value with the project's mapper (plain decimals, ISO times). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + value.getClass().getName(), e);
        }
    }

    /** A value (a record, usually) as a JsonObject body, decimals as exact plain text. */
    public static JsonObject toJsonObject(Object value) {
        try {
            return new JsonObject(TEXT_DECIMALS.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as plain JSON maps, lists, strings and numbers, decimals as exact plain text. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> toTextMap(Object value) {
        try {
            return MAPPER.readValue(TEXT_DECIMALS.writeValueAsString(value), java.util.Map.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JsonObject body (decimals as text or numbers) into a type. */
    public static <T> T fromJson(JsonObject json, Class<T> type) {
        try {
            return MAPPER.readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain notation always; as a JSON string when the write asks for decimals as text. */
    private static final class DecimalSerializer extends StdSerializer<BigDecimal> {
        DecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Boolean.TRUE.equals(provider.getAttribute(DECIMALS_AS_TEXT))) {
                gen.writeString(value.toPlainString());
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
