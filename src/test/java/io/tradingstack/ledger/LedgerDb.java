package io.tradingstack.ledger;

import io.tradingstack.runtime.PgUrl;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh, migrated database on the shared embedded server, so ledger tests never see each other's journal. */
public record LedgerDb(PgUrl url) {
    private static final AtomicInteger SEQ = new AtomicInteger();

    public static LedgerDb fresh() {
        return on(TestInfra.postgres());
    }

    public static LedgerDb on(PostgresRuntime pg) {
        PgUrl base = pg.url();
        String name = "ledger_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PgUrl url = new PgUrl(base.host(), base.port(), name, base.user(), base.password());
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration").load().migrate();
        return new LedgerDb(url);
    }

    /** The database as a PG_URL setting value, for a node of its own. */
    public String pgUrl() {
        return "postgresql://" + java.net.URLEncoder.encode(url.user(), java.nio.charset.StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(url.password(), java.nio.charset.StandardCharsets.UTF_8) + "@" + url.host()
                + ":" + url.port() + "/" + url.database();
    }

    public Pool pool(Vertx vertx, int size) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size))
                .connectingTo(new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
                        .setUser(url.user()).setPassword(url.password()))
                .using(vertx).build();
    }

    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }
}
