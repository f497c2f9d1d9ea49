package io.tradingstack.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher: {@code java -jar trading-stack.jar [run|...]}; no sub-command means {@code run}. */
@Command(name = "trading-stack", mixinStandardHelpOptions = true, version = "trading-stack 0.1.0",
        description = "A durable, multi-agent crypto trading stack.",
        subcommands = {RunCommand.class, io.tradingstack.backtest.BacktestCommand.class,
                io.tradingstack.ledger.LedgerCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Vert.x's own asynchronous DNS resolver (Netty) keeps one UDP socket per event loop bound to
     * the wildcard address; with it disabled, names resolve through the JDK (cached by the JVM), and
     * nothing listens beyond BIND_HOST. An explicit -Dvertx.disableDnsResolver=false still wins.
     */
    static {
        if (System.getProperty("vertx.disableDnsResolver") == null) {
            System.setProperty("vertx.disableDnsResolver", "true");
        }
    }

    /** Runs the command line and returns its exit code (used by tests without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        return new CommandLine(new RunCommand()).execute();
    }
}
