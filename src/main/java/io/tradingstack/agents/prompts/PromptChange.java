package io.tradingstack.agents.prompts;

import java.math.BigDecimal;

/**
 * A request to store {@code text} as the next version of an agent's prompt and put it in force.
 * The same text as the version in force changes nothing (the store answers that version).
 */
public record PromptChange(String agent, String text, String author, String reason, BigDecimal score) {
    public PromptChange {
        PromptRules.agent(agent);
        PromptRules.text(text);
        PromptRules.author(author);
        PromptRules.reason(reason);
        PromptRules.score(score);
    }
}
