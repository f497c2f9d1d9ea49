package io.tradingstack.ledger;

import io.tradingstack.app.AppConfig;
import io.tradingstack.app.PostgresRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ledger verify}: checks the journal's invariants; exit 0 when all hold, 1 with a report otherwise. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Ledger checks.",
        subcommands = LedgerCommand.Verify.class)
public final class LedgerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: ledger verify [--data-dir DIR] [--set KEY=VALUE]");
        return 2;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the journal (DATA_DIR embedded PostgreSQL or PG_URL).")
    public static final class Verify implements Callable<Integer> {
        @Option(names = "--config", description = "configuration file (default: conf/application.json)")
        Path configFile = Path.of("conf", "application.json");

        @Option(names = {"-s", "--set"}, description = "configuration override KEY=VALUE (repeatable)")
        Map<String, String> overrides = new HashMap<>();

        @Option(names = "--data-dir", description = "same as --set DATA_DIR=...")
        String dataDir;

        @Override
        public Integer call() throws Exception {
            if (dataDir != null) {
                overrides.put("DATA_DIR", dataDir);
            }
            AppConfig config = AppConfig.load(System.getenv(), configFile, overrides);
            try (PostgresRuntime pg = PostgresRuntime.start(config);
                 Connection db = DriverManager.getConnection(pg.url().jdbcUrl(), pg.url().user(), pg.url().password())) {
                LedgerVerifier.Report report = new LedgerVerifier(db).verify();
                System.out.print(report.render());
                return report.ok() ? 0 : 1;
            }
        }
    }
}
