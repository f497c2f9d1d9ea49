package io.tradingstack.agents;

import io.tradingstack.bus.CodedException;
import io.tradingstack.runtime.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code broker}: a chat with the broker agent of a running stack, as an MCP client of it. With a
 * terminal it edits lines and keeps a history ({@code DATA_DIR/broker-history}); with piped input
 * it reads lines, so a session can be scripted. Exit 0 after a chat, 1 when the stack cannot be
 * reached (one line saying why), 2 for a bad configuration.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Chat with the broker agent of a running stack (MCP client; piped input runs a script).")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--mcp-url", description = "MCP endpoint (default: http://BIND_HOST:MCP_PORT/mcp, loopback for 0.0.0.0)")
    String mcpUrl;

    @Option(names = "--yes", description = "run trade-tier tool calls without asking")
    boolean yes;

    @Option(names = "--config", description = "configuration file (default: conf/application.json)")
    Path configFile;

    @Option(names = {"-s", "--set"}, description = "configuration override KEY=VALUE (repeatable)")
    Map<String, String> overrides = new HashMap<>();

    @Override
    public Integer call() {
        quietLogs();
        AppConfig config = AppConfig.fromCommandLine(configFile, overrides);
        String url = mcpUrl != null ? mcpUrl : defaultUrl(config);
        StackClient stack;
        try {
            stack = StackClient.connect(url, config.mcpAuthToken());
        } catch (CodedException e) {
            System.err.println("broker: " + e.getMessage());
            return 1;
        }
        try (stack; BrokerConsole console = BrokerConsole.system(config.dataDir().resolve("broker-history"))) {
            return new BrokerSession(stack, console, yes).run();
        }
    }

    /** The chat owns the terminal: library log lines (the MCP client's, HTTP) only when they are errors. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** The local stack's endpoint: a wildcard bind address is reached on loopback. */
    static String defaultUrl(AppConfig config) {
        String host = config.bindHost();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + config.mcpPort() + "/mcp";
    }
}
