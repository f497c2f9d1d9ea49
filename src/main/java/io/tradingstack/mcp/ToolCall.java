package io.tradingstack.mcp;

import java.util.Map;

/** One validated invocation: the session that made it, its arguments and a channel back to the client. */
public record ToolCall(String sessionId, Map<String, Object> arguments, ToolNotifier notifier) {

    public Object arg(String name) {
        return arguments.get(name);
    }

    public String string(String name, String fallback) {
        Object v = arguments.get(name);
        return v == null ? fallback : v.toString();
    }

    public int integer(String name, int fallback) {
        Object v = arguments.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    public long longValue(String name, long fallback) {
        Object v = arguments.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    public boolean bool(String name, boolean fallback) {
        Object v = arguments.get(name);
        return v instanceof Boolean b ? b : fallback;
    }
}
