package io.tradingstack.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.Json;

import java.util.Map;

/**
 * A function call the model asked for. {@code arguments} is the JSON text exactly as the model
 * produced it; the service has validated it against the tool's parameter schema before a caller
 * sees it in an OK result.
 */
public record ToolCall(@Doc("tool call id (send it back as call_id)") String id, @Doc("tool to call") String name,
                       @Doc("its arguments as JSON text") String arguments) {

    public ToolCall {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tool call id is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tool call name is required");
        }
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }

    /** The arguments as a map; throws IllegalArgumentException when they are not a JSON object. */
    public Map<String, Object> argumentMap() {
        try {
            return Json.MAPPER.readValue(arguments, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool call arguments are not a JSON object: " + e.getOriginalMessage());
        }
    }
}
