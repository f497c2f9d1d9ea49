package io.tradingstack.ledger;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.PgUrl;
import io.tradingstack.runtime.PostgresRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ledger verify}: checks the journal's invariants; exit 0 when all hold, 1 with a report
 * otherwise. On a DATA_DIR whose embedded PostgreSQL is running (a node is up) it reads through that
 * server in one read-only snapshot; when that server cannot be reached it says so in one line and
 * exits {@value #EXIT_IN_USE}.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Ledger checks.",
        subcommands = LedgerCommand.Verify.class)
public final class LedgerCommand implements Callable<Integer> {
    /** Exit code: the data directory is in use and its server could not be read. */
    public static final int EXIT_IN_USE = 3;

    @Override
    public Integer call() {
        System.err.println("usage: ledger verify [--data-dir DIR] [--set KEY=VALUE]");
        return 2;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the journal (DATA_DIR embedded PostgreSQL or PG_URL).")
    public static final class Verify implements Callable<Integer> {
        @Option(names = "--config", description = "configuration file (default: conf/application.json)")
        Path configFile;

        @Option(names = {"-s", "--set"}, description = "configuration override KEY=VALUE (repeatable)")
        Map<String, String> overrides = new HashMap<>();

        @Option(names = "--data-dir", description = "same as --set DATA_DIR=...")
        String dataDir;

        @Override
        public Integer call() throws Exception {
            if (dataDir != null) {
                overrides.put("DATA_DIR", dataDir);
            }
            AppConfig config = AppConfig.fromCommandLine(configFile, overrides);
            Path pgDir = config.dataDir().resolve("postgres");
            Optional<RunningServer> running = config.pgUrl().isEmpty() ? RunningServer.of(pgDir) : Optional.empty();
            if (running.isPresent()) {
                return throughRunningServer(running.get(), pgDir);
            }
            try (PostgresRuntime pg = PostgresRuntime.start(config);
                 Connection db = DriverManager.getConnection(pg.url().jdbcUrl(), pg.url().user(), pg.url().password())) {
                return verify(db);
            }
        }

        private static int throughRunningServer(RunningServer server, Path pgDir) {
            PgUrl url = PostgresRuntime.embeddedUrl(pgDir, server.port());
            try (Connection db = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                System.err.println("ledger verify: reading through the running node's PostgreSQL (pid " + server.pid()
                        + ", port " + server.port() + ")");
                return verify(db);
            } catch (java.sql.SQLException e) {
                System.err.println("ledger verify: " + pgDir + " is in use by a running node (PostgreSQL pid " + server.pid()
                        + ") and its server on port " + server.port() + " could not be read: " + e.getMessage());
                return EXIT_IN_USE;
            }
        }

        /** One consistent, read-only snapshot: the verification never sees half of a concurrent posting. */
        private static int verify(Connection db) throws java.sql.SQLException {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setReadOnly(true);
            LedgerVerifier.Report report = new LedgerVerifier(db).verify();
            db.rollback();
            System.out.print(report.render());
            return report.ok() ? 0 : 1;
        }
    }

    /** The embedded server of a data directory that is running now (its postmaster.pid names a live process). */
    record RunningServer(long pid, int port) {
        static Optional<RunningServer> of(Path pgDir) {
            Path pidFile = pgDir.resolve("postmaster.pid");
            try {
                if (!Files.exists(pidFile)) {
                    return Optional.empty();
                }
                List<String> lines = Files.readAllLines(pidFile);
                long pid = Long.parseLong(lines.get(0).trim());
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return Optional.empty();
                }
                return Optional.of(new RunningServer(pid, Integer.parseInt(lines.get(3).trim())));
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
