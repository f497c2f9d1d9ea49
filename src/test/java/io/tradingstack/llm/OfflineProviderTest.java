package io.tradingstack.llm;

import io.tradingstack.llm.offline.ChatTurnResponder;
import io.tradingstack.llm.offline.OfflineProvider;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline provider answers by rules from the request: tools from plain words, structure from context, never at random. */
class OfflineProviderTest {
    private static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition("get_portfolio_status", "Cash, positions and equity of the paper portfolio", Map.of()),
            new ToolDefinition("place_mock_order", "Place a paper market order", Map.of("type", "object",
                    "properties", Map.of(
                            "symbol", Map.of("type", "string", "pattern", "^[A-Z]{2,10}-[A-Z]{2,10}$", "description", "product"),
                            "side", Map.of("type", "string", "enum", List.of("buy", "sell")),
                            "qty", Map.of("type", "number", "exclusiveMinimum", 0)),
                    "required", List.of("symbol", "side", "qty"))),
            new ToolDefinition("run_backtest", "Backtest a strategy on a symbol", Map.of("type", "object",
                    "properties", Map.of("symbol", Map.of("type", "string", "pattern", "^[A-Z]{2,10}-[A-Z]{2,10}$"),
                            "days", Map.of("type", "integer", "minimum", 1, "default", 30)),
                    "required", List.of("symbol"))));
    private final OfflineProvider provider = new OfflineProvider(List.of());

    private LlmResponse ask(String text) {
        return provider.complete(LlmRequest.builder("broker", "chat").user(text).tools(TOOLS).build(), "offline-rules", null);
    }

    @Test
    void plainRequestsBecomeToolCallsWithArgumentsReadByTheSchema() {
        LlmResponse buy = ask("please buy 0.01 btc-usd");
        assertEquals(LlmResponse.FinishReason.TOOL_CALLS, buy.finishReason());
        ToolCall call = buy.toolCalls().get(0);
        assertEquals("place_mock_order", call.name());
        assertEquals(Map.of("symbol", "BTC-USD", "side", "buy", "qty", new BigDecimal("0.01")), call.argumentMap());

        assertEquals("get_portfolio_status", ask("show my portfolio").toolCalls().get(0).name());
        ToolCall backtest = ask("backtest ETH-USD").toolCalls().get(0);
        assertEquals("run_backtest", backtest.name());
        assertEquals(Map.of("symbol", "ETH-USD", "days", 30), backtest.argumentMap(), "the schema default fills the rest");
    }

    @Test
    void missingArgumentsAreAskedForNotGuessed() {
        LlmResponse r = ask("place an order to sell");
        assertTrue(r.toolCalls().isEmpty());
        assertTrue(r.text().contains("symbol") && r.text().contains("qty"), r.text());
    }

    @Test
    void unmatchedRequestsGetTheToolListAndToolResultsAreQuoted() {
        assertTrue(ask("tell me a joke").text().contains("get_portfolio_status"));
        ToolCall call = new ToolCall("c1", "get_portfolio_status", "{}");
        LlmRequest after = LlmRequest.builder("broker", "chat").user("portfolio").tools(TOOLS)
                .message(LlmMessage.assistant(null, List.of(call))).message(LlmMessage.tool("c1", "{\"cash\":\"987.65\"}")).build();
        String answer = provider.complete(after, "offline-rules", null).text();
        assertTrue(answer.contains("get_portfolio_status returned") && answer.contains("987.65"), answer);
    }

    @Test
    void structuredAnswersComeFromTheContextAndTheSchema() {
        ResponseSchema schema = new ResponseSchema("review", Map.of("type", "object",
                "properties", Map.of("score", Map.of("type", "number", "minimum", 0, "maximum", 100),
                        "trend", Map.of("type", "string", "enum", List.of("improving", "declining", "stable")),
                        "findings", Map.of("type", "string")),
                "required", List.of("score", "trend", "findings")), false);
        LlmRequest request = LlmRequest.builder("judge", "review").user("score the week")
                .context(Map.of("metrics", Map.of("score", 71.5, "trend", "declining"), "window_days", 7))
                .responseSchema(schema).build();
        LlmResponse r = provider.complete(request, "offline-rules", null);
        Map<?, ?> answer = io.tradingstack.bus.Json.MAPPER.convertValue(Schemas.parse(r.text()), Map.class);
        assertEquals(0, new BigDecimal("71.5").compareTo(new BigDecimal(answer.get("score").toString())));
        assertEquals("declining", answer.get("trend"));
        assertTrue(answer.get("findings").toString().contains("metrics"));
        assertTrue(Schemas.errors(schema.schema(), Schemas.parse(r.text())).isEmpty(), "valid against its schema");

        LlmRequest out = LlmRequest.builder("judge", "review").user("score").context("score", 140)
                .responseSchema(schema).build();
        Map<?, ?> bounded = io.tradingstack.bus.Json.MAPPER.convertValue(
                Schemas.parse(provider.complete(out, "offline-rules", null).text()), Map.class);
        assertEquals(0, ((Number) bounded.get("score")).intValue(), "an out-of-bounds context value is not used");
    }

    @Test
    void answersAreDeterministicAndRegisteredTasksWin() {
        assertEquals(ask("buy 1 ETH-USD"), ask("buy 1 ETH-USD"));
        LlmRequest named = LlmRequest.builder("broker", "chat").user("hi").model("gpt-4o").build();
        assertEquals(OfflineProvider.MODEL, provider.complete(named, "gpt-4o", null).model(), "rules are never priced as a model");
        OfflineResponder custom = new OfflineResponder() {
            @Override
            public Set<String> tasks() {
                return Set.of("chat");
            }

            @Override
            public OfflineReply respond(LlmRequest request) {
                return OfflineReply.text("custom rules for " + request.agent());
            }
        };
        OfflineProvider withCustom = new OfflineProvider(List.of(custom));
        assertEquals("custom rules for broker", withCustom.complete(
                LlmRequest.builder("broker", "chat").user("x").build(), "offline-rules", null).text());
        assertTrue(OfflineProvider.installed().tasks().containsAll(List.of("chat", "structured", "text")));
        assertEquals("place_mock_order", ChatTurnResponder.bestToolName(TOOLS, "sell some orders"));
    }
}
