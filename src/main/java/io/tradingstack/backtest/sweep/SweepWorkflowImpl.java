package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic: the steps of {@link SweepProcedure}, each batch an activity scheduled on the runs
 * queue so whichever node has a free slot runs it; progress counted from completed batches; no
 * clocks, no randomness, no I/O.
 */
public final class SweepWorkflowImpl implements SweepWorkflow {
    /**
     * Runs one durable sweep may hold: the result carries every run's figures (about 600 bytes each)
     * and must stay well under Temporal's 2 MB payload limit; each batch adds 3 history events.
     */
    public static final int MAX_RUNS = 2_000;
    private static final Duration RUN_BOUND = Duration.ofHours(2);
    /** The engine reports every few thousand bars, many times a second; a silent minute is a lost node. */
    private static final Duration HEARTBEAT = Duration.ofMinutes(1);
    private final SweepStoreActivities store = Workflow.newActivityStub(SweepStoreActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10))
                            .setMaximumAttempts(30).build())
                    .build());
    private String state = SweepProgress.STARTED;
    private int done;
    private int total;
    private SweepResult result;
    private String errorCode;
    private String error;

    @Override
    public SweepResult run(SweepRequest request) {
        String id = Workflow.getInfo().getWorkflowId();
        SweepRunActivities runs = Workflow.newActivityStub(SweepRunActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(DurableNames.Sweep.runQueue(Workflow.getInfo().getTaskQueue()))
                .setStartToCloseTimeout(RUN_BOUND)
                .setHeartbeatTimeout(HEARTBEAT)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                .build());
        store.recordSweep(id, request, progress());
        try {
            result = SweepProcedure.run(request, () -> runs.dataSpan(request.base()), batches -> runAll(runs, batches),
                    MAX_RUNS);
        } catch (ActivityFailure e) {
            failed(id, request, ErrorCode.of(e), e.getCause() instanceof ApplicationFailure a ? a.getOriginalMessage() : e.getMessage());
            throw e;
        } catch (io.tradingstack.bus.CodedException e) {
            failed(id, request, e.code(), e.getMessage());
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.code().name());
        }
        state = SweepProgress.DONE;
        store.recordSweep(id, request, progress());
        return result;
    }

    private void failed(String id, SweepRequest request, ErrorCode code, String message) {
        state = SweepProgress.FAILED;
        errorCode = code.name();
        error = message;
        store.recordSweep(id, request, progress());
    }

    private List<List<RunResult>> runAll(SweepRunActivities runs, List<SweepBatch> batches) {
        state = SweepProgress.RUNNING;
        batches.forEach(b -> total += b.sets().size());
        List<Promise<List<RunResult>>> pending = new ArrayList<>();
        for (SweepBatch b : batches) {
            pending.add(Async.function(runs::runBatch, b).thenApply(r -> {
                done += r.size();
                return r;
            }));
        }
        Promise.allOf(pending).get();
        List<List<RunResult>> out = new ArrayList<>();
        pending.forEach(p -> out.add(p.get()));
        return out;
    }

    @Override
    public SweepProgress progress() {
        return new SweepProgress(state, done, total, result, errorCode, error);
    }
}
