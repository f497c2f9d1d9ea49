package io.tradingstack.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A one-off {@code backtest} process is a batch job of a few seconds: on 2 cores the optimising
 * compiler (C2) spent more CPU compiling the run's hot methods (≈ 2 s of 5.5 s for a year of
 * minutes) than its faster code saved. {@code java -jar} takes no JVM flags, so this adds, from
 * inside the process, the compiler directive {@code c2: {Exclude: true}} through the JVM's
 * DiagnosticCommand MBean (what {@code jcmd PID Compiler.directives_add FILE} does): methods are then
 * compiled by C1 only. It must never run in the stack, a sweep or a test JVM, whose runs are long
 * enough for C2 to pay off: only {@link Main#main} calls it, for a plain {@code backtest}.
 */
final class QuickJit {
    /** Directive syntax: https://docs.oracle.com/en/java/javase/17/vm/writing-directives.html */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";
    static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    /** Keeps C2 for a run long enough to pay for it. */
    static final String FULL_JIT_OPTION = "--full-jit";

    private QuickJit() {
    }

    /** True for {@code backtest ...} without a sub-command (sweep), help or {@link #FULL_JIT_OPTION}. */
    static boolean applies(String[] args) {
        if (args.length < 2 || !args[0].equals("backtest")) {
            return false;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return !rest.contains("sweep") && !rest.contains(FULL_JIT_OPTION) && !rest.contains("--help") && !rest.contains("-h");
    }

    /**
     * Adds the directive on a daemon thread (loading the MBean server costs ≈ 0.15 s of CPU, which the
     * other core absorbs while this one parses the arguments and the data). The run is the same
     * either way, so a JVM that refuses the directive simply keeps C2.
     */
    static void startIfApplies(String[] args) {
        if (!applies(args)) {
            return;
        }
        Thread t = new Thread(QuickJit::add, "quick-jit");
        t.setDaemon(true);
        t.start();
    }

    /** Adds the directive now; false when this JVM refused it or has no DiagnosticCommand MBean (C2 then stays). */
    static boolean add() {
        Path file = null;
        try {
            file = Files.createTempFile("trading-stack-jit", ".json");
            Files.writeString(file, DIRECTIVE);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                    "compilerDirectivesAdd", new Object[]{new String[]{file.toString()}}, new String[]{String[].class.getName()});
            return String.valueOf(answer).contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
