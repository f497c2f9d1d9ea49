package io.tradingstack.crash;

import io.tradingstack.testing.Processes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real fat jar as a child process on a given DATA_DIR, as a user starts it, and the two ways it
 * dies in the crash test: SIGKILL of the JVM alone (its PostgreSQL, which pg_ctl detached, keeps
 * running) or SIGKILL of the JVM together with its PostgreSQL server and backends.
 */
final class StackProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Processes.Proc proc;
    private final Path dataDir;
    final int httpPort;
    final int mcpPort;
    final int replayPort;
    private final long startedNanos = System.nanoTime();

    private StackProcess(Processes.Proc proc, Path dataDir, int httpPort, int mcpPort, int replayPort) {
        this.proc = proc;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.mcpPort = mcpPort;
        this.replayPort = replayPort;
    }

    static StackProcess start(Path jar, Path work, Path dataDir, int httpPort, int mcpPort, int replayPort) throws IOException {
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "HTTP_PORT", String.valueOf(httpPort),
                "MCP_PORT", String.valueOf(mcpPort), "REPLAY_PORT", String.valueOf(replayPort),
                "INITIAL_PORTFOLIO_BALANCE", "1000000", "MCP_RATE_LIMIT_PER_MINUTE", "1000000");
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-jar",
                jar.toAbsolutePath().toString());
        return new StackProcess(Processes.command(cmd, env, work), dataDir, httpPort, mcpPort, replayPort);
    }

    /** Waits (bounded) for /ready; returns the seconds from process start to ready. */
    double awaitReady(Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline && proc.process().isAlive()) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            proc.awaitLine("Trading Stack is up", Duration.ofMillis(100));
        }
        throw new AssertionError("the stack never became ready on " + dataDir + ":\n" + tail());
    }

    /** The PostgreSQL server on our data directory and its backends, from postmaster.pid. */
    List<ProcessHandle> postgres() throws IOException {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        List<ProcessHandle> out = new ArrayList<>();
        if (Files.exists(pid)) {
            Optional<ProcessHandle> pm = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
            pm.ifPresent(p -> {
                out.add(p);
                p.descendants().forEach(out::add);
            });
        }
        return out;
    }

    /**
     * After a failed test: SIGKILL to a PostgreSQL still running on the data directory (a JVM-alone
     * kill leaves one until the next start stops it), so no process outlives the test.
     */
    static void killLeftovers(Path dataDir) throws Exception {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        Optional<ProcessHandle> pm = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
        if (pm.isPresent() && pm.get().info().commandLine().orElse("").contains(dataDir.toString())) {
            List<ProcessHandle> all = new ArrayList<>(pm.get().descendants().toList());
            all.add(pm.get());
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** SIGKILL to the JVM alone. */
    void killJvm() throws InterruptedException {
        proc.process().toHandle().destroyForcibly();
        proc.process().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL to the JVM and, in the same instant, to its PostgreSQL server and every backend. */
    void killJvmAndPostgres() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(postgres());
        all.add(0, proc.process().toHandle());
        all.addAll(proc.process().toHandle().descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM and wait: the orderly stop at the end of the test. */
    void stop() throws InterruptedException {
        proc.process().toHandle().destroy();
        if (!proc.process().waitFor(60, TimeUnit.SECONDS)) {
            proc.process().toHandle().destroyForcibly();
        }
    }

    String output() {
        return proc.output();
    }

    String tail() {
        String out = proc.output();
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    @Override
    public void close() throws Exception {
        if (proc.process().isAlive()) {
            stop();
        }
    }
}
