package io.tradingstack.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One chat request, provider-neutral and serializable (it travels as a Temporal activity argument
 * and on the bus). {@code context} is structured data the model should see (features, spec,
 * portfolio, feedback): the OpenAI provider renders it into the system prompt, the offline provider
 * reads it directly. With {@code deterministic}, an identical earlier request is answered from its
 * recorded answer without a model call. Build one with {@link #builder(String, String)}.
 */
public record LlmRequest(String agent, String task, String promptVersion, List<LlmMessage> messages,
                         List<ToolDefinition> tools, ResponseSchema responseSchema, Map<String, Object> context,
                         String model, Double temperature, Integer maxOutputTokens, boolean deterministic) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Model names of OpenAI, Ollama ("llama3.1:8b") and vLLM ("Qwen/Qwen2.5-7B-Instruct"). */
    static final Pattern MODEL = Pattern.compile("[A-Za-z0-9_.:/@-]{1,128}");
    public static final int MAX_MESSAGES = 500;
    public static final int MAX_TOOLS = 128;

    public LlmRequest {
        requireName("agent", agent);
        requireName("task", task);
        requireName("prompt version", promptVersion);
        if (model != null && !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("model must match " + MODEL.pattern() + ": " + model);
        }
        messages = messages == null ? List.of() : List.copyOf(messages);
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("a request needs 1-" + MAX_MESSAGES + " messages, got " + messages.size());
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
        checkTools(tools);
        checkToolAnswers(messages);
        context = context == null ? Map.of() : Schemas.copy(context);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within 0-2, got " + temperature);
        }
        if (maxOutputTokens != null && (maxOutputTokens < 1 || maxOutputTokens > 200_000)) {
            throw new IllegalArgumentException("maxOutputTokens must be within 1-200000, got " + maxOutputTokens);
        }
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ": " + value);
        }
    }

    private static void checkTools(List<ToolDefinition> tools) {
        if (tools.size() > MAX_TOOLS) {
            throw new IllegalArgumentException("at most " + MAX_TOOLS + " tools, got " + tools.size());
        }
        Set<String> names = new HashSet<>();
        for (ToolDefinition t : tools) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tool " + t.name() + " is defined twice");
            }
        }
    }

    /** Every tool message answers a tool call an earlier assistant message made (endpoints refuse otherwise). */
    private static void checkToolAnswers(List<LlmMessage> messages) {
        Set<String> asked = new HashSet<>();
        for (LlmMessage m : messages) {
            m.toolCalls().forEach(c -> asked.add(c.id()));
            if (m.role() == LlmMessage.Role.TOOL && !asked.contains(m.toolCallId())) {
                throw new IllegalArgumentException("tool message answers unknown tool call " + m.toolCallId());
            }
        }
    }

    /** The same request with more messages appended (the next turn of a tool loop, or a repair round). */
    public LlmRequest withMessages(List<LlmMessage> more) {
        List<LlmMessage> all = new ArrayList<>(messages);
        all.addAll(more);
        return new LlmRequest(agent, task, promptVersion, all, tools, responseSchema, context, model, temperature,
                maxOutputTokens, deterministic);
    }

    /** The same request answered from the call log when an identical one was answered before (backtests). */
    public LlmRequest asDeterministic() {
        return new LlmRequest(agent, task, promptVersion, messages, tools, responseSchema, context, model, temperature,
                maxOutputTokens, true);
    }

    public LlmRequest withModel(String newModel) {
        return new LlmRequest(agent, task, promptVersion, messages, tools, responseSchema, context, newModel, temperature,
                maxOutputTokens, deterministic);
    }

    /** The text of the last user message, or "" when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == LlmMessage.Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    public static Builder builder(String agent, String task) {
        return new Builder(agent, task);
    }

    /** Fluent construction; {@link #build()} validates. Prompt version defaults to "v1". */
    public static final class Builder {
        private final String agent;
        private final String task;
        private String promptVersion = "v1";
        private final List<LlmMessage> messages = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private ResponseSchema responseSchema;
        private final Map<String, Object> context = new LinkedHashMap<>();
        private String model;
        private Double temperature;
        private Integer maxOutputTokens;
        private boolean deterministic;

        private Builder(String agent, String task) {
            this.agent = agent;
            this.task = task;
        }

        public Builder promptVersion(String v) {
            promptVersion = v;
            return this;
        }

        public Builder system(String text) {
            return message(LlmMessage.system(text));
        }

        public Builder user(String text) {
            return message(LlmMessage.user(text));
        }

        public Builder message(LlmMessage m) {
            messages.add(m);
            return this;
        }

        public Builder messages(List<LlmMessage> ms) {
            messages.addAll(ms);
            return this;
        }

        public Builder tool(ToolDefinition t) {
            tools.add(t);
            return this;
        }

        public Builder tools(List<ToolDefinition> ts) {
            tools.addAll(ts);
            return this;
        }

        public Builder responseSchema(ResponseSchema s) {
            responseSchema = s;
            return this;
        }

        public Builder context(String key, Object value) {
            context.put(key, value);
            return this;
        }

        public Builder context(Map<String, Object> values) {
            context.putAll(values);
            return this;
        }

        public Builder model(String m) {
            model = m;
            return this;
        }

        public Builder temperature(double t) {
            temperature = t;
            return this;
        }

        public Builder maxOutputTokens(int n) {
            maxOutputTokens = n;
            return this;
        }

        public Builder deterministic(boolean d) {
            deterministic = d;
            return this;
        }

        public LlmRequest build() {
            return new LlmRequest(agent, task, promptVersion, messages, tools, responseSchema, context, model,
                    temperature, maxOutputTokens, deterministic);
        }
    }
}
