package io.tradingstack.bench.backtest;

import io.tradingstack.bench.BenchResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest CLI end to end, as a user runs it: {@code java -jar target/trading-stack.jar backtest}
 * on the one-year 1-minute CSV ({@link YearOfMinutes}) as a child process (JVM start, CSV parse, run,
 * report files). Per run: wall time from spawn to exit, CPU time (user + system, which a loaded
 * machine inflates less than wall time), peak resident memory (VmHWM of /proc/PID/status, polled
 * every millisecond until exit; it only grows, so the last reading is the peak up to the final
 * millisecond; cross-checked with the kernel's getrusage peak reported by /usr/bin/time), and the
 * sizes of the files written.
 * Args: {@code [runs=5] [strategies=ema-rsi-atr,buy-and-hold]}; needs {@code mvn package} first.
 */
public final class CliBench {
    private static final Path JAR = Path.of("target", "trading-stack.jar");
    private static final Path CSV = Path.of("target", "bench", "btc-usd-1m-one-year.csv");

    private CliBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> strategies = Arrays.asList((args.length > 1 ? args[1] : "ema-rsi-atr,buy-and-hold").split(","));
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B package -DskipTests first");
        }
        Path csv = YearOfMinutes.build(CSV);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", CSV.getFileName() + ": " + YearOfMinutes.BARS + " 1m bars chained from " + YearOfMinutes.SOURCE.getFileName());
        figures.put("csv_bytes", Files.size(csv));
        figures.put("load_average_at_start", loadAverage());
        for (String strategy : strategies) {
            figures.put(strategy, measure(csv, strategy, runs));
        }
        figures.put("load_average_at_end", loadAverage());
        BenchResults.write("backtest-cli", figures);
    }

    private static Map<String, Object> measure(Path csv, String strategy, int runs) throws Exception {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = once(csv, strategy, Path.of("target", "bench", "cli-" + strategy + "-" + i));
            System.out.printf("%s run %d: %.2f s wall, %.2f s CPU, %d MB peak RSS (rusage %d MB)%n", strategy, i + 1,
                    r.wallMs / 1000.0, r.cpuMs / 1000.0, r.peakRssKb / 1024, r.maxRssKb / 1024);
            all.add(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("wall_ms", all.stream().map(r -> r.wallMs).toList());
        m.put("wall_ms_median", median(all.stream().mapToLong(r -> r.wallMs).toArray()));
        m.put("peak_rss_mb", all.stream().map(r -> r.peakRssKb / 1024).toList());
        m.put("peak_rss_mb_max", all.stream().mapToLong(r -> r.peakRssKb / 1024).max().orElseThrow());
        m.put("rusage_max_rss_mb", all.stream().map(r -> r.maxRssKb / 1024).toList());
        m.put("cpu_ms", all.stream().map(r -> r.cpuMs).toList());
        m.put("cpu_ms_median", median(all.stream().mapToLong(r -> r.cpuMs).toArray()));
        m.put("files_bytes", all.get(all.size() - 1).files);
        return m;
    }

    /** peakRssKb: VmHWM polled; maxRssKb: the kernel's own peak (getrusage, via /usr/bin/time); cpuMs: user + system. */
    private record Run(long wallMs, long peakRssKb, long maxRssKb, long cpuMs, Map<String, Long> files) {
    }

    private static Run once(Path csv, String strategy, Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = out.resolveSibling(out.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-o", log + ".time", "-f", "%U %S %M", java, "-jar", JAR.toString(), "backtest", "--data", csv.toString(),
                "--strategy", strategy, "--no-progress", "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = null;
        long peak = 0;
        while (p.isAlive()) {
            if (status == null) {
                status = p.toHandle().children().findFirst().map(h -> Path.of("/proc", Long.toString(h.pid()), "status")).orElse(null);
            } else {
                peak = Math.max(peak, vmHwmKb(status));
            }
            Thread.sleep(1);
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(strategy + " exited " + p.exitValue() + ", see " + out + ".log");
        }
        Map<String, Long> files = new LinkedHashMap<>();
        for (String f : List.of("report.json", "report.html", "equity.csv.gz")) {
            files.put(f, Files.size(out.resolve(f)));
        }
        String[] time = Files.readString(Path.of(log + ".time")).trim().split("\\s+");
        long cpuMs = Math.round(1000 * (Double.parseDouble(time[time.length - 3]) + Double.parseDouble(time[time.length - 2])));
        return new Run(wallMs, peak, Long.parseLong(time[time.length - 1]), cpuMs, files);
    }

    /** VmHWM in kB, or 0 once the process has gone (its status no longer lists memory). */
    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
