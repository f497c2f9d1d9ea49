package io.tradingstack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child JVM processes for tests that need real separate processes (cluster, launcher, signals). */
public final class Processes {
    private Processes() {
    }

    public static Proc java(Class<?> main, String... args) throws IOException {
        return java(main, Map.of(), null, args);
    }

    public static Proc java(Class<?> main, Map<String, String> env, Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return new Proc(pb.start());
    }

    /** Any command (e.g. {@code java -jar target/trading-stack.jar}) with extra environment, output collected. */
    public static Proc command(List<String> cmd, Map<String, String> env, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return new Proc(pb.start());
    }

    /** A child process whose output is collected line by line. */
    public static final class Proc implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private boolean eof;

        Proc(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "proc-reader-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            synchronized (lines) {
                eof = true;
                lines.notifyAll();
            }
        }

        public Process process() {
            return process;
        }

        /** Waits until a line containing {@code text} appears; false on timeout or when the output ended without it. */
        public boolean awaitLine(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (lines.stream().noneMatch(l -> l.contains(text))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    if (eof) {
                        return false;
                    }
                    lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 250));
                }
                return true;
            }
        }

        public String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
