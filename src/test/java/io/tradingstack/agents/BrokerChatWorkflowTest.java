package io.tradingstack.agents;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.durable.Histories;
import io.tradingstack.llm.LlmActivitiesImpl;
import io.tradingstack.llm.LlmVerticle;
import io.tradingstack.llm.ToolDefinition;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.RecordedRequest;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.StateStore;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker's chat inside its workflow, on the real embedded Temporal and PostgreSQL, with the
 * model behind openai-java on the local OpenAI-compatible server: a turn asks for a tool, takes its
 * result and answers; wrong results change nothing; a restarted run resumes the transcript from
 * PostgreSQL; the history (model answers included) replays, and so does the committed one.
 */
class BrokerChatWorkflowTest {
    private static final String QUEUE = TestInfra.uniqueQueue("broker-chat");
    private static final String KEY = "sk-local-broker-" + UUID.randomUUID();
    private static final ToolDefinition PORTFOLIO = new ToolDefinition("get_portfolio_status", "Cash and positions [tier: read]",
            Map.of("type", "object", "properties", Map.of()));
    private static final String HISTORY = "broker-agent-chat";
    private static LocalOpenAiServer model;
    private static Vertx vertx;
    private static WorkerFactory worker;

    @BeforeAll
    static void start() throws Exception {
        model = LocalOpenAiServer.start();
        vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", model.baseUrl(), "OPENAI_MODEL", "local-model", "LLM_MAX_RETRIES", "0"));
        vertx.deployVerticle(new LlmVerticle(ctx)).await(60, TimeUnit.SECONDS);
        worker = TestInfra.worker(QUEUE, w -> {
            w.registerWorkflowImplementationTypes(BrokerAgentWorkflowImpl.class);
            w.registerActivitiesImplementations(new BrokerActivitiesImpl(StateStore.vertx()), new LlmActivitiesImpl(ctx));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
        model.close();
    }

    @Test
    void aTurnCallsAToolAnswersWithItsFiguresAndResumesAfterARestart() throws Exception {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "broker-chat-test-" + UUID.randomUUID();
        BrokerAgentWorkflow wf = startRun(client, id);
        assertEquals(Boolean.FALSE, wf.updateUserPreferences(Map.of()).get("preferences_set"));
        wf.updateUserPreferences(Map.of("experience_level", "beginner", "risk_tolerance", "low", "trading_style", "balanced"));

        int before = model.requests().size();
        model.enqueue(ScriptedReply.toolCall("call_1", "get_portfolio_status", "{}"),
                ScriptedReply.text("You have 1000.5 USD in cash and no positions."));
        BrokerStep asked = wf.chat(BrokerTurn.say("how much cash do I have?", List.of(PORTFOLIO)));
        assertEquals(BrokerStep.Status.TOOL_CALLS, asked.status(), asked.toString());
        assertEquals("get_portfolio_status", asked.toolCalls().get(0).name());

        BrokerStep wrongTurn = wf.chat(BrokerTurn.answer("t0-nothere", List.of(new BrokerTurn.ToolOutcome("call_1", "{}"))));
        assertEquals(ErrorCode.BROKER_NO_SUCH_TURN.name(), wrongTurn.code());
        BrokerStep wrongCall = wf.chat(BrokerTurn.answer(asked.turnId(), List.of(new BrokerTurn.ToolOutcome("call_9", "{}"))));
        assertEquals(ErrorCode.BROKER_BAD_TURN.name(), wrongCall.code());
        assertEquals(before + 1, model.requests().size(), "a refused step asks no model");

        BrokerStep answered = wf.chat(BrokerTurn.answer(asked.turnId(),
                List.of(new BrokerTurn.ToolOutcome("call_1", "{\"cash\":1000.5,\"positions\":{}}"))));
        assertEquals(BrokerStep.Status.ANSWER, answered.status(), answered.toString());
        assertEquals("You have 1000.5 USD in cash and no positions.", answered.text());
        RecordedRequest second = model.requests().get(before + 1);
        assertEquals("{\"cash\":1000.5,\"positions\":{}}", second.lastContent("tool"), "the tool result went to the model");
        assertEquals("Bearer " + KEY, second.header("Authorization"));
        assertTrue(second.body().get("tools").toString().contains("get_portfolio_status"));
        assertTrue(second.messages().get(0).get("content").toString().contains("\"risk_tolerance\":\"low\""),
                "the preferences are in the model's context");

        model.enqueue(ScriptedReply.error(400, "model refused"));
        BrokerStep failed = wf.chat(BrokerTurn.say("and now?", List.of(PORTFOLIO)));
        assertEquals(ErrorCode.LLM_BAD_REQUEST.name(), failed.code(), "a model failure is a coded step");

        TranscriptView view = wf.getTranscript(10);
        assertEquals(4, view.total());
        assertEquals(List.of("user", "broker", "user", "broker"), view.entries().stream().map(TranscriptEntry::role).toList());
        assertEquals(List.of("get_portfolio_status"), view.entries().get(1).tools());

        // a fresh run of the same id (as after a restart of the embedded Temporal) rebuilds from PostgreSQL
        WorkflowExecutionHistory firstRun = client.fetchHistory(id);
        WorkflowStub.fromTyped(wf).terminate("restart");
        BrokerAgentWorkflow again = startRun(client, id);
        assertEquals(Boolean.TRUE, again.updateUserPreferences(Map.of()).get("preferences_set"));
        TranscriptView resumed = again.getTranscript(10);
        assertEquals(view.entries(), resumed.entries());
        model.enqueue(ScriptedReply.text("Hello again."));
        assertEquals("Hello again.", again.chat(BrokerTurn.say("hi", List.of(PORTFOLIO))).text());
        assertTrue(model.requests().get(model.requests().size() - 1).messages().stream()
                .anyMatch(m -> "You have 1000.5 USD in cash and no positions.".equals(m.get("content"))),
                "the model sees the earlier answer");

        WorkflowExecutionHistory resumedRun = client.fetchHistory(id);
        WorkflowStub.fromTyped(again).terminate("test done");
        for (WorkflowExecutionHistory h : List.of(firstRun, resumedRun)) {
            assertFalse(decoded(h.toJson(false)).contains(KEY), "no key in the history");
            WorkflowReplayer.replayWorkflowExecution(h, BrokerAgentWorkflowImpl.class);
        }
        if (Boolean.getBoolean("ts.recordHistories")) {
            Histories.record(firstRun, HISTORY);
        }
    }

    @Test
    void aNewMessageClosesATurnLeftWaiting() {
        WorkflowClient client = TestInfra.temporal().client();
        BrokerAgentWorkflow wf = startRun(client, "broker-chat-test-" + UUID.randomUUID());
        model.enqueue(ScriptedReply.toolCall("call_1", "get_portfolio_status", "{}"), ScriptedReply.text("Fine."));
        BrokerStep asked = wf.chat(BrokerTurn.say("portfolio", List.of(PORTFOLIO)));
        assertEquals(BrokerStep.Status.TOOL_CALLS, asked.status());
        assertEquals("Fine.", wf.chat(BrokerTurn.say("never mind", List.of(PORTFOLIO))).text());
        List<TranscriptEntry> lines = wf.getTranscript(10).entries();
        assertTrue(lines.get(1).text().startsWith("(no answer: the turn was left"), lines.toString());
        assertEquals(ErrorCode.BROKER_NO_SUCH_TURN.name(),
                wf.chat(BrokerTurn.answer(asked.turnId(), List.of(new BrokerTurn.ToolOutcome("call_1", "{}")))).code());
        assertEquals(ErrorCode.BROKER_BAD_TURN.name(), wf.chat(BrokerTurn.say(" ", List.of())).code());
        WorkflowStub.fromTyped(wf).terminate("test done");
    }

    @Test
    void theTranscriptStaysBoundedAndCarriesOverContinueAsNew() {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "broker-chat-test-" + UUID.randomUUID();
        String firstRun = WorkflowStub.fromTyped(startRun(client, id)).getExecution().getRunId();
        int turns = BrokerAgentWorkflowImpl.TURNS_PER_RUN + 6;
        for (int i = 1; i <= turns; i++) {
            model.enqueue(ScriptedReply.text("answer " + i));
            // addressed by workflow id only, as the MCP tool does: the update reaches whichever run is current
            BrokerAgentWorkflow byId = client.newWorkflowStub(BrokerAgentWorkflow.class, id);
            assertEquals("answer " + i, byId.chat(BrokerTurn.say("message " + i, List.of(PORTFOLIO))).text());
        }
        BrokerAgentWorkflow current = client.newWorkflowStub(BrokerAgentWorkflow.class, id);
        io.tradingstack.testing.Eventually.eventually("the run continued as new after "
                + BrokerAgentWorkflowImpl.TURNS_PER_RUN + " turns", () -> !firstRun.equals(client.newUntypedWorkflowStub(id,
                java.util.Optional.empty(), java.util.Optional.empty()).describe().getExecution().getRunId()));
        TranscriptView all = current.getTranscript(BrokerConversation.TRANSCRIPT_ENTRIES + 10);
        assertEquals(2L * turns, all.total());
        assertEquals(BrokerConversation.TRANSCRIPT_ENTRIES, all.entries().size(), "bounded, oldest dropped");
        assertEquals(2L * turns - BrokerConversation.TRANSCRIPT_ENTRIES + 1, all.entries().get(0).seq());
        assertEquals("answer " + turns, all.entries().get(all.entries().size() - 1).text());
        RecordedRequest last = model.requests().get(model.requests().size() - 1);
        assertTrue(last.messages().stream().anyMatch(m -> ("answer " + (turns - 1)).equals(m.get("content"))),
                "the model still sees the earlier turns after continue-as-new");
        WorkflowStub.fromTyped(current).terminate("test done");
    }

    @Test
    void committedHistoryReplays() throws Exception {
        String json = Files.readString(Path.of("src", "test", "resources", "histories", HISTORY + ".json"));
        String payloads = decoded(json);
        assertTrue(payloads.contains("\"name\":\"get_portfolio_status\"") && payloads.contains("You have 1000.5 USD"),
                "the history holds the model's answers (its tool call and its text)");
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), BrokerAgentWorkflowImpl.class);
    }

    /** The history's JSON with every payload decoded (payload data is base64 in it). */
    private static String decoded(String historyJson) {
        StringBuilder out = new StringBuilder(historyJson);
        Matcher m = Pattern.compile("\"data\": ?\"([A-Za-z0-9+/=\\\\u]+)\"").matcher(historyJson);
        while (m.find()) {
            out.append('\n').append(new String(Base64.getDecoder().decode(m.group(1).replace("\\u003d", "=")), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static BrokerAgentWorkflow startRun(WorkflowClient client, String id) {
        BrokerAgentWorkflow wf = client.newWorkflowStub(BrokerAgentWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(wf::run, (BrokerState) null);
        return wf;
    }
}
