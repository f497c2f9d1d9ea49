package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.runtime.PgUrl;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL stops while an order is in flight (a dedicated server, not the shared one). */
class PostgresOutageTest {

    static EmbeddedPostgres start(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void anOrderCompletesOnceThePostgresIsBackWithNothingLostOrDoubled() throws Exception {
        Path dir = TestInfra.newDir("outage-pg-").resolve("data");
        int port = TestInfra.freePort();
        EmbeddedPostgres pg = start(dir, port);
        PgUrl url = new PgUrl("localhost", port, "postgres", "postgres", "");
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration").load().migrate();
        try (OrderStack stack = new OrderStack(new LedgerDb(url), Map.of(), null)) {
            String requestId = UUID.randomUUID().toString();
            stack.gate = new CompletableFuture<>();
            CompletableFuture<List<OrderResult>> order = CompletableFuture.supplyAsync(() -> stack.orders().place(
                    new PlaceOrderRequest(requestId, List.of(new OrderIntent("BTC-USD", Side.BUY, new BigDecimal("0.01"),
                            null, OrderType.MARKET, null, null)), false)));
            Eventually.eventually(Duration.ofSeconds(20), "order reached the market", () -> stack.tickRequests.get() > 0);
            pg.close();
            stack.gate.complete(null);
            Eventually.eventually(Duration.ofSeconds(30), "the ledger activity failed while PostgreSQL was down", () -> attempts(stack, DurableNames.PlaceOrder.id(requestId)) >= 2);
            pg = start(dir, port);
            OrderResult result = order.get().get(0);
            assertEquals(OrderStatus.FILLED, result.status(), result::toString);
            LedgerVerifier.Report report = stack.verify();
            assertTrue(report.ok(), report::render);
            assertEquals(1L, report.figures().get("fills"));
            assertEquals(1L, report.figures().get("orders"));
            assertEquals(2L, report.figures().get("journal entries"));
        } finally {
            pg.close();
        }
    }

    static int attempts(OrderStack stack, String workflowId) {
        var info = TestInfra.temporal().stubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default").setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
        return info.getPendingActivitiesList().stream().mapToInt(a -> a.getAttempt()).max().orElse(0);
    }
}
