package io.tradingstack.agents;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.RecordedRequest;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.mcp.McpTestServer;
import io.tradingstack.model.Tick;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tradingstack.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker chat end to end: the real MCP client session (Streamable HTTP, bearer token) against a
 * real stack node (exchange, feed, ledger, worker, MCP), fed a piped script like
 * {@code java -jar trading-stack.jar broker < script}. The same script runs offline (the broker's
 * rules) and against the local OpenAI-compatible server answering with real tool calls; each answer
 * must carry the figures the stack's tools report, checked against the stack itself.
 */
class BrokerSessionTest {
    private static final String TOKEN = "broker-test-token-" + UUID.randomUUID();
    private static final String KEY = "sk-local-broker-session-" + UUID.randomUUID();
    /** First use: the three preference questions and the confirmation of set_user_preferences, then the requests. */
    private static final String SCRIPT = String.join("\n", "beginner", "medium", "balanced", "y",
            "portfolio", "buy 0.01 BTC-USD", "y", "buy 0.02 BTC-USD", "n", "backtest ETH-USD 1h", "why did you buy BTC?", "help",
            "tell me a joke", "exit") + "\n";
    private McpTestServer node;
    private LocalOpenAiServer model;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void aScriptedOfflineSessionQuotesTheToolsFiguresAndAResumedOneSkipsTheQuestions() throws Exception {
        start(Map.of("LLM_PROVIDER", "offline"));
        try (StackClient check = client()) {
            String cash = plain(check.call("get_portfolio_status", Map.of()).json(), "cash");
            java.time.Instant since = java.time.Instant.now();
            String out = session(SCRIPT);
            assertTrue(out.contains("Welcome! Three questions") && out.contains("Preferences stored"), out);
            assertTrue(out.contains("The broker wants to run: set_user_preferences"), out);
            assertTrue(stripped(out).contains("Portfolio: cash " + cash), "the portfolio answer quotes the cash: " + cash + "\n" + out);
            assertSessionFigures(check, out, since);
            assertTrue(out.contains("broker> " + BrokerChatResponder.HELP.lines().findFirst().orElseThrow()), out);
            assertEquals(2, count(out, "I am the broker (offline rules"), "help, and help for what it does not understand");

            String again = session("portfolio\nexit\n");
            assertTrue(again.contains("Welcome back") && again.contains("Your preferences: experience beginner"), again);
            assertTrue(again.contains("  you> tell me a joke"), "the last turns are shown: " + again);
            assertFalse(again.contains("Three questions"), again);
            assertTrue(again.contains("broker> Portfolio: cash "), again);
        }
    }

    @Test
    void theSameSessionAgainstAnOpenAiCompatibleServerRunsRealToolCalls() throws Exception {
        model = LocalOpenAiServer.start();
        model.fallback(BrokerSessionTest::scriptedModel);
        start(Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", model.baseUrl(),
                "OPENAI_MODEL", "local-model", "LLM_MAX_RETRIES", "0"));
        try (StackClient check = client()) {
            java.time.Instant since = java.time.Instant.now();
            String out = session(SCRIPT);
            assertTrue(out.contains("Preferences stored"), out);
            assertTrue(out.contains("broker> From get_portfolio_status: {"), out);
            assertSessionFigures(check, out, since);
            assertTrue(out.contains("broker> I can look up your portfolio"), out);

            List<RecordedRequest> requests = model.requests();
            assertTrue(requests.size() >= 7, "one request per round: " + requests.size());
            RecordedRequest first = requests.get(0);
            assertEquals("Bearer " + KEY, first.header("Authorization"));
            String tools = Json.write(first.body().get("tools"));
            assertTrue(tools.contains("\"place_mock_order\"") && tools.contains("\"run_backtest\"") && tools.contains("\"orders\""),
                    "the server's tools with their input schemas: " + tools);
            assertFalse(tools.contains("\"broker_chat\""), "the chat tools are not offered to the model");
            assertTrue(requests.stream().anyMatch(r -> r.lastContent("tool") != null && r.lastContent("tool").contains("\"fills\"")),
                    "the order's result went back to the model");
            assertFalse(out.contains(KEY), "no key in the output");
        }
    }

    /** The figures of the buy and the backtest in the answers are the stack's own; "why" never shows a trace. */
    private static void assertSessionFigures(StackClient check, String out, java.time.Instant since) throws Exception {
        assertTrue(out.contains("The broker wants to run: place_mock_order"), out);
        assertEquals(1, count(out, "Not run."), "the declined order did not run");
        assertTrue(out.contains("\"declined\":true") || out.contains("Not done: you declined place_mock_order"),
                "the refusal went back to the model, which says so: " + out);
        Map<String, Object> history = check.call("get_transaction_history", Map.of("limit", 5,
                "since_ts", since.getEpochSecond())).structured();
        List<?> transactions = (List<?>) history.get("transactions");
        assertEquals(1, transactions.size(), "one confirmed buy, one declined: " + history);
        Map<?, ?> fill = (Map<?, ?>) transactions.get(0);
        String price = new BigDecimal(String.valueOf(fill.get("price"))).stripTrailingZeros().toPlainString();
        assertTrue(stripped(out).contains(price), "the buy's answer quotes the fill price " + price + ":\n" + out);

        Matcher id = Pattern.compile("(" + DurableNames.Backtest.MCP_ID_PREFIX + "[A-Za-z0-9._-]+)").matcher(out);
        assertTrue(id.find(), "the backtest answer names its run: " + out);
        StackClient.Outcome result = check.call("get_backtest_result", Map.of("workflow_id", id.group(1)));
        assertEquals("DONE", result.get("status"), result.toString());
        String equity = plain(result.json(), "final_equity");
        assertTrue(stripped(out).contains(equity), "the backtest answer quotes the final equity " + equity + ":\n" + out);

        Set<String> tools = Set.copyOf(check.tools().stream().map(t -> t.name()).toList());
        if (!tools.contains(BrokerChatResponder.DECISIONS)) {
            assertTrue(out.contains("execution agent is not running"), out);
        }
        for (String trace : List.of("Exception", "\tat ", TOKEN)) {
            assertFalse(out.contains(trace), "no trace and no token in the output: " + trace);
        }
    }

    private void start(Map<String, String> llm) throws Exception {
        McpTestServer.resetSingletons();
        Map<String, String> config = new java.util.HashMap<>(llm);
        config.put("MCP_AUTH_TOKEN", TOKEN);
        config.put("INITIAL_PORTFOLIO_BALANCE", "1000000");
        node = McpTestServer.node(Set.of("exchange", "feed", "ledger"), config);
        eventually(Duration.ofSeconds(60), "a BTC-USD price", () -> {
            try {
                node.vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, "BTC-USD").await(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private StackClient client() {
        return StackClient.connect(node.url() + "/mcp", TOKEN);
    }

    /** One chat as the broker command runs it with piped input; the console output. */
    private String session(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (StackClient stack = client();
             BrokerConsole console = new BrokerConsole.Piped(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out)) {
            assertEquals(0, new BrokerSession(stack, console, false).run());
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        try {
            // kept for reading (docs/broker.md shows such a session); the assertions do not depend on it
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "broker-session-" + (model == null ? "offline" : "online")
                    + ".txt"), text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text;
    }

    /**
     * The model of the online session, over the real wire: a user line becomes the tool call a model
     * would make (from the tools the request offers), a backtest is polled until done, and the answer
     * quotes the last tool result as it came back.
     */
    private static ScriptedReply scriptedModel(RecordedRequest r) {
        List<Map<String, Object>> messages = r.messages();
        Map<String, Object> last = messages.get(messages.size() - 1);
        if ("tool".equals(last.get("role"))) {
            String tool = toolOf(messages, String.valueOf(last.get("tool_call_id")));
            String content = String.valueOf(last.get("content"));
            Map<String, Object> body = BrokerAnswers.parse(content);
            if (tool.equals("run_backtest") || tool.equals("get_backtest_result") && !"DONE".equals(body.get("status"))) {
                return call(messages, "get_backtest_result", Map.of("workflow_id", body.get("workflow_id"), "wait_seconds", 30));
            }
            return ScriptedReply.text("From " + tool + ": " + content);
        }
        String said = String.valueOf(last.get("content")).toLowerCase(java.util.Locale.ROOT);
        if (said.contains("portfolio")) {
            return call(messages, "get_portfolio_status", Map.of());
        }
        Matcher buy = Pattern.compile("^buy (\\d+\\.\\d+) btc-usd").matcher(said);
        if (buy.find()) {
            return call(messages, "place_mock_order", Map.of("orders",
                    List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", new BigDecimal(buy.group(1)), "type", "market"))));
        }
        if (said.startsWith("backtest eth-usd 1h")) {
            return call(messages, "run_backtest", Map.of("pair", "ETH-USD", "timeframe", "1h"));
        }
        if (said.startsWith("why") && !Json.write(r.body().get("tools")).contains("\"get_recent_decisions\"")) {
            return ScriptedReply.text("The execution agent is not running on this stack, so there are no decisions to explain.");
        }
        if (said.startsWith("why")) {
            return call(messages, "get_recent_decisions", Map.of());
        }
        return ScriptedReply.text("I can look up your portfolio, place orders and run backtests.");
    }

    private static ScriptedReply call(List<Map<String, Object>> messages, String tool, Map<String, Object> args) {
        return ScriptedReply.toolCall("call_" + messages.size(), tool, Json.write(args));
    }

    private static String toolOf(List<Map<String, Object>> messages, String callId) {
        List<Map<String, Object>> reversed = new ArrayList<>(messages);
        java.util.Collections.reverse(reversed);
        for (Map<String, Object> m : reversed) {
            if (m.get("tool_calls") instanceof List<?> calls) {
                for (Object c : calls) {
                    Map<?, ?> call = (Map<?, ?>) c;
                    if (callId.equals(call.get("id"))) {
                        return String.valueOf(((Map<?, ?>) call.get("function")).get("name"));
                    }
                }
            }
        }
        return "tool";
    }

    /** A top-level number of a tool's JSON text, in plain notation without trailing zeros. */
    private static String plain(String json, String field) {
        Object v = BrokerAnswers.parse(json).get(field);
        return new BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    /** The output with trailing zeros of its decimals removed, so "61234.50" and "61234.5" compare equal. */
    private static String stripped(String out) {
        return out.replaceAll("(\\d+\\.\\d*?)0+\\b", "$1").replaceAll("(\\d+)\\.(?!\\d)", "$1");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
