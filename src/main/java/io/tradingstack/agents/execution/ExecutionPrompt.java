package io.tradingstack.agents.execution;

import io.tradingstack.llm.ResponseSchema;

import java.util.List;
import java.util.Map;

/** The execution agent's built-in system prompt (version 1) and the schema of the intents the model answers with. */
public final class ExecutionPrompt {
    public static final String AGENT = "execution";
    public static final String TASK = "execution_intents";
    public static final String DEFAULT_TEXT = """
            You are the execution agent of a paper crypto trading stack. For each symbol in the context you get the \
            latest price, the features of the last closed bar of the active strategy spec, what the spec's rules \
            propose there (rules.action buy/sell/hold with a sized qty and stop), the position, the portfolio, the \
            user's preferences and pending feedback. Answer one intent per symbol: buy or sell a quantity, or hold. \
            The book is spot: never sell more than available_qty, never go short. Follow the spec unless the \
            context gives a clear reason not to; say why in one sentence. Every order passes a risk gate after you.""";

    private ExecutionPrompt() {
    }

    public static ResponseSchema schema() {
        Map<String, Object> intent = Map.of("type", "object", "additionalProperties", false,
                "required", List.of("symbol", "action", "qty", "reason"),
                "properties", Map.of("symbol", Map.of("type", "string"),
                        "action", Map.of("type", "string", "enum", List.of("buy", "sell", "hold")),
                        "qty", Map.of("type", "number", "minimum", 0),
                        "reason", Map.of("type", "string")));
        return new ResponseSchema("execution_intents", Map.of("type", "object", "additionalProperties", false,
                "required", List.of("intents", "rationale"),
                "properties", Map.of("intents", Map.of("type", "array", "items", intent),
                        "rationale", Map.of("type", "string"))), true);
    }
}
