package io.tradingstack.agents;

/**
 * Where a broker chat reads the user's lines and writes its own, for chats that are not on a
 * terminal (the dashboard's chat panel over WebSocket). Both methods are called from the chat's own
 * (blocking) thread.
 */
public interface BrokerChannel {

    /** The user's next line after showing {@code prompt}; null when the user has gone. */
    String readLine(String prompt);

    void println(String text);
}
