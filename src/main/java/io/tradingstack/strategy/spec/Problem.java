package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.rules.RuleException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing wrong (or worth a warning) in a spec: a code, where ({@code triggers[1].entry_rule}),
 * a readable message and, for a rule, the offset in the rule, the accepted names and the closest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(ErrorCode code, String path, String message, Integer position, List<String> accepted,
                      String suggestion) {

    public Problem {
        accepted = accepted == null || accepted.isEmpty() ? null : List.copyOf(accepted);
    }

    public static Problem of(ErrorCode code, String path, String message) {
        return new Problem(code, path, message, null, null, null);
    }

    public static Problem of(String path, RuleException e) {
        return new Problem(e.code(), path, e.getMessage(), e.position(), e.accepted(), e.suggestion());
    }

    /** A plain map for JSON answers (MCP tools): code as its number and name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code.code());
        m.put("error", code.name());
        m.put("path", path);
        m.put("message", message);
        if (position != null) {
            m.put("position", position);
        }
        if (accepted != null) {
            m.put("accepted", accepted);
        }
        if (suggestion != null) {
            m.put("did_you_mean", suggestion);
        }
        return m;
    }

    @Override
    public String toString() {
        return (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
