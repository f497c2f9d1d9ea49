package io.tradingstack.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a command line in-process and captures what it prints. One lock for every test: standard
 * out and err are global, so two captures must never overlap.
 */
public final class Console {
    private Console() {
    }

    /** Exit code and what was printed on standard out and err. */
    public record Captured(int code, String out, String err) {
        public long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    @FunctionalInterface
    public interface Call {
        int run() throws Exception;
    }

    public static synchronized Captured capture(Call call) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = call.run();
            return new Captured(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
