package io.tradingstack.bench.agents;

import io.temporal.client.WorkflowClient;
import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.DecisionRecord;
import io.tradingstack.agents.execution.ExecutionAgentWorkflow;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.strategy.store.SpecStoreMessages;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Nudge → decision recorded and nudge → order filled, through the whole stack with the offline
 * provider in llm mode: replay exchange, feed, features on 2-second bars, the strategy store, risk
 * gate, PlaceOrderWorkflow, ledger, the agent's activities and its decision store. The spec buys
 * when flat and sells when long, so (almost) every nudge on a new bar places an order.
 * Args: [nudges] [secondsBetweenNudges].
 */
public final class ExecutionAgentBench {
    public static void main(String[] args) throws Exception {
        int nudges = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double every = args.length > 1 ? Double.parseDouble(args[1]) : 2.5;
        Vertx vertx = Vertx.vertx();
        String queue = TestInfra.uniqueQueue("bench-exec");
        Map<String, String> config = new java.util.HashMap<>();
        config.put("TASK_QUEUE", queue);
        config.put("FEATURES_TIMEFRAMES", "2s,1m,5m");
        config.put("EXECUTION_NUDGE_SECONDS", "3600");
        config.put("EXECUTION_SYMBOLS", "BTC-USD");
        config.put("EXECUTION_MIN_MOVE_PCT", "100");
        config.put("EXECUTION_LLM_CALLS_PER_WINDOW", "100000");
        config.put("REPLAY_PORT", String.valueOf(TestInfra.freePort()));
        config.put("INITIAL_PORTFOLIO_BALANCE", "1000000");
        AppContext ctx = TestInfra.context(vertx, config);
        Stack stack = new Stack(ctx, VerticleSpec.load(), Set.of("exchange", "feed", "features", "ledger", "worker"));
        stack.start().await(120, TimeUnit.SECONDS);
        vertx.eventBus().request(Addresses.STRATEGY_SAVE, new SpecStoreMessages.Save(spec())).await(30, TimeUnit.SECONDS);
        Thread.sleep(6000); // a few 2-second bars before the first decision

        WorkflowClient client = TestInfra.temporal().client();
        ExecutionSettings settings = ExecutionSettings.from(ctx.config()).withMode("llm");
        ExecutionAgentWorkflow.ensureStarted(client, queue, settings);
        String id = DurableNames.ExecutionAgent.id(queue);
        ExecutionAgentWorkflow agent = client.newWorkflowStub(ExecutionAgentWorkflow.class, id);
        agent.resume();
        agent.nudge();
        long seq = awaitSeq(vertx, 1, Instant.now().plusSeconds(60)).seq();
        List<Double> decided = new ArrayList<>();
        List<Double> ordered = new ArrayList<>();
        int orders = 0;
        for (int i = 0; i < nudges; i++) {
            Thread.sleep((long) (every * 1000));
            long t0 = System.nanoTime();
            agent.nudge();
            DecisionRecord d = awaitSeq(vertx, seq + 1, Instant.now().plusSeconds(30));
            double ms = (System.nanoTime() - t0) / 1e6;
            seq = d.seq();
            decided.add(ms);
            if (!d.orderIds().isEmpty() && d.outcome().endsWith(":FILLED")) {
                ordered.add(ms);
                orders++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("nudges", nudges);
        figures.put("orders_filled", orders);
        figures.put("nudge_to_decision_ms", percentiles(decided));
        figures.put("nudge_to_order_filled_ms", percentiles(ordered));
        figures.put("setup", "offline provider, llm mode, 1 symbol, 2 s bars; each decision: observe (spec store, ledger, "
                + "risk limits, features), LLM activity, PlaceOrderWorkflow through the risk gate, decision row");
        figures.put("load_average", Arrays.toString(loadAverage()));
        figures.put("command", "mvn -B -o -Pbench -DskipTests test-compile exec:exec "
                + "-Dbench.main=io.tradingstack.bench.agents.ExecutionAgentBench -Dbench.args=\"" + nudges + " " + every + "\"");
        System.out.println(figures);
        BenchResults.write("agent-nudge-to-order", figures);
        agent.pause();
        stack.stop();
        System.exit(0);
    }

    /** A spec on 2-second bars that buys when flat and sells when long. */
    private static String spec() {
        JsonObject s = new JsonObject().put("id", "bench-flip").put("version", 1).put("market", "BTC-USD").put("timeframe", "2s")
                .put("triggers", new JsonArray().add(new JsonObject().put("id", "flip").put("category", "other")
                        .put("direction", "long").put("confidence_grade", "A")
                        .put("entry_rule", "close > 0 and position == 'flat'").put("exit_rule", "position == 'long'")
                        .put("rationale", "benchmark: an order on every new bar")))
                .put("stop_loss", new JsonObject().put("type", "pct").put("value", 2))
                .put("sizing", new JsonObject().put("rule", "fixed_fraction").put("fraction", 0.01))
                .put("allow_auto_execute", true).put("rationale", "benchmark of the execution agent's order path")
                .put("author", "user").put("created_at", Instant.now().toString());
        return s.encode();
    }

    private static DecisionRecord awaitSeq(Vertx vertx, long seq, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline)) {
            List<DecisionRecord> latest = vertx.eventBus().<DecisionMessages.Recent>request(Addresses.AGENT_DECISIONS,
                    new DecisionMessages.RecentQuery(1, "BTC-USD", null)).await(5, TimeUnit.SECONDS).body().decisions();
            if (!latest.isEmpty() && latest.get(0).seq() >= seq) {
                return latest.get(0);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no decision " + seq + " in time");
    }

    private static Map<String, Object> percentiles(List<Double> ms) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ms.isEmpty()) {
            out.put("count", 0);
            return out;
        }
        List<Double> sorted = ms.stream().sorted().toList();
        out.put("count", sorted.size());
        out.put("p50", round(sorted.get((int) Math.floor(0.50 * (sorted.size() - 1)))));
        out.put("p99", round(sorted.get((int) Math.floor(0.99 * (sorted.size() - 1)))));
        out.put("max", round(sorted.get(sorted.size() - 1)));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double[] loadAverage() {
        double[] out = new double[1];
        out[0] = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return out;
    }
}
