package io.tradingstack.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP server's JSON Schema validator (tool arguments and results), with the SDK default's
 * dialect (2020-12) and messages, minus its per-call work: a schema is compiled once and found
 * again by identity (the SDK's default finds it by the schema map's deep hash code, recomputed per
 * call), a result already rendered ({@link StructuredJson}) is checked on its tree and its text is
 * reused (the default converts the result to a tree and back to text per call). Never skips a check.
 */
final class CompiledSchemaValidator implements JsonSchemaValidator {
    /** Tool schemas are a few dozen fixed maps; beyond this, schemas are compiled per call, not kept. */
    private static final int MAX_CACHED = 512;

    /** No arguments at all, the most common input: checked without a conversion. */
    private static final JsonNode EMPTY = new ObjectMapper().createObjectNode();

    private final ObjectMapper mapper = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Map<Map<String, Object>, Schema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());
    private final JsonSchemaValidator schemaChecks = new DefaultJsonSchemaValidator();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object value) {
        if (schema == null || value == null) {
            throw new IllegalArgumentException(schema == null ? "Schema must not be null" : "Structured content must not be null");
        }
        try {
            if (value instanceof Map<?, ?> m && m.isEmpty()) {
                return verdict(schemaOf(schema).validate(EMPTY), "{}");
            }
            StructuredJson rendered = value instanceof StructuredJson s ? s : null;
            JsonNode node = rendered != null ? rendered.tree() : value instanceof JsonNode n ? n
                    : value instanceof String text ? mapper.readTree(text) : mapper.valueToTree(value);
            List<Error> errors = schemaOf(schema).validate(node);
            return verdict(errors, errors.isEmpty() ? rendered != null ? rendered.text() : mapper.writeValueAsString(node) : null);
        } catch (JsonProcessingException e) {
            return ValidationResponse.asInvalid("Error parsing tool JSON Schema: " + e.getMessage());
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid("Unexpected validation error: " + e.getMessage());
        }
    }

    private static ValidationResponse verdict(List<Error> errors, String json) {
        return errors.isEmpty() ? ValidationResponse.asValid(json)
                : ValidationResponse.asInvalid("Validation failed: JSON schema validation errors: " + errors);
    }

    /** Checks a tool's schema against the 2020-12 meta-schema once, at registration, as the SDK's default does. */
    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return schemaChecks.validateSchema(schema);
    }

    /** How many schemas are compiled and kept (one per distinct schema map validated against). */
    int compiledCount() {
        return compiled.size();
    }

    private Schema schemaOf(Map<String, Object> schema) {
        Schema known = compiled.get(schema);
        if (known != null) {
            return known;
        }
        Schema fresh = registry.getSchema(mapper.<JsonNode>valueToTree(schema));
        if (compiled.size() < MAX_CACHED) {
            compiled.putIfAbsent(schema, fresh);
        }
        return fresh;
    }
}
