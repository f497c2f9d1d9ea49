package io.tradingstack.strategy.store;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmActivityOptions;
import io.tradingstack.strategy.plan.PlanRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic: state comes only from signals and activity results. Each run first loads the
 * active specs from PostgreSQL, then applies signalled updates and deletes one at a time through
 * activities, and continues as new after {@link #OPS_PER_RUN} operations (the next run reloads).
 */
public final class StrategySpecWorkflowImpl implements StrategySpecWorkflow {
    static final int OPS_PER_RUN = 200;
    static final int MAX_EVENTS = 100;

    private final StrategySpecActivities activities = Workflow.newActivityStub(StrategySpecActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(15))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(10)).setMaximumAttempts(30).build())
                    .build());
    private final SpecPlanning planning = new SpecPlanning(Workflow.newActivityStub(LlmActivities.class,
            LlmActivityOptions.options()));
    private final Map<String, StoredSpec> active = new LinkedHashMap<>();
    private final Deque<Op> pending = new ArrayDeque<>();
    private final List<StoreEvent> events = new ArrayList<>();
    private long sequence;
    private int ops;

    /** A signal waiting to be applied: an update (json) or a delete (market, timeframe). */
    private record Op(String json, String market, String timeframe) {
    }

    @Override
    public void run() {
        for (StoredSpec s : activities.load()) {
            active.put(s.key(), s);
        }
        while (true) {
            Workflow.await(() -> !pending.isEmpty() || ops >= OPS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested());
            while (!pending.isEmpty()) {
                apply(pending.poll());
                ops++;
            }
            if (ops >= OPS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
                // a plan still running would be lost with this run
                Workflow.await(Workflow::isEveryHandlerFinished);
                Workflow.continueAsNew();
            }
        }
    }

    private void apply(Op op) {
        if (op.json() != null) {
            try {
                StoredSpec s = activities.save(op.json());
                active.put(s.key(), s);
                event("update", s.key(), s.version(), true, null, s.duplicate() ? "already stored; made active" : "stored");
            } catch (ActivityFailure e) {
                event("update", null, null, false, code(e), message(e));
            }
            return;
        }
        String key = op.market() + ":" + op.timeframe();
        try {
            boolean removed = activities.delete(op.market(), op.timeframe());
            active.remove(key);
            event("delete", key, null, true, null, removed ? "deactivated" : "no active spec");
        } catch (ActivityFailure e) {
            event("delete", key, null, false, code(e), message(e));
        }
    }

    private void event(String operation, String key, Integer version, boolean ok, Integer code, String message) {
        events.add(new StoreEvent(++sequence, operation, key, version, ok, code, message));
        if (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
    }

    /** The numeric code of a coded activity failure (its failure type is the code's name); null when uncoded. */
    private static Integer code(ActivityFailure e) {
        return e.getCause() instanceof ApplicationFailure af
                ? ErrorCode.named(af.getType()).map(ErrorCode::code).orElse(null) : null;
    }

    private static String message(ActivityFailure e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApplicationFailure af) {
            return af.getOriginalMessage();
        }
        return String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
    }

    @Override
    public void update(String specJson) {
        pending.add(new Op(specJson == null ? "" : specJson, null, null));
    }

    @Override
    public void delete(String market, String timeframe) {
        pending.add(new Op(null, market, timeframe));
    }

    @Override
    public PlanOutcome plan(PlanRequest request) {
        java.time.Instant now = java.time.Instant.ofEpochMilli(Workflow.currentTimeMillis());
        SpecPlanning.Planned p = planning.plan(request, now);
        String key = request.market() + ":" + request.timeframe();
        if (p.failure() != null) {
            event("plan", key, null, false, p.failure().code().code(), p.failure().message());
            return p.failure();
        }
        try {
            StoredSpec s = activities.save(p.json());
            active.put(s.key(), s);
            ops++;
            event("plan", s.key(), s.version(), true, null, s.duplicate() ? "planned; already stored, made active" : "planned and stored");
            return new PlanOutcome(s, null, "stored", List.of(), p.report().warnings(), p.calls(), p.provider(), p.model(),
                    p.repaired());
        } catch (ActivityFailure e) {
            Integer code = code(e);
            event("plan", key, null, false, code, message(e));
            ErrorCode coded = code == null ? ErrorCode.INTERNAL : ErrorCode.of(code).orElse(ErrorCode.INTERNAL);
            return new PlanOutcome(null, coded, message(e), List.of(), List.of(), p.calls(), p.provider(), p.model(), p.repaired());
        }
    }

    @Override
    public void checkPlan(PlanRequest request) {
        request.check();
    }

    @Override
    public StoredSpec get(String market, String timeframe) {
        if (timeframe != null) {
            return active.get(market + ":" + timeframe);
        }
        return active.values().stream().filter(s -> s.market().equals(market))
                .max(Comparator.comparingLong(StoredSpec::rowId)).orElse(null);
    }

    @Override
    public StoredSpec getById(String specId) {
        return active.values().stream().filter(s -> s.specId().equals(specId)).findFirst().orElse(null);
    }

    @Override
    public List<SpecSummary> list() {
        return active.values().stream().sorted(Comparator.comparing(StoredSpec::key)).map(StoredSpec::summary).toList();
    }

    @Override
    public List<StoreEvent> events() {
        return List.copyOf(events);
    }
}
