package io.tradingstack.runtime;


import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server as production starts it: durable settings, a generated password, no trust logins. */
class PostgresRuntimeTest {

    @Test
    void productionDefaultsAreDurableAndPasswordProtected() throws Exception {
        Path dir = TestInfra.newDir("pg-durable-").resolve("postgres");
        try (PostgresRuntime pg = PostgresRuntime.startEmbedded(dir)) {
            Path secret = PgPassword.fileFor(dir);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            assertEquals(dir.getParent(), secret.getParent(), "the password lives in DATA_DIR");
            PgUrl url = pg.url();
            assertTrue(url.password().length() >= 32);
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                assertEquals("on", setting(c, "fsync"));
                assertEquals("on", setting(c, "synchronous_commit"));
                assertEquals("on", setting(c, "full_page_writes"));
            }
            SQLException noPassword = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url.jdbcUrl(), url.user(), "").close());
            assertTrue(noPassword.getMessage().contains("SCRAM"), noPassword.getMessage());
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url.jdbcUrl(), url.user(), "wrong-password").close());
            assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        }
        try (PostgresRuntime again = PostgresRuntime.startEmbedded(dir)) {
            PgUrl url = again.url();
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                assertEquals("on", setting(c, "fsync"), "the same password opens the data on a restart");
            }
        }
    }

    @Test
    void aDataDirectoryFromTheTrustEraMovesToPasswordLogins() throws Exception {
        Path dir = TestInfra.newDir("pg-upgrade-").resolve("postgres");
        try (PostgresRuntime first = PostgresRuntime.startEmbedded(dir)) {
            first.url();
        }
        // As an older release left it: trust in pg_hba.conf and no password file.
        Files.writeString(dir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\nlocal all all trust\n");
        Files.delete(PgPassword.fileFor(dir));
        try (PostgresRuntime pg = PostgresRuntime.startEmbedded(dir)) {
            PgUrl url = pg.url();
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                assertEquals("on", setting(c, "fsync"));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url.jdbcUrl(), url.user(), "").close());
        }
    }

    @Test
    void aDataDirectoryInUseIsNeverTakenOver() throws Exception {
        Path dir = TestInfra.newDir("pg-in-use-").resolve("postgres");
        try (PostgresRuntime owner = PostgresRuntime.startEmbedded(dir)) {
            java.io.UncheckedIOException refused = assertThrows(java.io.UncheckedIOException.class,
                    () -> PostgresRuntime.startEmbedded(dir));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
            PgUrl url = owner.url();
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                assertEquals("on", setting(c, "fsync"), "the owner's server is untouched");
            }
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
