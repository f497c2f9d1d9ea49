package io.tradingstack.app;

import io.tradingstack.testing.Console;
import io.tradingstack.testing.Console.Captured;

import io.tradingstack.strategy.Strategies;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as an operator meets it: run is the default, errors are one line with their exit code. */
class CommandLineTest {
    private static Captured run(String... args) {
        try {
            return Console.capture(() -> Main.execute(args));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runOptionsWorkWithoutTypingRunAndBadValuesAreOneLineExitTwo() {
        for (String[] args : new String[][]{{"--set", "HTTP_PORT=notaport"}, {"run", "--set", "HTTP_PORT=notaport"},
                {"--http-port", "0"}, {"--set", "INITIAL_PORTFOLIO_BALANCE=1e400"}, {"--set", "FEE_BPS=-1"},
                {"--config", "no/such/file.json"}, {"--set", "NO_SUCH_KEY=1"}, {"--no-such-option"}}) {
            Captured c = run(args);
            assertEquals(2, c.code(), String.join(" ", args) + ": " + c.err());
            assertEquals(1, c.errLines(), "one line for " + String.join(" ", args) + ":\n" + c.err());
        }
        assertTrue(run("--set", "INITIAL_PORTFOLIO_BALANCE=1e400").err().contains("INITIAL_PORTFOLIO_BALANCE='1e400'"));
        assertTrue(run("--config", "no/such/file.json").err().contains("no/such/file.json"));
        assertEquals(2, run("ledger", "verify", "--config", "no/such/file.json").code(), "the same through ledger verify");
    }

    @Test
    void helpTextsRenderWithoutWarningsAndListTheStrategies() {
        for (String[] args : new String[][]{{"--help"}, {"run", "--help"}, {"backtest", "--help"}, {"ledger", "verify", "--help"}}) {
            Captured c = run(args);
            assertEquals(0, c.code(), String.join(" ", args));
            assertFalse(c.err().contains("WARN") || c.out().contains("WARN"), c.err() + c.out());
        }
        String backtest = run("backtest", "--help").out();
        Strategies.names().forEach(s -> assertTrue(backtest.contains(s), "lists " + s + ":\n" + backtest));
        assertTrue(backtest.contains("% of equity"), backtest);
    }

    @Test
    void aPortConflictNamesThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path data = TestInfra.newDir("cli-port-");
            Captured c = run("--roles", "web", "--data-dir", data.toString(), "--http-port", String.valueOf(taken.getLocalPort()),
                    "--set", "MCP_PORT=" + TestInfra.freePort());
            assertEquals(1, c.code(), c.err());
            assertTrue(c.err().contains("HTTP_PORT=" + taken.getLocalPort()) && c.err().contains("in use"), c.err());
            assertEquals(1, c.errLines(), c.err());
        }
    }
}
