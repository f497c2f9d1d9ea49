package io.tradingstack.agents;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The broker without a model (task {@value BrokerPrompt#TASK}): reads a plain request by fixed rules
 * ({@link BrokerIntent}) and makes the tool calls a model would make, one round at a time, then
 * answers quoting what the tools returned ({@link BrokerAnswers}). Deterministic: the same request
 * always gives the same reply. Registered for the offline provider in
 * {@code META-INF/services/io.tradingstack.llm.offline.OfflineResponder}.
 */
public final class BrokerChatResponder implements OfflineResponder {
    static final String PORTFOLIO = "get_portfolio_status";
    static final String ORDER = "place_mock_order";
    static final String RUN_BACKTEST = "run_backtest";
    static final String BACKTEST_RESULT = "get_backtest_result";
    static final String DECISIONS = "get_recent_decisions";
    static final String EVALUATIONS = "get_judge_evaluations";
    /** Seconds get_backtest_result may wait for a run to finish, per call. */
    static final int BACKTEST_WAIT_SECONDS = 30;
    private static final int BACKTEST_POLLS = 3;
    private static final int QTY_SCALE = 8;

    static final String HELP = """
            I am the broker (offline rules: no model is configured). I understand, for example:
              portfolio                 your cash, positions and P&L
              buy 0.01 BTC-USD          a market order (you confirm it first)
              sell half my ETH          reads your position, then sells half of it
              backtest ETH-USD 1h       runs a backtest on the bundled data and reports its figures
              why did you buy BTC?      the execution agent's recent decisions
              how is the judge scoring? the judge's evaluations
              preferences, history, performance, help""";

    @Override
    public Set<String> tasks() {
        return Set.of(BrokerPrompt.TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        Turn turn = new Turn(request, BrokerIntent.of(request.lastUserText()), results(request));
        if (turn.last() != null) {
            String problem = BrokerAnswers.problem(turn.last().tool(), turn.last().body());
            if (problem != null) {
                return OfflineReply.text(problem);
            }
        }
        BrokerIntent i = turn.intent();
        return switch (i.kind()) {
            case PORTFOLIO -> turn.once(PORTFOLIO, Map.of(), BrokerAnswers::portfolio);
            case ORDER -> turn.once(ORDER, order(request, i.symbol(), i.side(), i.qty()), BrokerAnswers::order);
            case SELL_PART -> sellPart(turn);
            case BACKTEST -> backtest(turn);
            case WHY -> turn.agentTool(DECISIONS, "The execution agent is not running on this stack (it offers no "
                    + DECISIONS + "), so there are no decisions to explain"
                    + (i.symbol() == null ? "" : " for " + i.symbol()) + ". Orders you placed are in your history.");
            case JUDGE -> turn.agentTool(EVALUATIONS, "The judge agent is not running on this stack (it offers no "
                    + EVALUATIONS + "), so there are no scores yet.", BrokerAnswers::judge);
            case PREFERENCES -> turn.once("get_user_preferences", Map.of(), r -> BrokerAnswers.generic("Your preferences", r));
            case HISTORY -> turn.once("get_transaction_history", Map.of("limit", 10),
                    r -> BrokerAnswers.generic("Transactions", r));
            case PERFORMANCE -> turn.once("get_performance_metrics", Map.of(), r -> BrokerAnswers.generic("Performance", r));
            case HELP -> OfflineReply.text(HELP);
        };
    }

    private static OfflineReply sellPart(Turn turn) {
        BrokerIntent i = turn.intent();
        if (turn.last() == null) {
            return turn.call(PORTFOLIO, Map.of());
        }
        if (!PORTFOLIO.equals(turn.last().tool())) {
            return OfflineReply.text(BrokerAnswers.order(turn.last().body()));
        }
        BigDecimal held = position(turn.last().body(), i.symbol());
        BigDecimal qty = held.multiply(i.fraction()).setScale(QTY_SCALE, RoundingMode.DOWN).stripTrailingZeros();
        if (qty.signum() <= 0) {
            return OfflineReply.text("You hold " + held.toPlainString() + " " + i.symbol() + ", so there is nothing to sell. "
                    + BrokerAnswers.portfolio(turn.last().body()));
        }
        return turn.call(ORDER, order(turn.request(), i.symbol(), "SELL", qty));
    }

    private static OfflineReply backtest(Turn turn) {
        BrokerIntent i = turn.intent();
        ToolResult last = turn.last();
        if (last == null) {
            return turn.call(RUN_BACKTEST, Map.of("pair", i.symbol(), "timeframe", i.timeframe()));
        }
        Map<String, Object> body = last.body();
        if ("DONE".equals(body.get("status"))) {
            return OfflineReply.text(BrokerAnswers.backtest(body));
        }
        long polls = turn.results().stream().filter(r -> BACKTEST_RESULT.equals(r.tool())).count();
        if (polls >= BACKTEST_POLLS) {
            return OfflineReply.text("Backtest " + body.get("workflow_id") + " is still " + body.get("status") + " ("
                    + BrokerAnswers.v(body.get("bars_done")) + " of " + BrokerAnswers.v(body.get("bars_total"))
                    + " bars); ask again for its result later.");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("workflow_id", body.get("workflow_id"));
        if (turn.parameters(BACKTEST_RESULT).containsKey("wait_seconds")) {
            args.put("wait_seconds", BACKTEST_WAIT_SECONDS);
        }
        return turn.call(BACKTEST_RESULT, args);
    }

    /** One market order; its client_order_id derives from the turn, so running the call twice orders once. */
    private static Map<String, Object> order(LlmRequest request, String symbol, String side, BigDecimal qty) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("symbol", symbol);
        o.put("side", side);
        o.put("qty", qty);
        o.put("type", "market");
        if (request.context().get("turn_id") instanceof String turnId) {
            o.put("client_order_id", "brk-" + turnId + "-" + request.messages().size());
        }
        return Map.of("orders", List.of(o));
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal position(Map<String, Object> portfolio, String symbol) {
        Object qty = portfolio.get("positions") instanceof Map<?, ?> p ? ((Map<String, Object>) p).get(symbol) : null;
        return qty == null ? BigDecimal.ZERO : new BigDecimal(BrokerAnswers.v(qty));
    }

    /** The tool results of this turn (after its user message), each with the call it answers. */
    private static List<ToolResult> results(LlmRequest request) {
        List<LlmMessage> ms = request.messages();
        int start = ms.size();
        while (start > 0 && ms.get(start - 1).role() != LlmMessage.Role.USER) {
            start--;
        }
        Map<String, ToolCall> calls = new LinkedHashMap<>();
        List<ToolResult> out = new ArrayList<>();
        for (LlmMessage m : ms.subList(start, ms.size())) {
            m.toolCalls().forEach(c -> calls.put(c.id(), c));
            if (m.role() == LlmMessage.Role.TOOL) {
                ToolCall c = calls.get(m.toolCallId());
                out.add(new ToolResult(c == null ? "tool" : c.name(), BrokerAnswers.parse(m.content())));
            }
        }
        return out;
    }

    record ToolResult(String tool, Map<String, Object> body) {
    }

    /** One request being answered: what was asked, what came back so far, which tools are offered. */
    private record Turn(LlmRequest request, BrokerIntent intent, List<ToolResult> results) {
        ToolResult last() {
            return results.isEmpty() ? null : results.get(results.size() - 1);
        }

        Optional<ToolDefinition> tool(String name) {
            return request.tools().stream().filter(t -> t.name().equals(name)).findFirst();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> parameters(String name) {
            return tool(name).map(t -> t.parameters().get("properties") instanceof Map<?, ?> p
                    ? (Map<String, Object>) p : Map.<String, Object>of()).orElse(Map.of());
        }

        /** The call, or a sentence saying the stack does not offer it (a disabled tier, an agent not running). */
        OfflineReply call(String name, Map<String, Object> args) {
            if (tool(name).isEmpty()) {
                return OfflineReply.text(name + " is not offered by this stack (its tier may be disabled), so I cannot do that.");
            }
            String id = "call_broker_" + request.messages().size() + "_0";
            return OfflineReply.toolCalls(List.of(new ToolCall(id, name, Json.write(args))));
        }

        /** One call, then the sentence about its result. */
        OfflineReply once(String name, Map<String, Object> args, java.util.function.Function<Map<String, Object>, String> answer) {
            return last() == null ? call(name, args) : OfflineReply.text(answer.apply(last().body()));
        }

        /** A tool another agent brings: called with the arguments its schema takes, or the sentence saying it is absent. */
        OfflineReply agentTool(String name, String absent) {
            return agentTool(name, absent, r -> BrokerAnswers.generic(name, r));
        }

        OfflineReply agentTool(String name, String absent, java.util.function.Function<Map<String, Object>, String> answer) {
            if (tool(name).isEmpty()) {
                return OfflineReply.text(absent);
            }
            Map<String, Object> params = parameters(name);
            Map<String, Object> args = new LinkedHashMap<>();
            if (params.containsKey("symbol") && intent.symbol() != null) {
                args.put("symbol", intent.symbol());
            }
            if (params.containsKey("limit")) {
                args.put("limit", 5);
            }
            return once(name, args, answer);
        }
    }
}
