package io.tradingstack.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingstack.bus.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON: object keys sorted, numbers in their shortest exact decimal form (so 1, 1.0 and
 * 1.00 hash alike whether a value came through Temporal as a double or the bus as a BigDecimal),
 * no whitespace. Its SHA-256 is the request hash of the determinism cache.
 */
final class Canonical {
    private Canonical() {
    }

    static String json(Object value) {
        return Json.write(normalize(Json.MAPPER.valueToTree(value)));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The hash of what determines an answer: the request (without its deterministic flag, which
     * only says whether to reuse) and the provider and model that would answer it.
     */
    static String requestHash(LlmRequest request, String provider, String model) {
        Map<String, Object> key = new TreeMap<>();
        key.put("provider", provider);
        key.put("model", model);
        key.put("request", request);
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(key);
        ((ObjectNode) tree.get("request")).remove("deterministic");
        ((ObjectNode) tree.get("request")).remove("model");
        return sha256(Json.write(normalize(tree)));
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> sorted.set(k, normalize(v)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.numberNode(d.scale() < 0 ? d.setScale(0) : d);
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
