package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;

import java.util.stream.Collectors;

/** The start-up banner: where to point a browser, a WebSocket client or an MCP client, and where data lives. */
final class Banner {
    private Banner() {
    }

    static String render(AppConfig c, Stack stack, double startSeconds, double jvmSeconds) {
        String host = c.bindHost().contains(":") ? "[" + c.bindHost() + "]" : c.bindHost();
        String http = "http://" + host + ":" + c.httpPort();
        String pg = stack.postgresRuntime() == null ? "not on this node" : stack.postgresRuntime().location();
        String components = stack.plan().stream().map(VerticleSpec::name).collect(Collectors.joining(", "));
        return String.format("""

                ============================================================
                 Trading Stack is up in %.1f s (JVM %.1f s)
                 Health     %s/health
                 Dashboard  %s/
                 Ticker     ws://%s:%d/ws/ticker
                 MCP        http://%s:%d/mcp
                 Data       %s  (PostgreSQL: %s)
                 Market     %s %s
                 Agents     %s
                 Components %s
                ============================================================""",
                startSeconds, jvmSeconds, http, http, host, c.httpPort(), host, c.mcpPort(),
                c.dataDir(), pg, c.marketSource(), c.marketSymbols(), agents(c, stack), components);
    }

    /** Which agent runs here, in which mode, answered by which provider. */
    private static String agents(AppConfig c, Stack stack) {
        boolean deployed = stack.plan().stream().anyMatch(v -> v.name().equals("agents"));
        io.tradingstack.agents.execution.ExecutionSettings s = io.tradingstack.agents.execution.ExecutionSettings.from(c);
        if (!deployed || !s.enabled()) {
            return "execution agent off (EXECUTION_AGENT_ENABLED=false or not on this node)";
        }
        String provider = io.tradingstack.llm.LlmSettings.from(c).provider();
        return "execution " + s.mode() + " via " + provider + ", nudged every " + s.nudgeSeconds() + " s, " + s.symbols();
    }
}
