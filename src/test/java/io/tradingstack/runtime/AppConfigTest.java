package io.tradingstack.runtime;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppConfigTest {

    @Test
    void defaultsAreLoopbackAndDocumented() {
        AppConfig c = AppConfig.defaults(Map.of());
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals(8081, c.httpPort());
        assertEquals(8080, c.mcpPort());
        assertEquals("mcp-tools", c.taskQueue());
        assertEquals(List.of("BTC-USD", "ETH-USD"), c.marketSymbols());
        assertEquals(new BigDecimal("1000"), c.initialPortfolioBalance());
        assertEquals("replay", c.marketSource());
    }

    @Test
    void laterSourcesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.json");
        Files.writeString(file, "{\"HTTP_PORT\": 9001, \"MCP_PORT\": 9002, \"TASK_QUEUE\": \"from-file\"}");
        AppConfig c = AppConfig.load(Map.of("MCP_PORT", "9003", "PATH", "/usr/bin"), file, Map.of("TASK_QUEUE", "from-cli"));
        assertEquals(9001, c.httpPort());
        assertEquals(9003, c.mcpPort());
        assertEquals("from-cli", c.taskQueue());
    }

    @Test
    void badPortNamesKeyValueAndAccepted() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.load(Map.of("HTTP_PORT", "notaport"), null, Map.of()));
        assertTrue(e.getMessage().contains("HTTP_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("notaport"), e.getMessage());
        assertTrue(e.getMessage().contains("1-65535"), e.getMessage());
    }

    @Test
    void rejectsNegativeBalanceUnknownSourceAndBadSymbols() {
        assertTrue(assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("INITIAL_PORTFOLIO_BALANCE", "-5")))
                .getMessage().contains("INITIAL_PORTFOLIO_BALANCE"));
        ConfigException source = assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("MARKET_SOURCE", "kraken")));
        assertTrue(source.getMessage().contains("replay, coinbase"), source.getMessage());
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("MARKET_SYMBOLS", "btc usd")));
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("INITIAL_PORTFOLIO_BALANCE", "NaN")));
    }

    @Test
    void rejectsUnknownKeysInFileAndOnCommandLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.json");
        Files.writeString(file, "{\"HTTP_PROT\": 9001}");
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(Map.of(), file, Map.of()));
        assertTrue(e.getMessage().contains("HTTP_PROT"), e.getMessage());
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("NOPE", "1")));
    }

    @Test
    void nonLoopbackBindNeedsToken() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("BIND_HOST", "0.0.0.0")));
        assertTrue(e.getMessage().contains("MCP_AUTH_TOKEN"));
        AppConfig ok = AppConfig.defaults(Map.of("BIND_HOST", "0.0.0.0", "MCP_AUTH_TOKEN", "tok-123456"));
        assertEquals("0.0.0.0", ok.bindHost());
    }

    @Test
    void secretsAreRedactedEverywhere() {
        AppConfig c = AppConfig.defaults(Map.of("OPENAI_API_KEY", "sk-live-abcdef123456",
                "PG_URL", "postgresql://bob:s3cr3t-pw@db.example:5432/trading"));
        String rendered = c.toString();
        assertFalse(rendered.contains("sk-live-abcdef123456"), rendered);
        assertFalse(rendered.contains("s3cr3t-pw"), rendered);
        assertTrue(rendered.contains("postgresql://bob:****@db.example:5432/trading"), rendered);
        assertEquals("token=****", Secrets.redact("token=sk-live-abcdef123456"));
        ConfigException bad = assertThrows(ConfigException.class,
                () -> AppConfig.defaults(Map.of("PG_URL", "mysql://bob:hunter2-secret@x/y")));
        assertFalse(bad.getMessage().contains("hunter2-secret"), bad.getMessage());
    }
}
