package io.tradingstack.agents;

import io.tradingstack.bus.Doc;

import java.util.List;

/**
 * One line of the broker's conversation as it is kept and shown again: what the user said, or what
 * the broker answered (with the tools it ran for that answer). {@code seq} counts every entry ever
 * written, so a bounded transcript still says how much came before; {@code at} is the workflow's
 * time (ISO-8601 UTC).
 */
public record TranscriptEntry(@Doc(value = "position in the whole conversation", min = 0) long seq,
                              @Doc(value = "who spoke", oneOf = {USER, BROKER}) String role,
                              @Doc("what was said") String text,
                              @Doc("tools run for this answer") List<String> tools,
                              @Doc("when (ISO-8601 UTC)") String at) {
    public static final String USER = "user";
    public static final String BROKER = "broker";
    /** Longest text kept per entry: enough for an answer quoting a portfolio, small enough for the stored state. */
    public static final int MAX_TEXT = 4000;

    public TranscriptEntry {
        if (!USER.equals(role) && !BROKER.equals(role)) {
            throw new IllegalArgumentException("transcript role must be user or broker: " + role);
        }
        text = clip(text == null ? "" : text, MAX_TEXT);
        tools = tools == null ? List.of() : List.copyOf(tools);
        at = at == null ? "" : at;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
