package io.tradingstack.agents;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;
import io.tradingstack.llm.offline.OfflineReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline broker's rules, round by round: which request means which tool call (with which
 * arguments), and that each answer quotes the tool's figures, or says plainly why nothing ran.
 */
class BrokerChatResponderTest {
    private static final List<String> STACK_TOOLS = List.of("get_portfolio_status", "place_mock_order", "run_backtest",
            "get_backtest_result", "get_user_preferences", "get_transaction_history", "get_performance_metrics");
    private final BrokerChatResponder responder = new BrokerChatResponder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "portfolio                   | PORTFOLIO |         |      |       |",
            "what's my balance?          | PORTFOLIO |         |      |       |",
            "buy 0.01 BTC-USD            | ORDER     | BTC-USD | BUY  | 0.01  |",
            "please sell .5 eth/usd      | ORDER     | ETH-USD | SELL | 0.5   |",
            "sell half my ETH            | SELL_PART | ETH-USD | SELL |       | 0.5",
            "sell all my bitcoin         | SELL_PART | BTC-USD | SELL |       | 1",
            "buy BTC-USD                 | HELP      | BTC-USD |      |       |",
            "backtest ETH-USD 1h         | BACKTEST  | ETH-USD |      |       |",
            "why did you buy BTC?        | WHY       | BTC-USD |      |       |",
            "how is the judge scoring?   | JUDGE     |         |      |       |",
            "tell me a joke              | HELP      |         |      |       |",
    })
    void plainRequestsAreReadByFixedRules(String said, String kind, String symbol, String side, String qty, String fraction) {
        BrokerIntent i = BrokerIntent.of(said);
        assertEquals(BrokerIntent.Kind.valueOf(kind), i.kind(), said);
        assertEquals(symbol, i.symbol(), said);
        assertEquals(side, i.side(), said);
        assertEquals(qty == null ? null : new BigDecimal(qty), i.qty(), said);
        assertEquals(fraction == null ? null : new BigDecimal(fraction), i.fraction(), said);
    }

    @Test
    void backtestTimeframeDefaultsToOneHour() {
        assertEquals("15m", BrokerIntent.of("backtest BTC-USD 15m").timeframe());
        assertEquals("1h", BrokerIntent.of("backtest btc").timeframe());
    }

    @Test
    void sellHalfReadsThePositionThenSellsHalfOfIt() {
        List<LlmMessage> messages = new ArrayList<>(List.of(LlmMessage.user("sell half my ETH")));
        ToolCall read = only(responder.respond(request(messages, STACK_TOOLS)));
        assertEquals("get_portfolio_status", read.name());

        messages.add(LlmMessage.assistant(null, List.of(read)));
        messages.add(LlmMessage.tool(read.id(), "{\"cash\":100,\"positions\":{\"ETH-USD\":0.30000001}}"));
        ToolCall sell = only(responder.respond(request(messages, STACK_TOOLS)));
        assertEquals("place_mock_order", sell.name());
        Map<?, ?> order = (Map<?, ?>) ((List<?>) Json.MAPPER.convertValue(BrokerAnswers.parse(sell.arguments()), Map.class)
                .get("orders")).get(0);
        assertEquals("SELL", order.get("side"));
        assertEquals(0, new BigDecimal("0.15").compareTo(new BigDecimal(String.valueOf(order.get("qty")))),
                "half, rounded down to 8 decimals: " + order);
        assertEquals("brk-t7-abc-4", order.get("client_order_id"), "the id derives from the turn: a rerun orders once");

        messages.add(LlmMessage.assistant(null, List.of(sell)));
        messages.add(LlmMessage.tool(sell.id(), "{\"orders\":[{\"side\":\"SELL\",\"qty\":0.15,\"symbol\":\"ETH-USD\","
                + "\"status\":\"FILLED\",\"average_price\":1874.25,\"filled_qty\":0.15,\"fees\":0.17,\"order_id\":\"o-1\"}],"
                + "\"fills\":[],\"total_cost\":0,\"total_proceeds\":281.1375}"));
        OfflineReply answer = responder.respond(request(messages, STACK_TOOLS));
        assertTrue(answer.text().contains("SELL 0.15 ETH-USD FILLED at 1874.25") && answer.text().contains("281.1375"),
                answer.text());
    }

    @Test
    void nothingHeldMeansNothingSold() {
        List<LlmMessage> messages = new ArrayList<>(List.of(LlmMessage.user("sell half my ETH")));
        ToolCall read = only(responder.respond(request(messages, STACK_TOOLS)));
        messages.add(LlmMessage.assistant(null, List.of(read)));
        messages.add(LlmMessage.tool(read.id(), "{\"cash\":100,\"positions\":{},\"position_details\":{}}"));
        OfflineReply answer = responder.respond(request(messages, STACK_TOOLS));
        assertTrue(answer.toolCalls().isEmpty());
        assertTrue(answer.text().startsWith("You hold 0 ETH-USD, so there is nothing to sell."), answer.text());
    }

    @Test
    void aDeclinedOrARefusedCallIsSaidPlainly() {
        List<LlmMessage> messages = new ArrayList<>(List.of(LlmMessage.user("buy 0.01 BTC-USD")));
        ToolCall buy = only(responder.respond(request(messages, STACK_TOOLS)));
        messages.add(LlmMessage.assistant(null, List.of(buy)));
        List<LlmMessage> declined = new ArrayList<>(messages);
        declined.add(LlmMessage.tool(buy.id(), "{\"declined\":true,\"message\":\"The user declined\"}"));
        assertEquals("Not done: you declined place_mock_order.", responder.respond(request(declined, STACK_TOOLS)).text());
        messages.add(LlmMessage.tool(buy.id(), "{\"error\":\"RISK_REJECTED\",\"code\":3001,\"message\":\"over the position cap\"}"));
        assertEquals("The stack refused place_mock_order: RISK_REJECTED (3001): over the position cap",
                responder.respond(request(messages, STACK_TOOLS)).text());
    }

    @Test
    void agentToolsAreCalledWhenOfferedAndOtherwiseExplained() {
        OfflineReply absent = responder.respond(request(List.of(LlmMessage.user("why did you buy BTC?")), STACK_TOOLS));
        assertTrue(absent.text().startsWith("The execution agent is not running"), absent.text());
        OfflineReply noJudge = responder.respond(request(List.of(LlmMessage.user("how is the judge scoring?")), STACK_TOOLS));
        assertTrue(noJudge.text().startsWith("The judge agent is not running"), noJudge.text());

        List<String> withAgents = new ArrayList<>(STACK_TOOLS);
        withAgents.add("get_recent_decisions");
        ToolCall why = only(responder.respond(request(List.of(LlmMessage.user("why did you buy BTC?")), withAgents)));
        assertEquals("get_recent_decisions", why.name());
        assertEquals(Map.of("symbol", "BTC-USD", "limit", 5), BrokerAnswers.parse(why.arguments()));

        withAgents.add("get_judge_evaluations");
        List<LlmMessage> messages = new ArrayList<>(List.of(LlmMessage.user("how is the judge scoring?")));
        ToolCall judge = only(responder.respond(request(messages, withAgents)));
        assertEquals("get_judge_evaluations", judge.name());
        messages.add(LlmMessage.assistant(null, List.of(judge)));
        messages.add(LlmMessage.tool(judge.id(), "{\"evaluations\":[{\"score\":72.22,\"evaluated_at\":\"2026-12-02T14:05:38Z\","
                + "\"prompt_version\":2,\"components\":{\"returns\":50,\"drawdown\":100},\"actions\":[{\"kind\":\"prompt_version\"}]}],"
                + "\"count\":1,\"trend\":{\"trend\":\"stable\",\"avg_score\":60.5,\"evaluations_count\":3,\"improvement\":-1}}"));
        assertEquals("The judge's latest score is 72.22 of 100 (2026-12-02T14:05:38Z, execution prompt version 2): returns 50, "
                + "drawdown 100. It did: prompt_version. Trend over 3 evaluations: stable, average 60.5, improvement -1.",
                responder.respond(request(messages, withAgents)).text());
    }

    @Test
    void aDisabledTierIsSaidAndAnythingElseGetsHelp() {
        OfflineReply noTrade = responder.respond(request(List.of(LlmMessage.user("buy 0.01 BTC-USD")),
                List.of("get_portfolio_status")));
        assertTrue(noTrade.text().startsWith("place_mock_order is not offered by this stack"), noTrade.text());
        assertEquals(BrokerChatResponder.HELP, responder.respond(request(List.of(LlmMessage.user("tell me a joke")), STACK_TOOLS)).text());
        assertEquals(BrokerChatResponder.HELP, responder.respond(request(List.of(LlmMessage.user("help")), STACK_TOOLS)).text());
    }

    private static ToolCall only(OfflineReply reply) {
        assertEquals(1, reply.toolCalls().size(), String.valueOf(reply));
        return reply.toolCalls().get(0);
    }

    private static LlmRequest request(List<LlmMessage> messages, List<String> tools) {
        LlmRequest.Builder b = LlmRequest.builder(BrokerPrompt.AGENT, BrokerPrompt.TASK).system(BrokerPrompt.SYSTEM)
                .messages(messages).context("turn_id", "t7-abc");
        for (String t : tools) {
            Map<String, Object> props = t.equals("get_recent_decisions")
                    ? Map.of("symbol", Map.of("type", "string"), "limit", Map.of("type", "integer")) : Map.of();
            b.tool(new ToolDefinition(t, t + " [tier: read]", Map.of("type", "object", "properties", props)));
        }
        return b.build();
    }
}
