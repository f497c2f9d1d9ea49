package io.tradingstack.llm;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable path on the real embedded Temporal: a workflow asks through the LLM activity, which
 * reaches the llm verticle over the bus; a cap reached comes back as a coded value; the answer is in
 * the history, so a replay reproduces the run without a model call. /health and the usage endpoint
 * show the calls.
 */
class LlmActivityTest {
    private static final String QUEUE = TestInfra.uniqueQueue("llm");
    private static final String AGENT = LlmTesting.agent("probe");
    private static Vertx vertx;
    private static AppContext ctx;
    private static WorkerFactory worker;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ctx = TestInfra.context(vertx, Map.of("LLM_AGENT_CAPS", AGENT + "=1/100000"));
        vertx.deployVerticle(new LlmVerticle(ctx)).await(60, TimeUnit.SECONDS);
        worker = TestInfra.worker(QUEUE, w -> {
            w.registerWorkflowImplementationTypes(LlmProbeWorkflowImpl.class);
            w.registerActivitiesImplementations(new LlmActivitiesImpl(ctx));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void workflowsAskThroughTheActivityAndReplayWithoutCallingTheModel() throws Exception {
        ResponseSchema schema = ResponseSchema.of("intent", Map.of("type", "object",
                "properties", Map.of("side", Map.of("type", "string", "enum", List.of("buy", "sell", "none"))),
                "required", List.of("side")));
        LlmRequest request = LlmRequest.builder(AGENT, "intent").user("what now?").context("side", "sell")
                .responseSchema(schema).build();
        WorkflowClient client = TestInfra.temporal().client();
        String id = "llm-probe-" + AGENT;
        LlmProbeWorkflow wf = client.newWorkflowStub(LlmProbeWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
        List<LlmResult> results = wf.ask(request, 2);

        assertTrue(results.get(0).ok(), results.get(0).message());
        assertEquals("sell", results.get(0).structured().get("side"), "the offline rules read the context");
        assertEquals(ErrorCode.LLM_CAP_REACHED, results.get(1).code(), "a cap is a coded value, not a failure");
        assertEquals(2, LlmTesting.rows(AGENT).size());

        WorkflowExecutionHistory history = client.fetchHistory(id);
        assertTrue(history.toJson(false).contains("LLM_CAP_REACHED"), "the answers are in the history");
        WorkflowReplayer.replayWorkflowExecution(history, LlmProbeWorkflowImpl.class);
        assertEquals(2, LlmTesting.rows(AGENT).size(), "the replay made no call");
    }

    @Test
    void healthAndTheUsageEndpointShowProviderAndCalls() throws Exception {
        LlmRequest request = LlmRequest.builder("health-" + AGENT, "chat").user("hello").build();
        WorkflowClient client = TestInfra.temporal().client();
        LlmProbeWorkflow wf = client.newWorkflowStub(LlmProbeWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId("llm-probe-health-" + AGENT).setTaskQueue(QUEUE).build());
        assertTrue(wf.ask(request, 1).get(0).ok());

        JsonObject llm = ctx.health().report(vertx).await(10, TimeUnit.SECONDS).getJsonObject("components").getJsonObject("llm");
        assertEquals("UP", llm.getString("status"));
        assertEquals("offline", llm.getString("provider"));
        assertTrue(llm.getJsonObject("usage").getJsonArray("agents").stream()
                .anyMatch(a -> ((JsonObject) a).getString("agent").equals("health-" + AGENT) && ((JsonObject) a).getLong("calls") == 1));

        LlmUsageReport usage = (LlmUsageReport) vertx.eventBus().request(Addresses.LLM_USAGE, "").await(10, TimeUnit.SECONDS).body();
        assertTrue(usage.agents().stream().anyMatch(a -> a.agent().equals("health-" + AGENT)));
    }
}
