package io.tradingstack.llm;

import java.util.Map;

/**
 * The JSON Schema a structured answer must satisfy, sent as {@code response_format: json_schema}.
 * {@code strict} asks OpenAI for constrained decoding (which needs every property required and
 * {@code additionalProperties: false}); the answer is validated here either way.
 */
public record ResponseSchema(String name, Map<String, Object> schema, boolean strict) {

    public ResponseSchema {
        if (name == null || !ToolDefinition.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must match " + ToolDefinition.NAME.pattern() + ": " + name);
        }
        if (schema == null || schema.isEmpty()) {
            throw new IllegalArgumentException("schema " + name + " is empty");
        }
        schema = Schemas.copy(schema);
        if (!"object".equals(schema.get("type"))) {
            throw new IllegalArgumentException("schema " + name + ": the root must be an object schema (Chat Completions requires it)");
        }
        Schemas.compile(schema);
    }

    public static ResponseSchema of(String name, Map<String, Object> schema) {
        return new ResponseSchema(name, schema, false);
    }
}
