package io.tradingstack.llm.local;

import java.util.List;
import java.util.Map;

/**
 * A request the {@link LocalOpenAiServer} received, as the client sent it: path, headers (names
 * lower-cased), the JSON body and when it arrived ({@link System#nanoTime()}).
 */
public record RecordedRequest(String path, Map<String, String> headers, Map<String, Object> body, long receivedNanos) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean stream() {
        return Boolean.TRUE.equals(body.get("stream"));
    }

    public String model() {
        return String.valueOf(body.get("model"));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> messages() {
        return body.get("messages") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Content of the last message with this role ("" when none). */
    public String lastContent(String role) {
        List<Map<String, Object>> ms = messages();
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (role.equals(ms.get(i).get("role")) && ms.get(i).get("content") instanceof String s) {
                return s;
            }
        }
        return "";
    }
}
