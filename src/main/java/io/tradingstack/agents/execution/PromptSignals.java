package io.tradingstack.agents.execution;

/**
 * The bodies of the update_system_prompt and rollback_prompt signals. Field for field the JSON of
 * the prompt store's {@code PromptChange} and {@code PromptRollback} (agents.prompts), so the judge
 * and MCP tools may signal with either.
 */
public final class PromptSignals {
    private PromptSignals() {
    }

    /** A new system prompt text; identical to the one in force changes nothing. */
    public record Change(String agent, String text, String author, String reason, Double score) {
    }

    /** Put an earlier version back in force. */
    public record Rollback(String agent, int version, String author, String reason) {
    }

    /** One version the agent knows: its text and who wrote it why. */
    public record Version(int version, String text, String author, String reason, String createdAt) {
    }
}
