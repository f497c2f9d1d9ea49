package io.tradingstack.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A tool result's structured content converted once: the JSON tree the output schema is checked
 * against, and its text, which is both the text content and, written as is, the
 * {@code structuredContent} on the wire (so the result is serialised once, not three times).
 * Numbers are written as {@link Json#MAPPER} writes them: decimals plain (1E-8 as 0.00000001).
 */
@JsonSerialize(using = StructuredJson.AsText.class)
record StructuredJson(JsonNode tree, String text) {
    private static final ObjectMapper TEXT = Json.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** @param structured plain values ({@link Plain}): maps, lists, strings, booleans, numbers, null */
    static StructuredJson of(Map<String, Object> structured) {
        JsonNode tree = node(structured);
        try {
            return new StructuredJson(tree, TEXT.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree of plain values built directly (a mapper's conversion goes through a token buffer). */
    private static JsonNode node(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), node(x)));
            return o;
        } else if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode(l.size());
            l.forEach(x -> a.add(node(x)));
            return a;
        } else if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).intValue());
        } else if (v instanceof Long n) {
            return NODES.numberNode(n);
        } else if (v instanceof Double d) {
            return DoubleNode.valueOf(d);
        } else if (v instanceof Float f) {
            return FloatNode.valueOf(f);
        } else if (v instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        return TEXT.valueToTree(v);
    }

    /** Writes the text as the value: it is the JSON of the tree. */
    static final class AsText extends StdSerializer<StructuredJson> {
        AsText() {
            super(StructuredJson.class);
        }

        @Override
        public void serialize(StructuredJson value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.text());
        }
    }
}
