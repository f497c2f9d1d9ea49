package io.tradingstack.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The one repair round: the unusable answer goes back into the conversation (tool calls answered
 * as "not executed", as Chat Completions requires an answer to every call) followed by a user
 * message listing what was wrong and what is expected.
 */
final class RepairPrompt {
    static final String HEADING = "Your previous answer could not be used:";
    private static final int MAX_PROBLEMS = 20;

    private RepairPrompt() {
    }

    static LlmRequest repair(LlmRequest request, LlmResponse bad, List<String> problems) {
        List<LlmMessage> more = new ArrayList<>();
        if (bad != null && bad.hasToolCalls()) {
            more.add(LlmMessage.assistant(bad.text().isBlank() ? null : bad.text(), bad.toolCalls()));
            bad.toolCalls().forEach(c -> more.add(LlmMessage.tool(c.id(), "not executed: the call was invalid")));
        } else if (bad != null && !bad.text().isBlank()) {
            more.add(LlmMessage.assistant(clip(bad.text())));
        }
        more.add(LlmMessage.user(instructions(request, problems)));
        return request.withMessages(more);
    }

    private static String instructions(LlmRequest request, List<String> problems) {
        StringBuilder out = new StringBuilder(HEADING);
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> out.append("\n- ").append(p));
        if (problems.size() > MAX_PROBLEMS) {
            out.append("\n- … and ").append(problems.size() - MAX_PROBLEMS).append(" more");
        }
        if (request.responseSchema() != null) {
            out.append("\nAnswer again with only a JSON document valid against the schema \"")
                    .append(request.responseSchema().name()).append("\", no other text.");
        } else {
            out.append("\nAnswer again; call only the offered tools, with arguments valid against their schemas.");
        }
        return out.toString();
    }

    private static String clip(String text) {
        return text.length() <= 20_000 ? text : text.substring(0, 20_000);
    }
}
