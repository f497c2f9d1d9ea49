package io.tradingstack.agents.execution;

import java.math.BigDecimal;

/**
 * The bodies of the update_system_prompt and rollback_prompt signals and what the agent keeps of
 * the prompt store's answers. The signal bodies are field for field the JSON of the store's
 * {@code PromptChange} and {@code PromptRollback} (agents.prompts), so the judge and MCP tools may
 * signal with either; they are checked by the store's records in an activity, where a bad one is
 * a coded refusal the agent shows, never a failed workflow task.
 */
public final class PromptSignals {
    private PromptSignals() {
    }

    /** A new system prompt text; identical to the one in force changes nothing. */
    public record Change(String agent, String text, String author, String reason, BigDecimal score) {
    }

    /** Put an earlier version back in force. */
    public record Rollback(String agent, int version, String author, String reason) {
    }

    /** The version in force, as the store answered it. */
    public record Version(int version, String text, String author, String reason) {
    }

    /** One pending feedback message of the user. */
    public record Note(long id, String message) {
    }
}
