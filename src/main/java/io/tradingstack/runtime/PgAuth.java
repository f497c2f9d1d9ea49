package io.tradingstack.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves a data directory created before passwords existed (initdb -A trust) to SCRAM logins: sets
 * the superuser password, replaces pg_hba.conf and reloads. Runs once, on the first start after the
 * upgrade; new data directories are created with SCRAM from initdb on.
 */
final class PgAuth {
    private static final Logger LOG = LoggerFactory.getLogger(PgAuth.class);
    static final String HBA = """
            # Written by trading-stack: password (SCRAM) logins only, loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PgAuth() {
    }

    static void upgradeFromTrust(Path dir, PgUrl url) throws IOException {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), "")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('password_encryption', 'scram-sha-256', false)")) {
                ps.execute();
            }
            try (Statement s = c.createStatement()) {
                // ALTER ROLE takes no bind parameters; the password is hex, so quoting it is safe.
                s.execute("ALTER ROLE " + url.user() + " PASSWORD '" + url.password() + "'");
            }
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IOException("could not move " + dir + " to password logins: " + e.getMessage(), e);
        }
        LOG.info("PostgreSQL in {} now requires the password kept in {} (it accepted password-less logins before)",
                dir, PgPassword.fileFor(dir));
    }
}
