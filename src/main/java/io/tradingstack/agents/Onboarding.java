package io.tradingstack.agents;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * First use of the broker: three questions (experience, risk tolerance, style), stored with
 * set_user_preferences like any trade-tier call (shown, confirmed). Later sessions skip it, because
 * get_user_preferences says {@code preferences_set}.
 */
final class Onboarding {
    static final String GET = "get_user_preferences";
    static final String SET = "set_user_preferences";
    private static final int ATTEMPTS = 3;

    enum Outcome { ALREADY_SET, STORED, NOT_STORED, END_OF_INPUT }

    private final StackClient stack;
    private final BrokerConsole console;
    private final ToolRunner runner;
    private boolean ended;

    Onboarding(StackClient stack, BrokerConsole console, ToolRunner runner) {
        this.stack = stack;
        this.console = console;
        this.runner = runner;
    }

    Outcome run(Map<String, McpSchema.Tool> tools) {
        StackClient.Outcome current = stack.call(GET, Map.of());
        if (!current.error() && Boolean.TRUE.equals(current.get("preferences_set"))) {
            console.println("Your preferences: experience " + current.get("experience_level") + ", risk tolerance "
                    + current.get("risk_tolerance") + ", style " + current.get("trading_style") + ".");
            return Outcome.ALREADY_SET;
        }
        if (!tools.containsKey(SET)) {
            console.println("(This stack does not offer " + SET + ": preferences stay at their defaults.)");
            return Outcome.NOT_STORED;
        }
        console.println("Welcome! Three questions to set up your preferences.");
        String experience = ask("Your trading experience (beginner/intermediate/advanced)? ",
                List.of("beginner", "intermediate", "advanced"));
        String risk = experience == null ? null : ask("Your risk tolerance (low/medium/high)? ", List.of("low", "medium", "high"));
        String style = risk == null ? null : ask("Your trading style (conservative/balanced/aggressive)? ",
                List.of("conservative", "balanced", "aggressive"));
        if (ended) {
            return Outcome.END_OF_INPUT;
        }
        if (style == null) {
            console.println("Preferences not set; I will ask again next time.");
            return Outcome.NOT_STORED;
        }
        McpSchema.Tool set = tools.get(SET);
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("experience_level", experience);
        prefs.put("risk_tolerance", ToolGate.accepted(set, "risk_tolerance", risk, synonyms(risk)));
        prefs.put("trading_style", style);
        ToolRunner.Result stored = runner.run(SET, Map.of("preferences", prefs));
        if (stored.ran() && !stored.outcome().error()) {
            console.println("Preferences stored: " + prefs + ".");
            return Outcome.STORED;
        }
        console.println("Preferences not stored" + (stored.ran() ? ": " + stored.outcome().message() : "")
                + "; I will ask again next time.");
        return stored.endOfInput() ? Outcome.END_OF_INPUT : Outcome.NOT_STORED;
    }

    /** Risk words as people say them, in the order the server's words are preferred. */
    private static List<String> synonyms(String risk) {
        return switch (risk) {
            case "low" -> List.of("low", "conservative");
            case "medium" -> List.of("moderate", "medium");
            default -> List.of("high", "aggressive");
        };
    }

    /** One of {@code options} (a unique prefix will do), asked up to three times; null at the end of the input or after that. */
    private String ask(String question, List<String> options) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String line = console.readLine(question);
            if (line == null) {
                ended = true;
                return null;
            }
            String a = line.trim().toLowerCase(Locale.ROOT);
            List<String> matches = options.stream().filter(o -> !a.isEmpty() && o.startsWith(a)).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            console.println("Please answer one of: " + String.join(", ", options) + ".");
        }
        return null;
    }
}
