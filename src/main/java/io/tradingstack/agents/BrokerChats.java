package io.tradingstack.agents;

import io.tradingstack.bus.CodedException;
import io.tradingstack.runtime.AppConfig;

/**
 * A broker chat over any {@link BrokerChannel}, with exactly the logic of the {@code broker}
 * command: an MCP client of this node's MCP server (its bearer token when one is set), the
 * transcript resumed, preferences asked for on first use, trade-tier calls confirmed by the user
 * with a {@code y} on the channel (never assumed).
 */
public final class BrokerChats {
    private BrokerChats() {
    }

    /** Runs one chat until the user says "exit" or the channel ends; blocking, so call it on a worker thread. */
    public static void run(AppConfig config, BrokerChannel channel) {
        StackClient stack;
        try {
            stack = StackClient.connect(BrokerCommand.defaultUrl(config), config.mcpAuthToken());
        } catch (CodedException e) {
            channel.println("broker: " + e.getMessage());
            return;
        }
        try (stack; BrokerConsole console = new ChannelConsole(channel)) {
            new BrokerSession(stack, console, false).run();
        }
    }

    private record ChannelConsole(BrokerChannel channel) implements BrokerConsole {
        @Override
        public String readLine(String prompt) {
            return channel.readLine(prompt);
        }

        @Override
        public void println(String text) {
            channel.println(text);
        }

        @Override
        public void close() {
            // the channel belongs to its caller
        }
    }
}
