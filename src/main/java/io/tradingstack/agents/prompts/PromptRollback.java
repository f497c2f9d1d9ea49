package io.tradingstack.agents.prompts;

/** A request to put an earlier stored version of an agent's prompt back in force (no new version is written). */
public record PromptRollback(String agent, int version, String author, String reason) {
    public PromptRollback {
        PromptRules.agent(agent);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        PromptRules.author(author);
        PromptRules.reason(reason);
    }
}
