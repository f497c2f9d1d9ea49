package io.tradingstack.llm;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.RecordedRequest;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.llm.openai.OpenAiProvider;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance of the llm layer: openai-java against the local OpenAI-compatible server over real
 * sockets — tool-call round trip, JSON-schema answer, streaming, 429 with Retry-After retried,
 * malformed output repaired once then a coded failure — with every call in PostgreSQL and the key
 * in no log line, no stderr output and no recorded row.
 */
class OpenAiLocalServerTest {
    private static final String KEY = "sk-local-test-4b1d9e7c2f";
    private static final Map<String, Object> ORDER_TOOL_PARAMS = Map.of("type", "object",
            "properties", Map.of(
                    "symbol", Map.of("type", "string", "pattern", "^[A-Z]{2,10}-[A-Z]{2,10}$"),
                    "side", Map.of("type", "string", "enum", List.of("buy", "sell")),
                    "qty", Map.of("type", "number", "exclusiveMinimum", 0)),
            "required", List.of("symbol", "side", "qty"), "additionalProperties", false);
    private static final ToolDefinition ORDER_TOOL = new ToolDefinition("place_mock_order", "Place a paper order", ORDER_TOOL_PARAMS);
    private static final ResponseSchema VERDICT = new ResponseSchema("verdict", Map.of("type", "object",
            "properties", Map.of(
                    "action", Map.of("type", "string", "enum", List.of("buy", "sell", "hold")),
                    "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1)),
            "required", List.of("action", "confidence"), "additionalProperties", false), true);

    private static LocalOpenAiServer server;
    private static LlmTesting.LogCapture logs;

    @BeforeAll
    static void start() {
        logs = new LlmTesting.LogCapture();
        server = LocalOpenAiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        String captured = logs.text();
        logs.close();
        assertFalse(captured.contains(KEY), "the API key appears in the captured logs");
        assertTrue(captured.contains("retry 1 of 2"), "the capture saw the llm package's log lines");
    }

    @BeforeEach
    void clearScript() {
        server.clear();
    }

    private static LlmService service(int retries, Duration timeout) {
        return LlmTesting.service(new OpenAiProvider(server.baseUrl(), KEY, "gpt-4o-mini", timeout),
                new UsageMeter.Caps(1000, 10_000_000), Map.of(), LlmTesting.retries(retries));
    }

    private static LlmService service() {
        return service(2, Duration.ofSeconds(10));
    }

    private static List<RecordedRequest> requestsSince(int before) {
        List<RecordedRequest> all = server.requests();
        return all.subList(before, all.size());
    }

    @Test
    void toolCallRoundTrip() {
        String agent = LlmTesting.agent("broker");
        LlmRequest ask = LlmRequest.builder(agent, "chat").system("You trade for the user.").user("buy 0.01 BTC-USD")
                .tool(ORDER_TOOL).build();
        int before = server.requests().size();
        server.enqueue(ScriptedReply.toolCall("call_1", "place_mock_order", "{\"symbol\":\"BTC-USD\",\"side\":\"buy\",\"qty\":0.01}"),
                ScriptedReply.text("Bought 0.01 BTC-USD at 43000.12."));
        LlmResult first = service().chat(ask);
        assertTrue(first.ok(), first.message());
        assertEquals(LlmResponse.FinishReason.TOOL_CALLS, first.response().finishReason());
        ToolCall call = first.toolCalls().get(0);
        assertEquals("place_mock_order", call.name());
        assertEquals(new BigDecimal("0.01"), call.argumentMap().get("qty"));

        LlmResult second = service().chat(ask.withMessages(List.of(LlmMessage.assistant(null, first.toolCalls()),
                LlmMessage.tool(call.id(), "{\"status\":\"FILLED\",\"price\":\"43000.12\"}"))));
        assertTrue(second.ok(), second.message());
        assertEquals("Bought 0.01 BTC-USD at 43000.12.", second.text());

        List<RecordedRequest> sent = requestsSince(before);
        assertEquals(2, sent.size());
        assertEquals("Bearer " + KEY, sent.get(0).header("authorization"), "the key travels as a bearer token");
        assertEquals("/v1/chat/completions", sent.get(0).path());
        Map<?, ?> tool = (Map<?, ?>) ((List<?>) sent.get(0).body().get("tools")).get(0);
        assertEquals("function", tool.get("type"));
        assertEquals("place_mock_order", ((Map<?, ?>) tool.get("function")).get("name"));
        List<Map<String, Object>> messages = sent.get(1).messages();
        Map<String, Object> assistant = messages.get(messages.size() - 2);
        assertEquals("call_1", ((Map<?, ?>) ((List<?>) assistant.get("tool_calls")).get(0)).get("id"));
        assertEquals("tool", messages.get(messages.size() - 1).get("role"));
        assertEquals("call_1", messages.get(messages.size() - 1).get("tool_call_id"));
        assertEquals(List.of("OK", "OK"), LlmTesting.rows(agent).stream().map(r -> r.getString("status")).toList());
    }

    @Test
    void jsonSchemaAnswerIsValidatedPricedAndRecorded() {
        String agent = LlmTesting.agent("exec");
        int before = server.requests().size();
        server.enqueue(ScriptedReply.json(Map.of("action", "buy", "confidence", 0.8)).withUsage(1000, 200));
        LlmResult r = service().chat(LlmRequest.builder(agent, "intents").promptVersion("v3").user("decide")
                .context("rsi_14", 28.5).responseSchema(VERDICT).build());
        assertTrue(r.ok(), r.message());
        assertEquals("buy", r.structured().get("action"));
        // gpt-4o-mini: 0.15 USD per 1M input, 0.60 per 1M output: 1000 * 0.15e-6 + 200 * 0.60e-6
        assertEquals(0, new BigDecimal("0.00027").compareTo(r.costUsd()));
        assertEquals(new TokenUsage(1000, 200), r.usage());

        RecordedRequest sent = requestsSince(before).get(0);
        Map<?, ?> format = (Map<?, ?>) sent.body().get("response_format");
        assertEquals("json_schema", format.get("type"));
        assertEquals("verdict", ((Map<?, ?>) format.get("json_schema")).get("name"));
        assertEquals(true, ((Map<?, ?>) format.get("json_schema")).get("strict"));
        assertTrue(sent.lastContent("system").contains("\"rsi_14\":28.5"), "the context reaches the model");

        Row row = LlmTesting.rows(agent).get(0);
        assertEquals("OK", row.getString("status"));
        assertEquals("v3", row.getString("prompt_version"));
        assertEquals("intents", row.getString("task"));
        assertEquals(1000, row.getInteger("input_tokens"));
        assertEquals(0, new BigDecimal("0.00027").compareTo(row.getBigDecimal("cost_usd")));
        assertEquals(64, row.getString("request_hash").length());
        assertTrue(row.getJsonObject("response").getString("text").contains("\"buy\""), "the response is recorded");
    }

    @Test
    void streamingDeliversTextAsItArrivesWithUsage() {
        String agent = LlmTesting.agent("broker");
        int before = server.requests().size();
        String answer = "Your portfolio holds 0.5 BTC and 1200.50 USD in cash.";
        server.enqueue(ScriptedReply.text(answer).withUsage(321, 17));
        StringBuilder streamed = new StringBuilder();
        List<String> pieces = new java.util.ArrayList<>();
        LlmResult r = service().chat(LlmRequest.builder(agent, "chat").user("portfolio?").build(), d -> {
            pieces.add(d);
            streamed.append(d);
        });
        assertTrue(r.ok(), r.message());
        assertEquals(answer, streamed.toString());
        assertTrue(pieces.size() > 1, "the text arrived in pieces");
        assertEquals(answer, r.text());
        assertEquals(new TokenUsage(321, 17), r.usage(), "usage from the stream's last chunk");
        RecordedRequest sent = requestsSince(before).get(0);
        assertTrue(sent.stream());
        assertEquals(Map.of("include_usage", true), sent.body().get("stream_options"));
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedAfterTheWait() {
        String agent = LlmTesting.agent("judge");
        int before = server.requests().size();
        server.enqueue(ScriptedReply.rateLimited("1"), ScriptedReply.text("ok after the wait"));
        LlmResult r = service().chat(LlmRequest.builder(agent, "review").user("score").build());
        assertTrue(r.ok(), r.message());
        List<RecordedRequest> sent = requestsSince(before);
        assertEquals(2, sent.size());
        long gapMs = (sent.get(1).receivedNanos() - sent.get(0).receivedNanos()) / 1_000_000;
        assertTrue(gapMs >= 950, "the retry waited for Retry-After: 1 s, waited " + gapMs + " ms");
        assertEquals(1, LlmTesting.rows(agent).size(), "retries are one recorded call");
    }

    @Test
    void retriesAreBoundedAndALongRetryAfterIsNotWaitedFor() {
        String agent = LlmTesting.agent("judge");
        int before = server.requests().size();
        server.enqueue(ScriptedReply.error(500, "boom"), ScriptedReply.error(503, "busy"), ScriptedReply.error(500, "boom"));
        LlmResult r = service(2, Duration.ofSeconds(10)).chat(LlmRequest.builder(agent, "review").user("score").build());
        assertEquals(ErrorCode.LLM_UNAVAILABLE, r.code());
        assertEquals(3, requestsSince(before).size(), "one call and two retries");

        int mid = server.requests().size();
        server.enqueue(ScriptedReply.rateLimited("120"));
        LlmResult limited = service().chat(LlmRequest.builder(agent, "review").user("score again").build());
        assertEquals(ErrorCode.LLM_UNAVAILABLE, limited.code());
        assertTrue(limited.message().contains("120"), limited.message());
        assertEquals(1, requestsSince(mid).size(), "no retry when the server asks for longer than the max wait");
        assertEquals(List.of("LLM_UNAVAILABLE", "LLM_UNAVAILABLE"),
                LlmTesting.rows(agent).stream().map(row -> row.getString("status")).toList());
    }

    @Test
    void malformedOutputGetsOneRepairRoundThenACodedFailure() {
        String agent = LlmTesting.agent("exec");
        int before = server.requests().size();
        server.enqueue(ScriptedReply.text("I think you should buy."), ScriptedReply.json(Map.of("action", "moon", "confidence", 3)));
        LlmResult r = service().chat(LlmRequest.builder(agent, "intents").user("decide").responseSchema(VERDICT).build());
        assertEquals(ErrorCode.LLM_BAD_RESPONSE, r.code());
        assertTrue(r.repaired());
        assertEquals(2, r.modelCalls());
        assertNull(r.structured());
        List<RecordedRequest> sent = requestsSince(before);
        assertEquals(2, sent.size(), "exactly one repair round");
        String repair = sent.get(1).lastContent("user");
        assertTrue(repair.startsWith(RepairPrompt.HEADING), repair);
        assertTrue(repair.contains("not JSON"), repair);
        assertEquals("I think you should buy.", sent.get(1).lastContent("assistant"));
        assertEquals(List.of("LLM_BAD_RESPONSE", "LLM_BAD_RESPONSE"),
                LlmTesting.rows(agent).stream().map(row -> row.getString("status")).toList());
        assertTrue(LlmTesting.rows(agent).get(1).getString("message").contains("action"), "the schema error is recorded");
    }

    @Test
    void aRepairRoundCarriesTheValidationErrorsAndCanSucceed() {
        String agent = LlmTesting.agent("exec");
        int before = server.requests().size();
        server.enqueue(ScriptedReply.json(Map.of("action", "buy")), ScriptedReply.json(Map.of("action", "buy", "confidence", 0.6)));
        LlmResult r = service().chat(LlmRequest.builder(agent, "intents").user("decide").responseSchema(VERDICT).build());
        assertTrue(r.ok(), r.message());
        assertTrue(r.repaired());
        assertEquals(0.6, ((Number) r.structured().get("confidence")).doubleValue());
        String repair = requestsSince(before).get(1).lastContent("user");
        assertTrue(repair.contains("confidence"), "the validation error names the missing property: " + repair);
    }

    @Test
    void aMalformedBodyAndAnInvalidToolCallAreRepairedToo() {
        String agent = LlmTesting.agent("broker");
        server.enqueue(ScriptedReply.malformed("{\"choices\": [truncated"), ScriptedReply.json(Map.of("action", "hold", "confidence", 0.1)));
        LlmResult body = service().chat(LlmRequest.builder(agent, "intents").user("decide").responseSchema(VERDICT).build());
        assertTrue(body.ok(), body.message());
        assertTrue(body.repaired());

        int before = server.requests().size();
        server.enqueue(ScriptedReply.toolCall("call_9", "place_mock_order", "{\"symbol\":\"btc\",\"side\":\"buy\",\"qty\":-1}"),
                ScriptedReply.toolCall("call_10", "place_mock_order", "{\"symbol\":\"BTC-USD\",\"side\":\"buy\",\"qty\":1}"));
        LlmResult tool = service().chat(LlmRequest.builder(agent, "chat").user("buy one bitcoin").tool(ORDER_TOOL).build());
        assertTrue(tool.ok(), tool.message());
        assertEquals("call_10", tool.toolCalls().get(0).id());
        List<Map<String, Object>> repairMessages = requestsSince(before).get(1).messages();
        Map<String, Object> answered = repairMessages.get(repairMessages.size() - 2);
        assertEquals("tool", answered.get("role"), "the invalid call is answered before the repair instructions");
        assertEquals("call_9", answered.get("tool_call_id"));
    }

    @Test
    void aSlowAnswerTimesOutWithinTheBound() {
        String agent = LlmTesting.agent("judge");
        server.enqueue(ScriptedReply.text("too late").after(Duration.ofSeconds(3)));
        LlmResult r = service(0, Duration.ofMillis(700)).chat(LlmRequest.builder(agent, "review").user("score").build());
        assertEquals(ErrorCode.LLM_UNAVAILABLE, r.code(), "the 3 s answer is not waited for");
    }

    @Test
    void unscriptedRequestsAreAnsweredByTheOfflineRulesOverTheWire() {
        String agent = LlmTesting.agent("demo");
        LlmResult call = service().chat(LlmRequest.builder(agent, "chat").user("buy 0.01 BTC-USD").tool(ORDER_TOOL).build());
        assertTrue(call.ok(), call.message());
        assertEquals(Map.of("symbol", "BTC-USD", "side", "buy", "qty", new BigDecimal("0.01")), call.toolCalls().get(0).argumentMap());
        LlmResult verdict = service().chat(LlmRequest.builder(agent, "intents").system("Decide.").user("decide")
                .context("action", "sell").context("confidence", 0.4).responseSchema(VERDICT).build());
        assertTrue(verdict.ok(), verdict.message());
        assertEquals("sell", verdict.structured().get("action"), "the context travelled in the system prompt and back");
    }

    @Test
    void noRowHoldsTheKey() {
        String agent = LlmTesting.agent("broker");
        server.enqueue(ScriptedReply.text("hello"));
        assertTrue(service().chat(LlmRequest.builder(agent, "chat").user("hi").build()).ok());
        for (Row row : LlmTesting.rows(agent)) {
            assertFalse(row.getString("whole").contains(KEY));
        }
    }
}
