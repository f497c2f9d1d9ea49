package io.tradingstack.agents;

import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.Json;

import java.util.List;
import java.util.Map;

/**
 * Which tool calls the user confirms before they run: this stack's trade tier (its tools say
 * "[tier: trade]"); on a server without tiers, every tool not marked read-only whose destructive
 * hint is not false (MCP's default for such a tool is destructive).
 */
final class ToolGate {
    private static final String TRADE_TAG = "[tier: trade]";

    private ToolGate() {
    }

    static boolean needsConfirmation(McpSchema.Tool tool) {
        String description = tool.description() == null ? "" : tool.description();
        if (description.contains(TRADE_TAG)) {
            return true;
        }
        if (description.contains("[tier: ")) {
            return false;
        }
        McpSchema.ToolAnnotations a = tool.annotations();
        boolean readOnly = a != null && Boolean.TRUE.equals(a.readOnlyHint());
        boolean notDestructive = a != null && Boolean.FALSE.equals(a.destructiveHint());
        return !readOnly && !notDestructive;
    }

    /** A call as the user sees it before saying y: the tool and its arguments in one line. */
    static String describe(String tool, Map<String, Object> arguments) {
        return tool + " " + Json.write(arguments);
    }

    /**
     * The value the server accepts for an answer: the first of the answer's synonyms in the
     * property's enum (risk "medium" → the server's "moderate" when it lists it), else the answer.
     */
    @SuppressWarnings("unchecked")
    static String accepted(McpSchema.Tool tool, String property, String answer, List<String> synonyms) {
        Object prefs = tool == null ? null : ((Map<String, Object>) tool.inputSchema().getOrDefault("properties", Map.of()))
                .get("preferences");
        Object props = prefs instanceof Map<?, ?> p ? p.get("properties") : null;
        Object schema = props instanceof Map<?, ?> m ? m.get(property) : null;
        Object values = schema instanceof Map<?, ?> s ? s.get("enum") : null;
        if (values instanceof List<?> accepted) {
            for (String candidate : synonyms) {
                if (accepted.contains(candidate)) {
                    return candidate;
                }
            }
        }
        return answer;
    }
}
