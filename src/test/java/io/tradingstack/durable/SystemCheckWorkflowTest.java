package io.tradingstack.durable;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.model.ComponentStatus;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.WorkflowReplayer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example workflow end to end (worker verticle → activity → bus → HTTP verticle), then replay. */
class SystemCheckWorkflowTest {
    private static final String QUEUE = TestInfra.uniqueQueue("system-check");
    private static Vertx vertx;
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("TASK_QUEUE", QUEUE));
        List<VerticleSpec> specs = VerticleSpec.parse("""
                {"verticles": [
                  {"name": "durable", "class": "io.tradingstack.app.DurableVerticle", "roles": ["worker"]},
                  {"name": "http", "class": "io.tradingstack.app.HttpVerticle", "roles": ["*"]}
                ]}""");
        stack = new Stack(ctx, specs, Set.of());
        stack.start().await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        stack.stop();
    }

    @Test
    void reportsComponentsThroughTheBus() {
        SystemCheckWorkflow wf = TestInfra.temporal().client().newWorkflowStub(SystemCheckWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("system-check-" + QUEUE).build());
        List<ComponentStatus> statuses = wf.check();
        if (Boolean.getBoolean("ts.recordHistories")) {
            Histories.record("system-check-" + QUEUE, "system-check");
        }
        assertTrue(statuses.stream().anyMatch(s -> s.component().equals("temporal") && s.status().equals("UP")), statuses.toString());
        assertTrue(statuses.stream().anyMatch(s -> s.component().equals("postgres") && s.status().equals("UP")), statuses.toString());
    }

    /** Replays a committed history: a change that breaks determinism fails here. */
    @Test
    void replaysCommittedHistory() throws Exception {
        String history = Files.readString(Path.of("src/test/resources/histories/system-check.json"));
        assertTrue(history.contains("EVENT_TYPE_ACTIVITY_TASK_COMPLETED"), "the history holds a completed activity");
        WorkflowReplayer.replayWorkflowExecution(history, SystemCheckWorkflowImpl.class);
    }
}
