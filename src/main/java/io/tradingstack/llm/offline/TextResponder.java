package io.tradingstack.llm.offline;

import io.tradingstack.llm.LlmRequest;

import java.util.Set;

/**
 * Plain text turns without tools or schema: says that no model is configured, what it was asked
 * and which context it was given, so a caller sees its own inputs reflected, not a canned line.
 */
final class TextResponder implements OfflineResponder {
    static final String TASK = "text";

    @Override
    public Set<String> tasks() {
        return Set.of(TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        StringBuilder out = new StringBuilder("Offline rules (no model configured). ");
        String asked = request.lastUserText().strip();
        out.append(asked.isEmpty() ? "No question was asked." : "You asked: \"" + ChatTurnResponder.clip(asked, 300) + "\".");
        if (!request.context().isEmpty()) {
            out.append(" Context given: ").append(String.join(", ", request.context().keySet())).append('.');
        }
        return OfflineReply.text(out.toString());
    }
}
