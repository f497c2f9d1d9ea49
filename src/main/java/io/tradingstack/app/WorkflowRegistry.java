package io.tradingstack.app;

import io.tradingstack.durable.SystemCheckActivitiesImpl;
import io.tradingstack.durable.SystemCheckWorkflowImpl;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.StateBridge;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

import java.util.List;

/**
 * The one list of every workflow implementation and activity the worker hosts. A test fails when
 * a {@code @WorkflowInterface} implementation in the code base is missing here.
 */
public final class WorkflowRegistry {
    /** Workflow implementation classes. */
    public static final List<Class<?>> WORKFLOWS = List.of(
            SystemCheckWorkflowImpl.class,
            io.tradingstack.backtest.BacktestWorkflowImpl.class,
            io.tradingstack.backtest.LlmBacktestWorkflowImpl.class,
            io.tradingstack.backtest.sweep.SweepWorkflowImpl.class,
            io.tradingstack.agents.BrokerAgentWorkflowImpl.class,
            io.tradingstack.market.MarketStreamWorkflowImpl.class,
            io.tradingstack.market.HistoricalDataLoaderWorkflowImpl.class,
            io.tradingstack.ledger.ExecutionLedgerWorkflowImpl.class,
            io.tradingstack.execution.PlaceOrderWorkflowImpl.class,
            io.tradingstack.execution.RestingOrderWorkflowImpl.class,
            io.tradingstack.strategy.store.StrategySpecWorkflowImpl.class,
            io.tradingstack.agents.execution.ExecutionAgentWorkflowImpl.class,
            io.tradingstack.agents.judge.JudgeAgentWorkflowImpl.class);

    private WorkflowRegistry() {
    }

    /** Activity implementations, bound to this node's verticles through the bus. */
    public static List<Object> activities(AppContext ctx) {
        io.tradingstack.llm.LlmActivitiesImpl llm = new io.tradingstack.llm.LlmActivitiesImpl(ctx);
        return List.of(
                new SystemCheckActivitiesImpl(ctx.vertx()),
                new io.tradingstack.backtest.BacktestActivitiesImpl(() -> ctx.temporal().result().client(),
                        new StateBridge(ctx.vertx()), llm::chat),
                new io.tradingstack.backtest.sweep.SweepStoreActivitiesImpl(ctx.vertx()),
                new io.tradingstack.agents.BrokerActivitiesImpl(ctx.vertx()),
                new io.tradingstack.market.MarketActivitiesImpl(ctx.vertx()),
                new io.tradingstack.ledger.LedgerActivitiesImpl(ctx.vertx()),
                new io.tradingstack.execution.ExecutionActivitiesImpl(ctx),
                new io.tradingstack.strategy.store.StrategySpecActivitiesImpl(ctx.vertx()),
                llm,
                new io.tradingstack.agents.execution.ExecutionActivitiesImpl(ctx),
                new io.tradingstack.agents.judge.JudgeActivitiesImpl(ctx));
    }

    public static void register(Worker worker, AppContext ctx) {
        worker.registerWorkflowImplementationTypes(WORKFLOWS.toArray(new Class<?>[0]));
        worker.registerActivitiesImplementations(activities(ctx).toArray());
    }

    /**
     * The worker of the sweep runs queue of {@code taskQueue}: CPU-bound backtests, as many at a time
     * as the node has cores, so every node of a cluster takes runs while none oversubscribes its CPU.
     */
    public static Worker registerSweepRuns(WorkerFactory factory, String taskQueue, int slots) {
        Worker worker = factory.newWorker(io.tradingstack.bus.DurableNames.Sweep.runQueue(taskQueue),
                WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(slots).build());
        worker.registerActivitiesImplementations(new io.tradingstack.backtest.sweep.SweepRunActivitiesImpl(
                factory.getWorkflowClient().getOptions().getIdentity()));
        return worker;
    }
}
