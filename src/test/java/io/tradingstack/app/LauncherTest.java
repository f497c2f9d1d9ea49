package io.tradingstack.app;

import io.tradingstack.testing.Listeners;
import io.tradingstack.testing.Processes;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher as a user runs it, in its own JVM: bad configuration, a full start on embedded
 * defaults, secrets kept out of logs and /health, SIGTERM, and a restart on the same DATA_DIR.
 */
class LauncherTest {
    private static final String OPENAI_KEY = "sk-test-9f8e7d6c5b4a3210";
    private static final String MCP_TOKEN = "mcp-token-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void badConfigurationStopsStartUpNamingTheKey() throws Exception {
        Path work = TestInfra.newDir("launcher-bad-");
        try (Processes.Proc p = Processes.java(Main.class, Map.of("HTTP_PORT", "notaport"), work)) {
            assertTrue(p.process().waitFor(60, TimeUnit.SECONDS), "exits");
            assertEquals(2, p.process().exitValue(), p.output());
            assertFalse(p.output().contains("\tat "), "one line, no stack trace:\n" + p.output());
            assertTrue(p.awaitLine("HTTP_PORT='notaport'", Duration.ofSeconds(5)), p.output());
            assertTrue(p.output().contains("1-65535"), p.output());
        }
    }

    @Test
    void startsHealthyStopsOnSigtermAndKeepsDataAcrossRestarts() throws Exception {
        Path work = TestInfra.newDir("launcher-");
        Files.copy(Path.of("verticles.json"), work.resolve("verticles.json"));
        Path dataDir = work.resolve("data");
        // distinct free ports, not the defaults: another checkout's test run may hold those on the same machine
        List<Integer> ports = TestInfra.freePorts(4);
        int port = ports.get(0);
        String replayPort = String.valueOf(ports.get(1));
        Map<String, String> env = Map.of("HTTP_PORT", String.valueOf(port), "MCP_PORT", String.valueOf(ports.get(2)),
                "REPLAY_PORT", replayPort, "OPENAI_API_KEY", OPENAI_KEY, "MCP_AUTH_TOKEN", MCP_TOKEN);
        JsonObject first = runOnce(work, env, port, "text");
        JsonObject second = runOnce(work, Map.of("HTTP_PORT", String.valueOf(port), "MCP_PORT", String.valueOf(ports.get(3)),
                "REPLAY_PORT", replayPort, "LOG_FORMAT", "json", "OPENAI_API_KEY", OPENAI_KEY), port, "json");
        long startsBefore = first.getJsonObject("components").getJsonObject("postgres").getLong("starts");
        long startsAfter = second.getJsonObject("components").getJsonObject("postgres").getLong("starts");
        assertEquals(startsBefore + 1, startsAfter, "the second start sees the first start's data");
        assertTrue(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")), "data under DATA_DIR/postgres");
    }

    private JsonObject runOnce(Path work, Map<String, String> env, int port, String format) throws Exception {
        JsonObject health;
        try (Processes.Proc p = Processes.java(Main.class, env, work)) {
            health = awaitHealthy(p, port);
            String body = health.encode();
            assertFalse(body.contains(OPENAI_KEY) || body.contains(MCP_TOKEN), "no secret in /health");
            assertEquals("UP", health.getString("status"), body);
            assertEquals("UP", health.getJsonObject("components").getJsonObject("postgres").getString("status"));
            assertEquals("UP", health.getJsonObject("components").getJsonObject("temporal").getString("status"));
            List<String> listening = Listeners.of(p.process().toHandle());
            assertTrue(listening.contains("127.0.0.1:" + port), listening.toString());
            assertTrue(listening.stream().allMatch(Listeners::isLoopback), "only loopback listeners: " + listening);
            List<String> udp = Listeners.udp(p.process().toHandle());
            assertTrue(udp.stream().allMatch(Listeners::isLoopback), "no UDP socket beyond loopback: " + udp);
            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            p.process().toHandle().destroy();
            assertTrue(p.process().waitFor(15, TimeUnit.SECONDS), "exits after SIGTERM\n" + p.output());
            int code = p.process().exitValue();
            assertTrue(code == 0 || code == 143, "exit code " + code);
            assertTrue(p.awaitLine("Stopped", Duration.ofSeconds(5)), "exit " + code + "\n" + p.output());
            String logs = p.output();
            assertFalse(logs.contains(OPENAI_KEY) || logs.contains(MCP_TOKEN), "no secret in logs");
            if (format.equals("json")) {
                logs.lines().filter(l -> l.startsWith("{")).forEach(JsonObject::new);
                assertTrue(logs.lines().anyMatch(l -> l.startsWith("{\"time\"")), "JSON log lines");
            }
        }
        assertFalse(postgresRunningIn(work), "no PostgreSQL process left behind");
        return health;
    }

    private JsonObject awaitHealthy(Processes.Proc p, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.process().isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new JsonObject(r.body());
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            p.awaitLine("Trading Stack is up", Duration.ofMillis(250));
        }
        throw new AssertionError("never healthy:\n" + p.output());
    }

    private static boolean postgresRunningIn(Path work) {
        String dir = work.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().anyMatch(ph -> ph.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false));
    }
}
