package io.tradingstack.backtest;

import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.store.StoredSpec;
import io.tradingstack.strategy.store.StrategySpecWorkflow;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;

import java.util.function.Supplier;

/**
 * Runs the engine on the activity thread (CPU-bound, local files, no event loop involved),
 * heartbeating as it goes and signalling progress to its workflow about every tenth of the run.
 * Coded failures (bad data, bad arguments, look-ahead) are not retried.
 */
public final class BacktestActivitiesImpl implements BacktestActivities {
    private static final int PROGRESS_STEPS = 10;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BacktestActivitiesImpl.class);
    private final Supplier<WorkflowClient> client;
    private final io.tradingstack.runtime.StateBridge state;

    private final java.util.function.BiFunction<String, LlmRequest, LlmResult> llm;

    /** Without the llm component: {@code strategy=llm} is refused. */
    public BacktestActivitiesImpl(Supplier<WorkflowClient> client, io.tradingstack.runtime.StateBridge state) {
        this(client, state, null);
    }

    /** @param llm the llm component's chat by call key, which {@code strategy=llm} plans and judges through */
    public BacktestActivitiesImpl(Supplier<WorkflowClient> client, io.tradingstack.runtime.StateBridge state,
                                  java.util.function.BiFunction<String, LlmRequest, LlmResult> llm) {
        this.client = client;
        this.state = state;
        this.llm = llm;
    }

    @Override
    public void recordRun(String workflowId, BacktestRun run) {
        state.save(workflowId, DurableNames.Backtest.TYPE, run.revision(), run);
        if (BacktestRun.DONE.equals(run.status())) {
            BacktestSummary s = run.summary();
            LOG.info("Backtest {} done: {} {} {} bars, {} trades, final equity {}, return {}, report {}", workflowId,
                    s.pair(), s.timeframe(), s.bars(), s.trades(), s.finalEquity().toPlainString(),
                    s.totalReturn().toPlainString(), s.reportJson());
        } else if (BacktestRun.FAILED.equals(run.status())) {
            LOG.info("Backtest {} failed: {} {}", workflowId, run.errorCode(), run.errorMessage());
        } else {
            LOG.info("Backtest {} started: {} {} {}", workflowId, run.request().pairs().isEmpty() ? run.request().data()
                    : run.request().pairs(), run.request().timeframe(), run.request().strategy());
        }
    }

    /** The active spec with this id in the store workflow of this task queue. */
    private StrategySpec storedSpec(String taskQueue, String id) {
        try {
            StoredSpec s = client.get().newWorkflowStub(StrategySpecWorkflow.class, DurableNames.StrategyStore.id(taskQueue))
                    .getById(id);
            return s == null ? null : s.spec();
        } catch (io.temporal.client.WorkflowNotFoundException | io.temporal.client.WorkflowQueryException e) {
            throw new CodedException(io.tradingstack.bus.ErrorCode.STRATEGY_SPEC_NOT_FOUND,
                    "the strategy spec store is not running: " + e.getMessage());
        }
    }

    private java.util.function.Function<LlmRequest, LlmResult> asked(String keyBase, java.util.concurrent.atomic.AtomicLong n) {
        return request -> llm.apply(keyBase + "/llm-" + n.incrementAndGet(), request);
    }

    @Override
    public BacktestSummary runBacktest(BacktestRequest request) {
        ActivityExecutionContext ctx = Activity.getExecutionContext();
        BacktestWorkflow workflow = client.get().newWorkflowStub(BacktestWorkflow.class, ctx.getInfo().getWorkflowId());
        long[] lastStep = {-1};
        String keyBase = ctx.getInfo().getWorkflowId() + "/" + ctx.getInfo().getRunId() + "/" + ctx.getInfo().getActivityId();
        java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
        try {
            return BacktestRunner.run(request, (done, total) -> {
                ctx.heartbeat(done);
                long step = total == 0 ? PROGRESS_STEPS : done * PROGRESS_STEPS / total;
                if (step != lastStep[0]) {
                    lastStep[0] = step;
                    workflow.reportProgress(done, total);
                }
            }, id -> storedSpec(ctx.getInfo().getActivityTaskQueue(), id),
                    llm == null ? null : asked(keyBase, asked)).summary();
        } catch (CodedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.code().name());
        }
    }
}
