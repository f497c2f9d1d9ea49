package io.tradingstack.mcp;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.tradingstack.bus.Json;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A tool result's structured content converted once: the JSON tree (what the output schema is
 * checked against and what goes on the wire as {@code structuredContent}) and its text (the text
 * content). Serialises as the tree. Decimals keep their scale: 1.50 stays 1.50, 1E-8 is written
 * 0.00000001, as {@link Json#MAPPER} writes them.
 */
record StructuredJson(@JsonValue JsonNode tree, String text) {
    private static final ObjectMapper TREES = Json.MAPPER.copy()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static StructuredJson of(Map<String, Object> structured) {
        JsonNode tree = TREES.valueToTree(structured);
        try {
            return new StructuredJson(tree, TREES.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
