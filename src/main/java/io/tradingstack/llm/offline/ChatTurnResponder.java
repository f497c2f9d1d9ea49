package io.tradingstack.llm.offline;

import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A chat turn by rules: a plain request becomes a call of the offered tool whose name,
 * description and parameter values best match its words, with arguments read from the text by the
 * tool's own schema ({@link ArgumentReader}); once tool results are back, the answer quotes them.
 * Knows no tool by name, so it works for any tool list (MCP tools included).
 */
public final class ChatTurnResponder implements OfflineResponder {
    public static final String TASK = "chat";
    private static final int QUOTE_LIMIT = 4000;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "for", "and", "or", "in", "on",
            "my", "me", "i", "is", "it", "by", "with", "what", "how", "please", "can", "you", "get", "show", "all", "be");

    @Override
    public Set<String> tasks() {
        return Set.of(TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        List<LlmMessage> trailingResults = trailingToolResults(request.messages());
        if (!trailingResults.isEmpty()) {
            return OfflineReply.text(quote(request, trailingResults));
        }
        String said = request.lastUserText();
        ToolDefinition best = bestTool(request.tools(), words(said));
        if (best == null) {
            return OfflineReply.text(help(request.tools(), said));
        }
        ArgumentReader.Result args = ArgumentReader.read(best.parameters(), said);
        if (!args.missing().isEmpty()) {
            return OfflineReply.text("To run " + best.name() + " I need " + String.join(", ", args.missing())
                    + ". " + best.description());
        }
        return OfflineReply.toolCalls(List.of(new ToolCall(OfflineProvider.callId(request, 0), best.name(),
                io.tradingstack.bus.Json.write(args.values()))));
    }

    private static List<LlmMessage> trailingToolResults(List<LlmMessage> messages) {
        List<LlmMessage> out = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).role() == LlmMessage.Role.TOOL; i--) {
            out.add(0, messages.get(i));
        }
        return out;
    }

    private static String quote(LlmRequest request, List<LlmMessage> results) {
        StringBuilder out = new StringBuilder();
        for (LlmMessage r : results) {
            ToolCall call = OfflineProvider.callNamed(request, r.toolCallId());
            out.append(out.length() == 0 ? "" : "\n").append(call == null ? "The tool" : call.name())
                    .append(" returned: ").append(clip(r.content(), QUOTE_LIMIT));
        }
        return out.toString();
    }

    /** The tool sharing most words with the request; name words count three times description words. */
    static ToolDefinition bestTool(List<ToolDefinition> tools, Set<String> said) {
        ToolDefinition best = null;
        int bestScore = 0;
        for (ToolDefinition t : tools) {
            int score = 0;
            for (String w : words(t.name().replace('_', ' ').replace('-', ' '))) {
                score += said.contains(w) || said.contains(singular(w)) ? 3 : 0;
            }
            for (String w : words(t.description())) {
                score += said.contains(w) ? 1 : 0;
            }
            for (String w : enumWords(t.parameters())) {
                score += said.contains(w) ? 2 : 0;
            }
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    /** Values a parameter can take ("buy", "sell"): naming one is a strong hint for the tool. */
    private static Set<String> enumWords(Map<String, Object> parameters) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (parameters.get("properties") instanceof Map<?, ?> props) {
            for (Object p : props.values()) {
                if (p instanceof Map<?, ?> schema && schema.get("enum") instanceof List<?> values) {
                    values.forEach(v -> out.addAll(words(String.valueOf(v))));
                }
            }
        }
        return out;
    }

    private static String help(List<ToolDefinition> tools, String said) {
        if (tools.isEmpty()) {
            return "Offline rules (no model configured): no tools were offered for \"" + clip(said, 200) + "\".";
        }
        StringBuilder out = new StringBuilder("I did not match \"" + clip(said, 200) + "\" to a tool. I can:");
        tools.forEach(t -> out.append("\n- ").append(t.name()).append(": ").append(clip(t.description(), 160)));
        return out.toString();
    }

    static Set<String> words(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 1 && !STOP_WORDS.contains(w)) {
                out.add(w);
                out.add(singular(w));
            }
        }
        return out;
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** For tests and responders that want the same matching. */
    public static String bestToolName(List<ToolDefinition> tools, String text) {
        ToolDefinition t = bestTool(tools, words(text));
        return t == null ? null : t.name();
    }
}
