package io.tradingstack.ledger;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger workflow continues as new before its history passes its limit, and rebuilds from PostgreSQL. */
class LedgerWorkflowContinueAsNewTest {
    private static final int FILLS = 700;

    @Test
    void continuesAsNewAndKeepsEveryFill() throws Exception {
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        String queue = TestInfra.uniqueQueue("ledger-can");
        var ctx = TestInfra.context(vertx, Map.of("TASK_QUEUE", queue, "INITIAL_PORTFOLIO_BALANCE", "10000"));
        vertx.eventBus().<String>consumer(Addresses.MARKET_LATEST_TICK, m -> m.fail(2002, "no market in this test"))
                .completion().await();
        vertx.deployVerticle(new LedgerVerticle(ctx, LedgerDb.fresh().pool(vertx, 4))).await();
        WorkerFactory worker = TestInfra.worker(queue, w -> WorkflowRegistry.register(w, ctx));
        WorkflowClient client = TestInfra.temporal().client();
        String id = DurableNames.Ledger.id(queue);
        try {
            ExecutionLedgerWorkflow.ensureStarted(client, queue);
            String firstRun = runId(id);
            Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < FILLS; i++) {
                ExecutionLedgerWorkflow.signal(client, queue, new Fill("can-" + i, null, "ETH-USD", Side.BUY,
                        new BigDecimal("0.0001"), new BigDecimal("3000"), new BigDecimal("0.0018"), Liquidity.TAKER, t));
            }
            ExecutionLedgerWorkflow wf = client.newWorkflowStub(ExecutionLedgerWorkflow.class, id);
            Eventually.eventually(Duration.ofSeconds(60), "the ledger workflow recorded every fill", () -> recorded(wf) >= FILLS);
            assertNotEquals(firstRun, runId(id), "the workflow continued as new");
            java.util.List<?> positions = (java.util.List<?>) wf.portfolioStatus().get("positions");
            assertEquals("0.07", ((Map<?, ?>) positions.get(0)).get("qty"));
            assertTrue(wf.transactionHistory(null, 1000, null).stream().allMatch(f -> f.fill().fillId().startsWith("can-")));
        } finally {
            client.newUntypedWorkflowStub(id).terminate("test finished");
            worker.shutdownNow();
            vertx.close().await();
        }
    }

    /** Fills the workflow reports; -1 while a new run reloads its snapshot (its queries answer NOT_READY then). */
    private static int recorded(ExecutionLedgerWorkflow wf) {
        try {
            return wf.transactionHistory(null, 1000, null).size();
        } catch (io.temporal.client.WorkflowQueryException e) {
            if (io.tradingstack.bus.ErrorCode.of(e) == io.tradingstack.bus.ErrorCode.NOT_READY) {
                return -1;
            }
            throw e;
        }
    }

    private static String runId(String workflowId) {
        return TestInfra.temporal().stubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default").setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
                .getWorkflowExecutionInfo().getExecution().getRunId();
    }
}
