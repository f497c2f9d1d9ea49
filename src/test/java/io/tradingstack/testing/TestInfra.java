package io.tradingstack.testing;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.runtime.TemporalRuntime;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Real infrastructure shared by every test of one JVM: one embedded PostgreSQL (migrated) and one
 * embedded Temporal service, started on first use and stopped when the JVM exits.
 */
public final class TestInfra {
    private static PostgresRuntime postgres;
    private static TemporalRuntime temporal;
    private static Path root;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::shutdown, "test-infra-shutdown"));
    }

    private TestInfra() {
    }

    public static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("ts-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** Stops the shared services, then removes everything the tests wrote under the root. */
    private static synchronized void shutdown() {
        if (temporal != null) {
            temporal.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (root == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a file still held by a child process stays in the temp directory
        }
    }

    /** A fresh directory under the JVM's test root. */
    public static Path newDir(String prefix) {
        try {
            return Files.createTempDirectory(root(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared PostgreSQL: the external server given by the environment variable PG_URL when set
     * (the ledger suite is run against one that way, see README "Tests"), else an embedded one.
     */
    public static synchronized PostgresRuntime postgres() {
        if (postgres == null) {
            String external = System.getenv("PG_URL");
            if (external != null && !external.isBlank()) {
                postgres = PostgresRuntime.start(io.tradingstack.runtime.AppConfig.defaults(
                        Map.of("PG_URL", external, "DATA_DIR", root().resolve("data").toString())));
                return postgres;
            }
            reapOrphans();
            // The shared unit-test database needs no durability; the crash test runs the real jar with the durable default.
            postgres = PostgresRuntime.startEmbedded(root().resolve("postgres"), PostgresRuntime.Durability.UNSAFE_FAST_TESTS_ONLY);
            postgres.migrate();
        }
        return postgres;
    }

    /**
     * A test JVM killed mid-run (a surefire timeout, a developer's kill) leaves its embedded
     * PostgreSQL running and its root behind. Each new test JVM stops those servers whose owner is
     * gone (a live JVM's lock keeps its own untouched) and removes their roots.
     */
    private static void reapOrphans() {
        Path tmp = root().getParent();
        try (java.util.stream.Stream<Path> roots = Files.list(tmp)) {
            roots.filter(r -> r.getFileName().toString().startsWith("ts-test-") && !r.equals(root()))
                    .filter(r -> Files.exists(r.resolve("postgres").resolve("postmaster.pid")))
                    .filter(r -> PostgresRuntime.stopOrphan(r.resolve("postgres")))
                    .forEach(TestInfra::delete);
        } catch (IOException | UncheckedIOException e) {
            // best effort: an orphan costs memory, never a test
        }
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    public static synchronized TemporalRuntime temporal() {
        if (temporal == null) {
            temporal = TemporalRuntime.start("", "default");
        }
        return temporal;
    }

    /** {@code n} distinct free loopback ports (held open together while chosen, so none repeats). */
    public static java.util.List<Integer> freePorts(int n) {
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defaults with a private DATA_DIR and free ports, plus the given overrides. */
    public static AppConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("DATA_DIR", newDir("data-").toString());
        all.put("HTTP_PORT", String.valueOf(freePort()));
        all.put("MCP_PORT", String.valueOf(freePort()));
        // an agent trading on its own would place orders in every test's stack: tests that want it enable it
        all.put("EXECUTION_AGENT_ENABLED", "false");
        // likewise the judge: its evaluations would adjust risk and prompts under other tests
        all.put("JUDGE_ENABLED", "false");
        // the replay market's 1-minute demo specs would become every test stack's active specs
        all.put("STRATEGY_REPLAY_DEMO_SPECS", "false");
        all.putAll(overrides);
        return AppConfig.defaults(all);
    }

    /** A context wired to the shared PostgreSQL and Temporal. */
    public static AppContext context(Vertx vertx, Map<String, String> overrides) {
        AppContext ctx = new AppContext(config(overrides), vertx);
        ctx.postgresReady(postgres());
        ctx.temporalReady(temporal());
        return ctx;
    }

    /** Starts a worker on a unique task queue; the caller registers what it needs and shuts it down. */
    public static WorkerFactory worker(String taskQueue, Consumer<Worker> registration) {
        WorkerFactory factory = WorkerFactory.newInstance(temporal().client());
        registration.accept(factory.newWorker(taskQueue));
        factory.start();
        return factory;
    }

    public static String uniqueQueue(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
