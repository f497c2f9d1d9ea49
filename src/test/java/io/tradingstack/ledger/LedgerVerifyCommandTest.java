package io.tradingstack.ledger;

import io.tradingstack.app.Main;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ledger verify} against an embedded PostgreSQL in a DATA_DIR: 0 when sound, 1 with a report when not. */
class LedgerVerifyCommandTest {

    @Test
    void exitCodeAndReport() throws Exception {
        Path dataDir = TestInfra.newDir("verify-");
        assertEquals(0, run(dataDir).code());
        try (PostgresRuntime pg = PostgresRuntime.startEmbedded(dataDir.resolve("postgres"));
             Connection c = DriverManager.getConnection(pg.url().jdbcUrl(), pg.url().user(), pg.url().password());
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO ledger_accounts (name, currency, kind) VALUES ('cash', 'USD', 'asset'), ('funding', 'USD', 'equity')");
            s.execute("INSERT INTO journal_entries (id, idempotency_key, kind, occurred_at, description) VALUES (1, 'funding:initial', 'funding', now(), 'f')");
            s.execute("INSERT INTO postings (entry_id, account, currency, debit, credit) VALUES (1, 'cash', 'USD', 100, 0), (1, 'funding', 'USD', 0, 100)");
            // a fill that never went through the posting rules: no position, no cash movement
            s.execute("INSERT INTO fills (fill_id, entry_id, symbol, side, qty, price, fee, liquidity, occurred_at)"
                    + " VALUES ('rogue', 1, 'BTC-USD', 'BUY', 1, 10, 0, 'TAKER', now())");
            c.commit();
        }
        Result bad = run(dataDir);
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("position of BTC-USD"), bad.out());
        assertTrue(bad.out().contains("cash + reserve"), bad.out());
    }

    /** On a DATA_DIR whose PostgreSQL is running (a node is up), verify reads through that server. */
    @Test
    void verifiesThroughTheRunningServerOfTheDataDirectory() throws Exception {
        Path dataDir = TestInfra.newDir("verify-running-");
        try (PostgresRuntime pg = PostgresRuntime.startEmbedded(dataDir.resolve("postgres"))) {
            pg.migrate();
            PrintStream oldErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Result r;
            try {
                r = run(dataDir);
            } finally {
                System.setErr(oldErr);
            }
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, r.code(), said + r.out());
            assertTrue(said.contains("reading through the running node's PostgreSQL"), said);
        }
    }

    record Result(int code, String out) {
    }

    static Result run(Path dataDir) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute("ledger", "verify", "--data-dir", dataDir.toString());
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }
}
