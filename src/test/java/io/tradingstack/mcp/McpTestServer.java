package io.tradingstack.mcp;

import io.tradingstack.app.DurableVerticle;
import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A real MCP server for tests: the durable verticle (a worker on this JVM's MCP task queue, with
 * every registered workflow) plus the MCP verticle, over the shared embedded PostgreSQL and Temporal.
 */
public final class McpTestServer implements AutoCloseable {
    /** One queue per test JVM: singleton workflows started by one test class stay reachable by the next. */
    public static final String QUEUE = TestInfra.uniqueQueue("mcp");
    /** Singletons other test JVM runs or classes may have left on foreign task queues. */
    static final List<String> SINGLETONS = List.of(DurableNames.Broker.ID, DurableNames.Ledger.ID,
            DurableNames.MarketStream.ID, DurableNames.Ledger.id(QUEUE),
            DurableNames.StrategyStore.id(QUEUE), DurableNames.ExecutionAgent.id(QUEUE), DurableNames.JudgeAgent.id(QUEUE));

    public final Vertx vertx;
    public final AppContext ctx;
    public final int port;
    private final Stack stack;

    private McpTestServer(Vertx vertx, AppContext ctx, Stack stack) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.port = ctx.config().mcpPort();
        this.stack = stack;
    }

    /** A node started from verticles.json with the given roles (the MCP server and the worker included). */
    public static McpTestServer node(Set<String> roles, Map<String, String> overrides) {
        Vertx vertx = Vertx.vertx();
        Map<String, String> all = new HashMap<>(overrides);
        all.put("TASK_QUEUE", QUEUE);
        all.putIfAbsent("REPLAY_PORT", String.valueOf(TestInfra.freePort()));
        AppContext ctx = TestInfra.context(vertx, all);
        Set<String> withMcp = new java.util.HashSet<>(roles);
        withMcp.addAll(Set.of("mcp", "worker"));
        Stack stack = new Stack(ctx, VerticleSpec.load(), withMcp);
        await(stack.start());
        return new McpTestServer(vertx, ctx, stack);
    }

    static McpTestServer start(Map<String, String> overrides) {
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        Map<String, String> all = new HashMap<>(overrides);
        all.put("TASK_QUEUE", QUEUE);
        AppContext ctx = TestInfra.context(vertx, all);
        await(vertx.deployVerticle(new io.tradingstack.durable.WorkflowStateVerticle(ctx)));
        await(vertx.deployVerticle(new io.tradingstack.backtest.sweep.SweepStoreVerticle(ctx)));
        await(vertx.deployVerticle(new DurableVerticle(ctx)));
        await(vertx.deployVerticle(new McpVerticle(ctx)));
        return new McpTestServer(vertx, ctx, null);
    }

    /**
     * Terminates singletons that might be bound to a task queue nobody polls any more, and forgets
     * their stored state (the shared test database would otherwise carry, e.g., a stopped stream
     * from one test class into the next).
     */
    public static void resetSingletons() {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.sqlclient.Pool pool = TestInfra.postgres().pool(vertx, 1);
            await(pool.preparedQuery("DELETE FROM workflow_state WHERE workflow_id = ANY($1)")
                    .execute(io.vertx.sqlclient.Tuple.of(SINGLETONS.toArray(String[]::new))));
            await(pool.close());
        } finally {
            await(vertx.close());
        }
        WorkflowClient client = TestInfra.temporal().client();
        for (String id : SINGLETONS) {
            try {
                var stub = client.newUntypedWorkflowStub(id, Optional.empty(), Optional.empty());
                if (stub.describe().getStatus() == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    stub.terminate("test reset");
                }
            } catch (WorkflowNotFoundException | io.grpc.StatusRuntimeException absent) {
                // nothing to reset
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public McpSyncClient client() {
        return client(b -> { }, c -> { });
    }

    public McpSyncClient client(Consumer<HttpClientStreamableHttpTransport.Builder> transport, Consumer<McpClient.SyncSpec> spec) {
        HttpClientStreamableHttpTransport.Builder tb = HttpClientStreamableHttpTransport.builder(url()).endpoint("/mcp");
        transport.accept(tb);
        McpClient.SyncSpec sb = McpClient.sync(tb.build()).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("test-client", "1.0"));
        spec.accept(sb);
        McpSyncClient client = sb.build();
        client.initialize();
        return client;
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.stop();
        }
        await(vertx.close());
    }
}
