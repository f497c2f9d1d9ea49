package io.tradingstack.crash;

import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.testing.Processes;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill -9 anywhere loses nothing. The real fat jar runs as a child process on one DATA_DIR with its
 * production settings; several MCP clients place orders; the process is killed with SIGKILL (the
 * JVM alone, or the JVM together with its PostgreSQL) at an arbitrary moment and restarted on the
 * same data with no clean-up. After every restart: no acknowledged fill is lost or changed, no
 * order filled twice, no hold of a dead order, ledger invariants hold; at the end re-sent
 * client_order_ids do not fill again and {@code ledger verify} (the real command) passes.
 * {@code -Dcrash.cycles=N} sets the number of crashes (the -Psoak profile runs many and writes its
 * figures to bench/results/crash-soak.json).
 */
class CrashIT {
    private static final int CLIENTS = 6;
    private static final Duration READY_BOUND = Duration.ofSeconds(180);
    private final Path jar = Path.of(System.getProperty("crash.jar", "target/trading-stack.jar"));
    private final int cycles = Integer.getInteger("crash.cycles", 2);
    private final SoakFigures figures = new SoakFigures();

    @Test
    void killedAtAnyMomentItRestartsOnTheSameDataAndLosesNothing() throws Exception {
        assertTrue(Files.exists(jar), "run after package: " + jar.toAbsolutePath());
        Path work = TestInfra.newDir("crash-");
        Path data = work.resolve("data");
        int[] ports = {TestInfra.freePort(), TestInfra.freePort(), TestInfra.freePort()};
        List<McpLoad.AckedFill> acked = new ArrayList<>();
        Map<String, JsonObject> sent = new java.util.HashMap<>();
        try {
            crashCycles(work, data, ports, acked, sent);
            try (StackProcess stack = StackProcess.start(jar, work, data, ports[0], ports[1], ports[2])) {
                figures.readySeconds.add(stack.awaitReady(READY_BOUND));
                check(stack, data, acked);
                resendDoesNotRefill(stack, data, sent);
                stack.stop();
            }
        } finally {
            StackProcess.killLeftovers(data);
        }
        ledgerVerifyCommand(work, data);
        figures.write(cycles);
    }

    private void crashCycles(Path work, Path data, int[] ports, List<McpLoad.AckedFill> acked, Map<String, JsonObject> sent)
            throws Exception {
        Random rnd = new Random(Long.getLong("crash.seed", System.nanoTime()));
        boolean orphanExpected = false;
        for (int cycle = 0; cycle < cycles; cycle++) {
            try (StackProcess stack = StackProcess.start(jar, work, data, ports[0], ports[1], ports[2])) {
                orphanExpected = cycle(stack, data, cycle, orphanExpected, rnd, acked, sent);
            }
        }
    }

    /** One start, check, load and kill; returns whether the kill left the PostgreSQL running. */
    private boolean cycle(StackProcess stack, Path data, int cycle, boolean orphanExpected, Random rnd,
                          List<McpLoad.AckedFill> acked, Map<String, JsonObject> sent) throws Exception {
        figures.readySeconds.add(stack.awaitReady(READY_BOUND));
        if (orphanExpected) {
            assertTrue(stack.output().contains("left running"), "the orphaned PostgreSQL is named in one line:\n" + stack.tail());
        }
        check(stack, data, acked);
        McpLoad load = new McpLoad(stack.mcpPort, stack.replayPort);
        load.start(CLIENTS, "c" + cycle, rnd.nextLong());
        awaitAnswers(load, 10 + rnd.nextInt(40));
        boolean jvmAlone = cycle % 2 == 0;
        if (jvmAlone) {
            stack.killJvm();
        } else {
            stack.killJvmAndPostgres();
        }
        load.stop();
        acked.addAll(load.ackedFills);
        sent.putAll(load.sent);
        figures.add(load);
        return jvmAlone;
    }

    /** Lets the clients get some answers, then returns at an arbitrary point of the load. */
    private static void awaitAnswers(McpLoad load, int answers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (load.answered.get() < answers && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void check(StackProcess stack, Path data, List<McpLoad.AckedFill> acked) throws Exception {
        try (Connection db = jdbc(data)) {
            int lost = 0;
            int changed = 0;
            try (PreparedStatement ps = db.prepareStatement("SELECT qty, price, order_id FROM fills WHERE fill_id = ?")) {
                for (McpLoad.AckedFill f : acked) {
                    ps.setString(1, f.fillId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            lost++;
                        } else if (rs.getBigDecimal(1).compareTo(f.qty()) != 0 || rs.getBigDecimal(2).compareTo(f.price()) != 0
                                || !rs.getString(3).equals(f.orderId())) {
                            changed++;
                        }
                    }
                }
            }
            long doubled = scalar(db, "SELECT COUNT(*) FROM (SELECT o.order_id FROM orders o JOIN fills f ON f.order_id = o.order_id"
                    + " WHERE o.type = 'MARKET' GROUP BY o.order_id HAVING COUNT(*) > 1) x");
            long deadHolds = scalar(db, "SELECT COUNT(*) FROM reservations r JOIN orders o ON o.order_id = r.order_id"
                    + " WHERE NOT (o.type = 'LIMIT' AND o.time_in_force = 'GTC' AND o.status IN ('OPEN', 'PARTIALLY_FILLED'))");
            long stuck = scalar(db, "SELECT COUNT(*) FROM orders WHERE status IN ('OPEN', 'PARTIALLY_FILLED')"
                    + " AND NOT (type = 'LIMIT' AND time_in_force = 'GTC')");
            figures.lost += lost;
            figures.duplicated += changed + doubled;
            assertEquals(0, lost, "acknowledged fills lost");
            assertEquals(0, changed, "acknowledged fills changed (refilled under the same id)");
            assertEquals(0, doubled, "market orders filled twice");
            assertEquals(0, deadHolds, "holds of dead orders");
            assertEquals(0, stuck, "market or IOC orders still open after recovery");
            LedgerVerifier.Report report = new LedgerVerifier(db).verify();
            assertTrue(report.ok(), report.render());
        }
        figures.recovery(health(stack));
    }

    private void resendDoesNotRefill(StackProcess stack, Path data, Map<String, JsonObject> sent) throws Exception {
        List<String> recorded = new ArrayList<>();
        try (Connection db = jdbc(data); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT client_order_id FROM orders WHERE client_order_id IS NOT NULL ORDER BY random() LIMIT 60")) {
            while (rs.next()) {
                recorded.add(rs.getString(1));
            }
        }
        // the fills of the re-sent orders only: the execution agent (on by default) keeps trading meanwhile
        long fillsBefore;
        try (Connection db = jdbc(data)) {
            fillsBefore = fillsOf(db, recorded);
        }
        String session = McpLoad.initialize(stack.mcpPort);
        for (String coid : recorded) {
            JsonObject original = sent.get(coid);
            if (original == null) {
                continue;
            }
            JsonObject result = McpLoad.callTool(stack.mcpPort, session, "place_mock_order",
                    new JsonObject().put("orders", new JsonArray().add(original)));
            JsonObject order = result.getJsonObject("structuredContent").getJsonArray("orders").getJsonObject(0);
            assertEquals("DUPLICATE", order.getString("status"), "re-sent " + coid + ": " + result.encode());
            figures.resent++;
        }
        try (Connection db = jdbc(data)) {
            assertEquals(fillsBefore, fillsOf(db, recorded), "re-sent client_order_ids filled again");
        }
        assertTrue(figures.resent > 0, "some recorded client_order_ids were re-sent");
    }

    private void ledgerVerifyCommand(Path work, Path data) throws Exception {
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toAbsolutePath().toString(),
                "ledger", "verify", "--data-dir", data.toString());
        try (Processes.Proc verify = Processes.command(cmd, Map.of(), work)) {
            assertTrue(verify.process().waitFor(120, TimeUnit.SECONDS), "ledger verify finishes");
            assertEquals(0, verify.process().exitValue(), verify.output());
            assertTrue(verify.output().contains("OK: all ledger invariants hold"), verify.output());
        }
    }

    private static JsonObject health(StackProcess stack) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + stack.httpPort + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    /** The running server's own PostgreSQL: port from postmaster.pid, password from DATA_DIR. */
    private static Connection jdbc(Path data) throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        String password = Files.readString(data.resolve("postgres.password")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres", "postgres", password);
    }

    /** Fills of the orders with these client_order_ids. */
    private static long fillsOf(Connection db, List<String> clientOrderIds) throws SQLException {
        try (java.sql.PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM fills f JOIN orders o ON o.order_id = f.order_id"
                + " WHERE o.client_order_id = ANY (?)")) {
            s.setArray(1, db.createArrayOf("text", clientOrderIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
