package io.tradingstack.app;

import io.tradingstack.runtime.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The launcher: {@code java -jar trading-stack.jar [run|...]}; no sub-command means {@code run}. */
@Command(name = "trading-stack", mixinStandardHelpOptions = true, version = "trading-stack 0.1.0",
        description = "A durable, multi-agent crypto trading stack.",
        subcommands = {RunCommand.class, io.tradingstack.backtest.BacktestCommand.class,
                io.tradingstack.ledger.LedgerCommand.class, io.tradingstack.agents.BrokerCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuickJit.startIfApplies(args);
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

    /**
     * Runs the command line and returns its exit code (used by tests without exiting the JVM).
     * {@code run} is the default: with no sub-command (e.g. only {@code --set K=V}) the arguments are
     * {@code run}'s. Configuration errors are one line and exit 2 through every sub-command.
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Added here, not by annotation: backtest.sweep builds on backtest, so backtest cannot name it.
        cli.getSubcommands().get("backtest").addSubcommand(new io.tradingstack.backtest.sweep.SweepCommand());
        args = withDefaultCommand(cli, args);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println(e.getMessage() + " (see " + e.getCommandLine().getCommandName() + " --help)");
            return 2;
        });
        return cli.execute(args);
    }

    private static String[] withDefaultCommand(CommandLine cli, String[] args) {
        boolean topLevel = args.length > 0 && List.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (topLevel || args.length > 0 && cli.getSubcommands().containsKey(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    @Override
    public Integer call() {
        return execute("run");
    }
}
