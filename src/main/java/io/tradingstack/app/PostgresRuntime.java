package io.tradingstack.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL for the stack: the embedded server (data kept under {@code DATA_DIR/postgres}) or an
 * external one from PG_URL. Migrations are applied with Flyway over JDBC; everything else uses
 * the reactive Vert.x client.
 */
public final class PostgresRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRuntime.class);

    private final EmbeddedPostgres embedded;
    private final PgUrl url;
    private final String location;

    private PostgresRuntime(EmbeddedPostgres embedded, PgUrl url, String location) {
        this.embedded = embedded;
        this.url = url;
        this.location = location;
    }

    /** Starts (or connects to) PostgreSQL and applies the migrations. Blocking. */
    public static PostgresRuntime start(AppConfig config) {
        PostgresRuntime runtime = config.pgUrl().isEmpty()
                ? startEmbedded(config.dataDir().resolve("postgres"))
                : new PostgresRuntime(null, PgUrl.parse(config.pgUrl()).orElseThrow(), "external " + PgUrl.parse(config.pgUrl()).orElseThrow().redacted());
        runtime.migrate();
        return runtime;
    }

    /** An embedded server in the given directory, kept across restarts. Blocking. */
    public static PostgresRuntime startEmbedded(Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            removeStalePid(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            PgUrl url = new PgUrl("127.0.0.1", pg.getPort(), "postgres", "postgres", "");
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", pg.getPort(), dir);
            return new PostgresRuntime(pg, url, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dir, e);
        }
    }

    /** A postmaster.pid left by a killed JVM blocks the next start; drop it if its process is gone. */
    private static void removeStalePid(Path dir) throws IOException {
        Path pid = dir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
        boolean alive = !first.isEmpty() && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            LOG.warn("Removing stale {}", pid);
            Files.delete(pid);
        }
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPassword(url.password())
                .setCachePreparedStatements(true);
    }

    public Pool pool(Vertx vertx, int size) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(connectOptions())
                .using(vertx)
                .build();
    }

    public PgUrl url() {
        return url;
    }

    /** Where the data lives, for the banner and health. */
    public String location() {
        return location;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
