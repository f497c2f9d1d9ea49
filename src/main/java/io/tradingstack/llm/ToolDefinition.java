package io.tradingstack.llm;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function the model may call: a name, what it does, and a JSON Schema (an object schema) for
 * its arguments. The same shape as an MCP tool, so MCP tools map onto it one to one.
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {
    /** OpenAI's rule for function names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ToolDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME.pattern() + ": " + name);
        }
        description = description == null ? "" : description;
        parameters = parameters == null || parameters.isEmpty()
                ? Map.of("type", "object", "properties", Map.of()) : Schemas.copy(parameters);
        if (!"object".equals(parameters.get("type"))) {
            throw new IllegalArgumentException("tool " + name + ": parameters must be an object schema");
        }
    }
}
