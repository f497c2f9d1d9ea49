package io.tradingstack.backtest;

import io.tradingstack.testing.Console;
import io.tradingstack.testing.Console.Captured;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import io.tradingstack.market.replay.ReplayExchange;
import io.tradingstack.market.replay.ReplayMarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest {
    static final Path MARKET = io.tradingstack.testing.MarketData.DIR;

    @TempDir
    Path dir;

    @Test
    void runsOnEveryCompressedMarketFileAndRefusesTrades() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(MARKET)) {
            files = s.filter(f -> f.toString().endsWith(".gz")).sorted().toList();
        }
        assertEquals(4, files.size());
        for (Path f : files) {
            Path out = dir.resolve(f.getFileName().toString());
            Captured c = capture(() -> Main.execute("backtest", "--data", f.toString(), "--out", out.toString(), "--no-progress"));
            if (f.getFileName().toString().contains("trades")) {
                assertEquals(2, c.code(), c.err());
                assertTrue(c.err().contains("8000 BACKTEST_BAD_DATA"), c.err());
                assertFalse(Files.exists(out.resolve("report.json")));
                continue;
            }
            assertEquals(0, c.code(), f + ": " + c.err());
            assertTrue(c.out().contains("| max drawdown") && c.out().contains("| buy and hold return"), c.out());
            assertTrue(c.out().contains("data "), "the data findings are printed: " + c.out());
            checkReport(out);
        }
    }

    @Test
    void runsOnAGenericCsvWithRiskFlagsAndAConfigFile() throws Exception {
        Path csv = dir.resolve("generic.csv");
        StringBuilder s = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double p = 100;
        for (int i = 0; i < 600; i++) {
            p = p * (1 + 0.004 * Math.sin(i / 9.0)) + (i % 7 == 0 ? 0.3 : -0.1);
            s.append(java.time.Instant.ofEpochSecond(1_704_067_200L + i * 3600L)).append(',').append(p).append(',')
                    .append(p * 1.004).append(',').append(p * 0.996).append(',').append(p * 1.001).append(",5\n");
        }
        Files.writeString(csv, s);
        Path out = dir.resolve("generic");
        Captured c = capture(() -> Main.execute("backtest", "--data", csv.toString(), "--pair", "SOL-USD",
                "--risk-config", "configs/risk_limits.example.json", "--max-position-risk-pct", "0.75",
                "--max-trades-per-day", "1", "--initial-cash", "5000", "--fee-bps", "20", "--slippage-bps", "2",
                "--timeframe", "2h", "--out", out.toString(), "--no-progress"));
        assertEquals(0, c.code(), c.err());
        JsonNode r = checkReport(out);
        assertEquals("SOL-USD", r.get("pair").asText());
        assertEquals("2h", r.get("timeframe").asText());
        assertEquals("0.75", r.get("risk_limits").get("max_position_risk_pct").asText());
        assertEquals(1, r.get("risk_limits").get("max_trades_per_day").asInt());
        assertEquals("5000", r.get("initial_cash").asText());
    }

    @Test
    void badArgumentsAreCodedErrors() throws Exception {
        Captured c = capture(() -> Main.execute("backtest", "--pair", "BTC-USD", "--start", "2024-01-01", "--end",
                "2024-01-02", "--exchange-url", "http://127.0.0.1:" + io.tradingstack.testing.TestInfra.freePort(),
                "--data-dir", dir.toString(), "--out", dir.resolve("x").toString(), "--no-progress"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("2004 MARKET_EXCHANGE_ERROR"), c.err());
        Captured m = capture(() -> Main.execute("backtest", "--pair", "BTC-USD", "--out", dir.resolve("z").toString()));
        assertEquals(2, m.code());
        assertTrue(m.err().contains("8001 BACKTEST_BAD_ARGUMENTS"), m.err());
        Captured s = capture(() -> Main.execute("backtest", "--data", io.tradingstack.testing.MarketData.file("Coinbase_BTCUSD_1h.csv").toString(),
                "--strategy", "nope", "--out", dir.resolve("y").toString()));
        assertEquals(2, s.code());
        assertTrue(s.err().contains("unknown strategy 'nope'"), s.err());
    }

    @Test
    void fetchesPairAndDatesThroughTheMarketAdapterAndCachesThem() throws Exception {
        Vertx vertx = Vertx.vertx();
        ReplayExchange exchange = new ReplayExchange(vertx, ReplayMarket.bundled(List.of("BTC-USD"), false,
                Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC)), 1.0);
        int port;
        try {
            port = exchange.start("127.0.0.1", 0).await(30, TimeUnit.SECONDS);
            Path out = dir.resolve("fetched");
            Captured c = capture(() -> Main.execute("backtest", "--pair", "BTC-USD", "--start", "2024-01-01", "--end",
                    "2024-01-02", "--timeframe", "5m", "--exchange-url", "http://127.0.0.1:" + port,
                    "--data-dir", dir.toString(), "--out", out.toString(), "--no-progress"));
            assertEquals(0, c.code(), c.err());
            JsonNode r = checkReport(out);
            assertEquals(288, r.get("bars").asInt(), "one day of 5-minute bars");
            assertEquals("5m", r.get("timeframe").asText());
        } finally {
            exchange.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> cached = Files.walk(dir.resolve("backtesting"))) {
            assertTrue(cached.anyMatch(Files::isRegularFile), "cache written under DATA_DIR/backtesting");
        }
        Path again = dir.resolve("again");
        Captured c = capture(() -> Main.execute("backtest", "--pair", "BTC-USD", "--start", "2024-01-01", "--end",
                "2024-01-02", "--timeframe", "5m", "--exchange-url", "http://127.0.0.1:" + port,
                "--data-dir", dir.toString(), "--out", again.toString(), "--no-progress"));
        assertEquals(0, c.code(), "served from the cache with the exchange gone: " + c.err());
        assertEquals(288, checkReport(again).get("bars").asInt());
    }

    private static JsonNode checkReport(Path out) throws Exception {
        JsonNode r = ReportMapper.MAPPER.readTree(out.resolve("report.json").toFile());
        for (String k : List.of("pair", "timeframe", "start", "end", "bars", "initial_cash", "metrics", "fills", "trades",
                "equity_curve", "limit_enforcement", "data_issues", "throughput")) {
            assertTrue(r.has(k), k);
        }
        for (String k : List.of("total_return", "annualized_return", "sharpe", "sortino", "max_drawdown", "win_rate",
                "profit_factor", "trades")) {
            assertTrue(r.get("metrics").has(k), k);
        }
        assertTrue(r.get("throughput").has("bars_per_second"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Drawdown") && html.contains("<table>"));
        assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\"")
                || html.contains("https://") || html.contains("@font-face") || html.contains("<link"));
        return r;
    }

    static Captured capture(Console.Call call) throws Exception {
        return Console.capture(call);
    }
}
