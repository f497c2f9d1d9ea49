package io.tradingstack.agents;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signals merge, queries read, and both a fresh and the committed history replay deterministically. */
class BrokerAgentWorkflowTest {
    private static final String QUEUE = TestInfra.uniqueQueue("broker");
    private static WorkerFactory worker;

    @BeforeAll
    static void startWorker() {
        worker = TestInfra.worker(QUEUE, w -> {
            w.registerWorkflowImplementationTypes(BrokerAgentWorkflowImpl.class);
            w.registerActivitiesImplementations(new BrokerActivitiesImpl(io.tradingstack.testing.StateStore.vertx()));
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void preferencesMergeOverDefaultsAndSymbolsReplace() throws Exception {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "broker-test-" + UUID.randomUUID();
        BrokerAgentWorkflow wf = client.newWorkflowStub(BrokerAgentWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(wf::run, (BrokerState) null);
        assertEquals("moderate", wf.getUserPreferences().get("risk_tolerance"));

        wf.setUserPreferences(Map.of("risk_tolerance", "high", "experience_level", "beginner"));
        wf.setUserPreferences(Map.of("trading_style", "conservative"));
        wf.setSymbols(List.of("BTC-USD", "ETH-USD"));
        wf.setSymbols(List.of("ETH-USD"));
        Map<String, Object> prefs = wf.getUserPreferences();
        assertEquals("high", prefs.get("risk_tolerance"));
        assertEquals("beginner", prefs.get("experience_level"));
        assertEquals("conservative", prefs.get("trading_style"));
        assertEquals(List.of("ETH-USD"), wf.getSymbols());

        Map<String, Object> updated = wf.updateUserPreferences(Map.of("profit_scraping_percentage", 0.2));
        assertEquals(0.2, ((Number) updated.get("profit_scraping_percentage")).doubleValue());
        assertEquals("high", updated.get("risk_tolerance"));

        // a fresh run of the same id (as after a restart of the embedded Temporal) rebuilds from PostgreSQL
        WorkflowStub.fromTyped(wf).terminate("restart");
        BrokerAgentWorkflow again = client.newWorkflowStub(BrokerAgentWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(again::run, (BrokerState) null);
        Map<String, Object> restored = again.updateUserPreferences(Map.of());
        assertEquals("high", restored.get("risk_tolerance"));
        assertEquals(0.2, ((Number) restored.get("profit_scraping_percentage")).doubleValue());
        assertEquals(List.of("ETH-USD"), again.getSymbols());

        WorkflowExecutionHistory history = client.fetchHistory(id);
        WorkflowStub.fromTyped(again).terminate("test done");
        WorkflowReplayer.replayWorkflowExecution(history, BrokerAgentWorkflowImpl.class);
        Path out = Path.of("target", "broker-agent-history.json");
        Files.writeString(out, history.toJson(true));
    }

    @Test
    void committedHistoryReplays() throws Exception {
        String json = Files.readString(Path.of("src", "test", "resources", "histories", "broker-agent.json"));
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), BrokerAgentWorkflowImpl.class);
    }
}
