package io.tradingstack.llm;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration, prices, retry delays and request validation: the pure parts of the llm package. */
class LlmConfigTest {

    @Test
    void theProviderFollowsTheKeyUnlessChosen() {
        assertEquals("offline", LlmSettings.from(AppConfig.defaults(Map.of())).provider());
        LlmSettings withKey = LlmSettings.from(AppConfig.defaults(Map.of("OPENAI_API_KEY", "sk-config-test-123")));
        assertEquals("openai", withKey.provider());
        assertFalse(withKey.toString().contains("sk-config-test-123"));
        assertEquals("offline", LlmSettings.from(AppConfig.defaults(Map.of("OPENAI_API_KEY", "sk-x-1234",
                "LLM_PROVIDER", "offline"))).provider());
        assertThrows(ConfigException.class, () -> LlmSettings.from(AppConfig.defaults(Map.of("LLM_PROVIDER", "openai"))));
    }

    @Test
    void aBadCombinationStopsTheLauncherWithExitCode2() {
        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> io.tradingstack.app.Main.execute("run", "--set", "LLM_PROVIDER=openai"));
        assertEquals(2, code);
    }

    @Test
    void perAgentCapsAndBoundsAreChecked() {
        LlmSettings s = LlmSettings.from(AppConfig.defaults(Map.of("LLM_AGENT_CAPS", "judge=50/200000, broker=300/900000")));
        assertEquals(new UsageMeter.Caps(50, 200_000), s.agentCaps().get("judge"));
        assertEquals(new UsageMeter.Caps(2000, 2_000_000), s.defaultCaps());
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("LLM_AGENT_CAPS", "judge=50")));
        assertThrows(ConfigException.class, () -> AppConfig.defaults(Map.of("LLM_MAX_RETRIES", "9")));
        ConfigException tooLong = assertThrows(ConfigException.class, () -> LlmSettings.from(AppConfig.defaults(
                Map.of("LLM_TIMEOUT_SECONDS", "600", "LLM_MAX_RETRIES", "5"))));
        assertTrue(tooLong.getMessage().contains("LLM activity timeout"), tooLong.getMessage());
        assertTrue(LlmSettings.from(AppConfig.defaults(Map.of())).bound().compareTo(LlmActivities.START_TO_CLOSE) < 0);
    }

    @Test
    void pricesMatchDatedModelNamesAndFilesOverride() throws Exception {
        PriceTable built = PriceTable.load("");
        TokenUsage million = new TokenUsage(1_000_000, 1_000_000);
        assertEquals(0, new BigDecimal("0.75").compareTo(built.cost("gpt-4o-mini-2024-07-18", million)));
        assertEquals(0, new BigDecimal("12.50").compareTo(built.cost("gpt-4o", million)));
        assertTrue(built.priceOf("llama3.1:8b").isEmpty());
        assertEquals(0, BigDecimal.ZERO.compareTo(built.cost("llama3.1:8b", million)));
        Path file = Files.createTempFile("prices", ".json");
        Files.writeString(file, "{\"models\": {\"llama3.1:8b\": {\"input\": \"0.02\", \"output\": \"0.03\"}}}");
        PriceTable merged = PriceTable.load(file.toString());
        assertEquals(0, new BigDecimal("0.00000005").compareTo(merged.cost("llama3.1:8b", new TokenUsage(1, 1))));
        assertTrue(merged.priceOf("gpt-4.1").isPresent(), "the built-in table stays");
        Files.writeString(file, "{\"models\": {\"x\": {\"input\": \"-1\", \"output\": \"1\"}}}");
        assertThrows(IllegalArgumentException.class, () -> PriceTable.load(file.toString()));
        Files.delete(file);
    }

    @Test
    void retryDelaysHonourRetryAfterWithinTheBound() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofSeconds(10), RetryPolicy.Sleeper.REAL);
        assertEquals(Duration.ofMillis(500), p.delay(1, null).orElseThrow());
        assertEquals(Duration.ofSeconds(2), p.delay(3, null).orElseThrow());
        assertEquals(Duration.ofSeconds(7), p.delay(1, Duration.ofSeconds(7)).orElseThrow());
        assertTrue(p.delay(1, Duration.ofSeconds(11)).isEmpty(), "a longer wait than allowed gives up");
        assertTrue(p.delay(4, null).isEmpty(), "bounded");
        assertEquals(Duration.ofSeconds(10), new RetryPolicy(9, Duration.ofSeconds(10), RetryPolicy.Sleeper.REAL)
                .delay(9, null).orElseThrow());
    }

    @Test
    void requestsRejectWhatNoEndpointAccepts() {
        assertThrows(IllegalArgumentException.class, () -> LlmRequest.builder("", "chat").user("x").build());
        assertThrows(IllegalArgumentException.class, () -> LlmRequest.builder("a", "chat").build());
        assertThrows(IllegalArgumentException.class, () -> LlmRequest.builder("a", "chat").user("x").temperature(3).build());
        assertThrows(IllegalArgumentException.class, () -> LlmRequest.builder("a", "chat").user("x")
                .message(LlmMessage.tool("nobody-asked", "{}")).build());
        ToolDefinition t = new ToolDefinition("t", "", Map.of());
        assertThrows(IllegalArgumentException.class, () -> LlmRequest.builder("a", "chat").user("x").tool(t).tool(t).build());
        assertThrows(IllegalArgumentException.class, () -> new ToolDefinition("bad name", "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ResponseSchema.of("s", Map.of("type", "array")));
        assertThrows(IllegalArgumentException.class, () -> ResponseSchema.of("s", Map.of("type", 12)));
        assertEquals("llama3.1:8b", LlmRequest.builder("a", "chat").user("x").model("llama3.1:8b").build().model());
    }

    @Test
    void theRequestHashIgnoresNumberSpellingAndTheDeterministicFlag() {
        LlmRequest a = LlmRequest.builder("a", "plan").user("x").context("rsi", 30).build();
        LlmRequest b = LlmRequest.builder("a", "plan").user("x").context("rsi", new BigDecimal("30.0")).deterministic(true).build();
        LlmRequest c = LlmRequest.builder("a", "plan").user("x").context("rsi", 31).build();
        assertEquals(Canonical.requestHash(a, "offline", "m"), Canonical.requestHash(b, "offline", "m"));
        assertFalse(Canonical.requestHash(a, "offline", "m").equals(Canonical.requestHash(c, "offline", "m")));
        assertFalse(Canonical.requestHash(a, "offline", "m").equals(Canonical.requestHash(a, "openai", "m")));
        assertEquals(List.of(), Schemas.errors(Map.of("type", "object"), Schemas.parse("{}")));
    }
}
