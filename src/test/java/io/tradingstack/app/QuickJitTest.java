package io.tradingstack.app;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The C1-only directive of a one-off backtest process: which commands take it, and that this JVM applies it. */
class QuickJitTest {

    @Test
    void onlyAPlainBacktestProcessTakesIt() {
        assertTrue(QuickJit.applies(new String[]{"backtest", "--data", "x.csv", "--out", "o"}));
        assertFalse(QuickJit.applies(new String[]{"backtest", "--data", "x.csv", "--out", "o", "--full-jit"}));
        assertFalse(QuickJit.applies(new String[]{"backtest", "sweep", "--grid", "g.json"}));
        assertFalse(QuickJit.applies(new String[]{"backtest", "--help"}));
        assertFalse(QuickJit.applies(new String[]{"run"}));
        assertFalse(QuickJit.applies(new String[]{}));
    }

    /** In a child JVM (the directive would slow every later test of this one): added, then listed with C2 excluded. */
    @Test
    void theJvmTakesTheDirective() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("added true"), out);
        String c2 = out.substring(out.indexOf("matching: *.*"));
        c2 = c2.substring(c2.indexOf("c2 directives:"));
        assertTrue(c2.lines().skip(1).limit(3).anyMatch(l -> l.contains("Exclude:true")), out);
    }

    /** Adds the directive and prints the JVM's directive stack. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            System.out.println("added " + QuickJit.add());
            System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(QuickJit.DIAGNOSTIC_COMMAND),
                    "compilerDirectivesPrint", new Object[]{new String[0]}, new String[]{String[].class.getName()}));
        }
    }
}
