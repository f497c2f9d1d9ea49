package io.tradingstack.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tradingstack.bus.Json;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema handling on networknt's validator (draft 2020-12 unless a schema names its own
 * dialect). Compiled schemas are cached by their canonical text: agents send the same few schemas
 * over and over.
 */
public final class Schemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final int CACHE_LIMIT = 256;
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** A deep, plain (maps, lists, strings, numbers, booleans) copy, unmodifiable at the top. */
    static Map<String, Object> copy(Map<String, Object> value) {
        return Collections.unmodifiableMap(Json.MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { }));
    }

    /** Compiles a schema; IllegalArgumentException when it is not a usable JSON Schema. */
    static Schema compile(Map<String, Object> schema) {
        String key = Canonical.json(schema);
        Schema cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Schema compiled;
        try {
            compiled = REGISTRY.getSchema(Json.MAPPER.valueToTree(schema));
            compiled.initializeValidators();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
        }
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    /** Readable validation errors ("$.qty: must be a number"), empty when the value is valid. */
    public static List<String> errors(Map<String, Object> schema, JsonNode value) {
        List<Error> errors = compile(schema).validate(value);
        return errors.stream().map(Error::toString).sorted().toList();
    }

    /** Parses JSON text into a tree; null when it is not JSON. */
    static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
