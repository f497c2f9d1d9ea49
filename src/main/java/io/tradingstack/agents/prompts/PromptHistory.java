package io.tradingstack.agents.prompts;

import java.util.List;

/**
 * An agent's prompt: the version in force (null while none was ever stored), the latest versions
 * newest first, and the latest switches of the version in force newest first.
 */
public record PromptHistory(PromptVersion current, List<PromptVersion> versions, List<PromptSwitch> switches) {
    public PromptHistory {
        versions = List.copyOf(versions);
        switches = switches == null ? List.of() : List.copyOf(switches);
    }

    public PromptHistory(PromptVersion current, List<PromptVersion> versions) {
        this(current, versions, List.of());
    }
}
