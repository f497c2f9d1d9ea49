package io.tradingstack.llm.offline;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.Llm;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmProvider;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResponse;
import io.tradingstack.llm.TokenUsage;
import io.tradingstack.llm.ToolCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The embedded default when no key is set: answers by rules, never randomly. A request goes to the
 * responder registered for its task; a task nobody registered is answered by its shape (a schema →
 * {@link StructuredResponder}, tools → {@link ChatTurnResponder}, else {@link TextResponder}).
 * Token counts are estimated (4 characters a token) so caps and usage behave as with a real model.
 */
public final class OfflineProvider implements LlmProvider {
    public static final String MODEL = "offline-rules";
    private final Map<String, OfflineResponder> byTask = new LinkedHashMap<>();
    private final StructuredResponder structured = new StructuredResponder();
    private final ChatTurnResponder chat = new ChatTurnResponder();
    private final TextResponder text = new TextResponder();

    /** The built-in responders plus the given ones (later registrations of a task win). */
    public OfflineProvider(List<OfflineResponder> responders) {
        register(structured);
        register(chat);
        register(text);
        responders.forEach(this::register);
    }

    /** The built-ins plus every responder installed through {@link ServiceLoader}. */
    public static OfflineProvider installed() {
        List<OfflineResponder> found = new ArrayList<>();
        ServiceLoader.load(OfflineResponder.class).forEach(found::add);
        return new OfflineProvider(found);
    }

    private void register(OfflineResponder responder) {
        responder.tasks().forEach(t -> byTask.put(t, responder));
    }

    /** The task names with a registered responder (for /health). */
    public List<String> tasks() {
        return List.copyOf(byTask.keySet());
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public String defaultModel() {
        return MODEL;
    }

    @Override
    public String endpoint() {
        return "embedded rules";
    }

    @Override
    public LlmResponse complete(LlmRequest request, String model, Llm.StreamListener listener) {
        OfflineReply reply = responderFor(request).respond(request);
        if (listener != null && !reply.text().isEmpty()) {
            stream(reply.text(), listener);
        }
        TokenUsage usage = new TokenUsage(estimate(Json.write(request.messages()) + Json.write(request.context())
                + Json.write(request.tools())), estimate(reply.text() + Json.write(reply.toolCalls())));
        // Reports its own model whatever was asked for: rules cost nothing, whichever price a name has.
        return new LlmResponse(reply.text(), reply.toolCalls(), usage, MODEL,
                reply.toolCalls().isEmpty() ? LlmResponse.FinishReason.STOP : LlmResponse.FinishReason.TOOL_CALLS);
    }

    private OfflineResponder responderFor(LlmRequest request) {
        OfflineResponder registered = byTask.get(request.task());
        if (registered != null) {
            return registered;
        }
        if (request.responseSchema() != null) {
            return structured;
        }
        return request.tools().isEmpty() ? text : chat;
    }

    /** Word by word, as a model streams. */
    private static void stream(String text, Llm.StreamListener listener) {
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                listener.onText(text.substring(start, i));
                start = i;
            }
        }
    }

    static long estimate(String text) {
        return (text.length() + 3) / 4;
    }

    /** Deterministic tool call ids: position in the conversation and in the reply. */
    static String callId(LlmRequest request, int index) {
        return "call_offline_" + request.messages().size() + "_" + index;
    }

    /** The tool call an assistant message made under this id, for naming tool results. */
    static ToolCall callNamed(LlmRequest request, String id) {
        for (LlmMessage m : request.messages()) {
            for (ToolCall c : m.toolCalls()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
        }
        return null;
    }
}
