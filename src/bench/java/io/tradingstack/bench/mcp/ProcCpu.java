package io.tradingstack.bench.mcp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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

    /** CPU time (ms) of every thread of this JVM now, Java or not (JIT compilers, GC), by thread id: /proc/self/task. */
    static Map<Long, Map.Entry<String, Double>> threadsOfThisJvm() {
        Map<Long, Map.Entry<String, Double>> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(Long.parseLong(task.getFileName().toString()),
                            Map.entry(comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * CPU (ms) spent between two {@link #threadsOfThisJvm} snapshots, summed by kind of thread (its
     * name as Linux keeps it, 15 characters): event loops, JIT, GC, Temporal, tool workers, other.
     * Threads that ended in between are not counted.
     */
    static Map<String, Double> byKind(Map<Long, Map.Entry<String, Double>> before, Map<Long, Map.Entry<String, Double>> after) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((tid, now) -> {
            Map.Entry<String, Double> then = before.get(tid);
            double spent = now.getValue() - (then == null ? 0 : then.getValue());
            out.merge(kind(now.getKey()), spent, Double::sum);
        });
        return out;
    }

    private static String kind(String comm) {
        if (comm.startsWith("vert.x-eventloo")) {
            return "event_loops";
        } else if (comm.contains("CompilerThre")) {
            return "jit";
        } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "gc_and_vm";
        } else if (comm.startsWith("Workflow") || comm.startsWith("Activity") || comm.startsWith("grpc-") || comm.startsWith("workflow-")
                || comm.startsWith("Temporal") || comm.startsWith("Local Activity")) {
            return "temporal";
        } else if (comm.startsWith("mcp-tools")) {
            return "tool_workers";
        }
        return "other";
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
