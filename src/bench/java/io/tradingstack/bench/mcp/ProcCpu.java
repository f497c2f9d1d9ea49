package io.tradingstack.bench.mcp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes in milliseconds, from the JVM and from /proc/PID/stat (utime + stime). */
final class ProcCpu {
    /** Linux reports /proc times in clock ticks of 1/100 s (USER_HZ). */
    private static final double MS_PER_TICK = 10.0;

    private ProcCpu() {
    }

    static double ofThisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    /** Sum over the descendants of this JVM whose command line contains {@code name}. */
    static double ofDescendants(String name) {
        return ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains(name))
                .mapToDouble(h -> ofPid(h.pid())).sum();
    }

    static double ofPid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(0) ... utime(11) stime(12)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
