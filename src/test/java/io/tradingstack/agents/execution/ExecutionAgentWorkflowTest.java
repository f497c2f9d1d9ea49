package io.tradingstack.agents.execution;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.tradingstack.durable.Histories;
import io.tradingstack.llm.LlmActivitiesImpl;
import io.tradingstack.llm.LlmVerticle;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's decisions inside its workflow, the model behind openai-java on the local
 * OpenAI-compatible server and scripted observations: the model, shown the user's pending feedback
 * (consumed once it answered), resizes an entry; an answer that
 * stays invalid after the one repair round leaves the decision to the rules and says why; intents
 * for a symbol not asked about are refused as a whole (EXECUTION_BAD_INTENT) and the rules' exit
 * goes through; a signal on a bar already acted on is not acted on twice. The history (model
 * answers included) replays and the replay places exactly the same intents, and so does the
 * committed one (execution-agent.json).
 */
class ExecutionAgentWorkflowTest {
    private static final String QUEUE = TestInfra.uniqueQueue("exec-agent");
    private static final String HISTORY = "execution-agent-nudges";
    private static final ExecutionSettings SETTINGS = new ExecutionSettings(true, "llm", 3600, new BigDecimal("0.15"), 3600, 10,
            3600, List.of("BTC-USD"), 100);
    private static LocalOpenAiServer model;
    private static Vertx vertx;
    private static WorkerFactory worker;
    private static final ScriptedActivities market = new ScriptedActivities();

    @BeforeAll
    static void start() throws Exception {
        model = LocalOpenAiServer.start();
        vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-local-exec",
                "OPENAI_BASE_URL", model.baseUrl(), "OPENAI_MODEL", "local-model", "LLM_MAX_RETRIES", "0"));
        vertx.deployVerticle(new LlmVerticle(ctx)).await(60, TimeUnit.SECONDS);
        worker = TestInfra.worker(QUEUE, w -> {
            w.registerWorkflowImplementationTypes(ExecutionAgentWorkflowImpl.class);
            w.registerActivitiesImplementations(market, new LlmActivitiesImpl(ctx));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
        model.close();
    }

    @Test
    void modelAnswersBecomeIntentsAndBadOnesFallBackToTheRulesWithTheReason() throws Exception {
        Proposal buy = new Proposal("buy", "entry:trend_pullback_long", "trend_pullback_long", new BigDecimal("0.5"),
                new BigDecimal("95"), new BigDecimal("110"), false);
        Proposal sell = new Proposal("sell", "exit:trend_pullback_long", "trend_pullback_long", new BigDecimal("0.2"), null, null,
                false);
        market.script.add(ScriptedActivities.batch("BTC-USD", "100", "b1", buy, "0"));
        market.script.add(ScriptedActivities.batch("BTC-USD", "100.5", "b2", Proposal.hold("no_trigger"), "0.2"));
        market.script.add(ScriptedActivities.batch("BTC-USD", "100.5", "b3", sell, "0.2"));
        market.script.add(ScriptedActivities.batch("BTC-USD", "100.5", "b3", sell, "0"));
        model.enqueue(ScriptedReply.json(Map.of("intents", List.of(Map.of("symbol", "BTC-USD", "action", "buy", "qty", 0.2,
                        "reason", "half size: volatile")), "rationale", "smaller entry")),
                ScriptedReply.text("I think you should buy."), ScriptedReply.text("Still prose, no JSON."),
                ScriptedReply.json(Map.of("intents", List.of(Map.of("symbol", "ETH-USD", "action", "sell", "qty", 1,
                        "reason", "wrong market")), "rationale", "confused")));

        market.feedback.add(new PromptSignals.Note(7, "Be careful with size today."));

        WorkflowClient client = TestInfra.temporal().client();
        String id = "exec-agent-test-" + UUID.randomUUID();
        ExecutionAgentWorkflow wf = client.newWorkflowStub(ExecutionAgentWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(wf::run, SETTINGS, null);
        for (int n = 1; n <= 4; n++) {
            int want = n;
            Eventually.eventually(Duration.ofSeconds(60), "decision " + n, () -> market.decisions.size() >= want);
            if (n < 4) {
                wf.nudge();
            }
        }
        List<DecisionRecord> d = market.decisions;
        assertEquals("BOOTSTRAP", d.get(0).gateReason());
        assertEquals("llm", d.get(0).decidedBy());
        assertEquals("buy", d.get(0).intents().get(0).side());
        assertEquals(0, new BigDecimal("0.2").compareTo(d.get(0).intents().get(0).qty()), "the model resized the entry");
        assertEquals(0, new BigDecimal("95").compareTo(d.get(0).intents().get(0).stopPrice()), "with the spec's stop");
        assertEquals(List.of("ord-" + id + ":1:BTC-USD"), d.get(0).orderIds());
        assertTrue(String.valueOf(model.requests().get(0).messages().get(0).get("content")).contains("Be careful with size today."),
                "the pending feedback is in the model's context");
        assertTrue(market.feedback.isEmpty(), "and consumed once the model answered");

        assertTrue(d.get(1).gateReason().startsWith("PRICE_MOVE>=0.15%"), d.get(1).gateReason());
        assertEquals("rules_fallback", d.get(1).decidedBy());
        assertTrue(d.get(1).fallback().startsWith("LLM_BAD_RESPONSE"), d.get(1).fallback());
        assertTrue(d.get(1).intents().isEmpty(), "the rules hold");

        assertEquals("SIGNAL", d.get(2).gateReason());
        assertEquals("rules_fallback", d.get(2).decidedBy());
        assertTrue(d.get(2).fallback().startsWith("EXECUTION_BAD_INTENT: intent for ETH-USD"), d.get(2).fallback());
        assertEquals("sell:FILLED", d.get(2).outcome());

        assertEquals("PRICE_DELTA<0.15%", d.get(3).gateReason(), "the exit on b3 was acted on already");
        assertEquals("skipped", d.get(3).decidedBy());
        assertNull(d.get(3).llmCallId());
        assertEquals(List.of(id + ":1:BTC-USD buy 0.2", id + ":3:BTC-USD sell 0.2"), market.placements);
        assertEquals(4, model.requests().size(), "three consultations, one of them repaired once");

        WorkflowExecutionHistory history = client.fetchHistory(id);
        WorkflowStub.fromTyped(wf).terminate("test done");
        assertEquals(placed(history), replayedPlacements(history));
        if (Boolean.getBoolean("ts.recordHistories")) {
            Histories.record(history, HISTORY);
        }
    }

    @Test
    void theCommittedHistoryReplaysAndPlacesTheSameIntents() throws Exception {
        String json = Files.readString(Path.of("src", "test", "resources", "histories", HISTORY + ".json"));
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json);
        List<String> placed = placed(history);
        assertEquals(2, placed.size(), placed.toString());
        assertEquals(placed, replayedPlacements(history));
    }

    /** The place activities the recorded run scheduled: client_order_id, side and quantity. */
    private static List<String> placed(WorkflowExecutionHistory history) {
        List<String> out = new ArrayList<>();
        for (HistoryEvent e : history.getEvents()) {
            if (e.hasActivityTaskScheduledEventAttributes()
                    && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("ExecutionPlace")) {
                var input = Optional.of(e.getActivityTaskScheduledEventAttributes().getInput());
                String coid = GlobalDataConverter.get().fromPayloads(0, input, String.class, String.class);
                Intent intent = GlobalDataConverter.get().fromPayloads(1, input, Intent.class, Intent.class);
                out.add(seqAndSymbol(coid) + " " + intent.side() + " " + intent.qty().toPlainString());
            }
        }
        return out;
    }

    /** {@code <seq>:<symbol>} of a client_order_id (a replay from a file runs under another workflow id). */
    private static String seqAndSymbol(String clientOrderId) {
        return clientOrderId.substring(clientOrderId.indexOf(':') + 1);
    }

    /** Replays the history on the current code and returns the place calls the replayed workflow made. */
    private static List<String> replayedPlacements(WorkflowExecutionHistory history) throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new Recorder(calls)).build())
                .build());
        try {
            Worker replayer = env.newWorker("replay-" + UUID.randomUUID());
            replayer.registerWorkflowImplementationTypes(ExecutionAgentWorkflowImpl.class);
            WorkflowReplayer.replayWorkflowExecution(history, replayer);
        } finally {
            env.close();
        }
        return calls;
    }

    /** Captures the arguments of every ExecutionPlace call the workflow code makes (in a replay: what it would place). */
    private static final class Recorder extends WorkerInterceptorBase {
        private final List<String> calls;

        Recorder(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                        @Override
                        public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                            if (input.getActivityName().equals("ExecutionPlace")) {
                                Intent i = (Intent) input.getArgs()[1];
                                calls.add(seqAndSymbol((String) input.getArgs()[0]) + " " + i.side() + " " + i.qty().toPlainString());
                            }
                            return super.executeActivity(input);
                        }
                    });
                }
            };
        }
    }
}
