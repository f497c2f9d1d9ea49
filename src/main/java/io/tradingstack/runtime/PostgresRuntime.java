package io.tradingstack.runtime;

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

    /**
     * How the embedded server writes. DURABLE (the only production setting): fsync, synchronous
     * commit and full-page writes on, so a commit that was answered survives a crash of the process
     * or the machine. UNSAFE_FAST_TESTS_ONLY turns them off; only the shared database of the unit
     * tests uses it, where nothing has to survive.
     */
    public enum Durability { DURABLE, UNSAFE_FAST_TESTS_ONLY }

    /** An embedded, durable server in the given directory, kept across restarts. Blocking. */
    public static PostgresRuntime startEmbedded(Path dir) {
        return startEmbedded(dir, Durability.DURABLE);
    }

    /**
     * An embedded server in the given directory. A server left running there by a dead process is
     * stopped first. The superuser logs in with a password generated at the first start (SCRAM,
     * never trust). Blocking.
     */
    /**
     * Stops an embedded server left running on {@code dir} by a process that died (see
     * {@link #startEmbedded(Path, Durability)}); true when the directory is free afterwards, false when
     * its owner is alive (then nothing is touched). Blocking, bounded.
     */
    public static boolean stopOrphan(Path dir) {
        try {
            OrphanPostgres.clear(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static PostgresRuntime startEmbedded(Path dir, Durability durability) {
        try {
            Files.createDirectories(dir.getParent());
            OrphanPostgres.clear(dir);
            boolean trustEra = Files.exists(dir.resolve("PG_VERSION")) && !PgPassword.exists(dir);
            String password = PgPassword.readOrCreate(dir);
            EmbeddedPostgres pg = builder(dir, durability, password, trustEra).start();
            PgUrl url = new PgUrl("127.0.0.1", pg.getPort(), "postgres", "postgres", password);
            if (trustEra) {
                PgAuth.upgradeFromTrust(dir, url);
            }
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {} ({})", pg.getPort(), dir,
                    durability == Durability.DURABLE ? "durable: fsync, synchronous commit" : "UNSAFE fast test settings");
            return new PostgresRuntime(pg, url, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir, Durability durability, String password, boolean trustEra)
            throws IOException {
        boolean durable = durability == Durability.DURABLE;
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // zonky passes -F (fsync off) and synchronous_commit=off; these later options win.
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("password_encryption", "scram-sha-256");
        if (!trustEra) {
            b.setConnectConfig("password", password);
        }
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            // zonky runs initdb with -A trust; these initdb options come after it and win.
            Path pwfile = PgPassword.fileFor(dir);
            b.setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toAbsolutePath().toString());
        }
        return b;
    }

    /**
     * How to log in to the embedded server of {@code dir} that is running on {@code port} (for a
     * reader such as {@code ledger verify} while a node is up): the superuser with the password kept
     * beside the data directory (none for a data directory from before passwords).
     */
    public static PgUrl embeddedUrl(Path dir, int port) {
        String password = PgPassword.exists(dir) ? PgPassword.readOrCreate(dir) : "";
        return new PgUrl("127.0.0.1", port, "postgres", "postgres", password);
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
