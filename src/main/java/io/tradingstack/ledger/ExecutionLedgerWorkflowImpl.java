package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.tradingstack.bus.ErrorCode;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Deterministic: state comes only from signals and activity results. Each run rebuilds from
 * PostgreSQL, records signalled fills, refreshes at the sampling interval, and continues as new
 * once its history passes {@link #MAX_HISTORY} events.
 */
public final class ExecutionLedgerWorkflowImpl implements ExecutionLedgerWorkflow {
    static final int MAX_HISTORY = 2000;
    /** The most recent fills and samples kept in memory; older ones stay in PostgreSQL. */
    static final int MAX_FILLS = 1000;
    static final int MAX_SAMPLES = 5000;
    private static final Logger LOG = Workflow.getLogger(ExecutionLedgerWorkflowImpl.class);

    private final LedgerActivities activities = Workflow.newActivityStub(LedgerActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(15))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(10)).setMaximumAttempts(20).build())
                    .build());
    private final Deque<Fill> pending = new ArrayDeque<>();
    private final List<PostedFill> fills = new ArrayList<>();
    private final List<EquitySample> samples = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private Map<String, Object> status = Map.of();
    private Map<String, Object> risk = Map.of();
    private long lastEntryId;
    private long sampleSeconds = 60;
    /** False until the first snapshot is in: queries then fail with NOT_READY instead of answering zeros. */
    private boolean loaded;

    @Override
    public void run() {
        refresh();
        while (true) {
            Workflow.await(Duration.ofSeconds(sampleSeconds), () -> !pending.isEmpty());
            while (!pending.isEmpty()) {
                persist(pending.poll());
            }
            refresh();
            if (Workflow.getInfo().getHistoryLength() > MAX_HISTORY && pending.isEmpty()) {
                Workflow.continueAsNew();
            }
        }
    }

    private void persist(Fill fill) {
        try {
            activities.persistFill(fill);
        } catch (ActivityFailure e) {
            // A business rejection (e.g. insufficient cash) posts nothing; it is kept for the status.
            rejected.add(fill.fillId() + ": " + e.getCause().getMessage());
            trim(rejected, MAX_FILLS);
            LOG.warn("fill {} rejected by the ledger: {}", fill.fillId(), e.getCause().getMessage());
        }
    }

    /** A refresh that fails after its bounded retries keeps the last state; the next one tries again. */
    private void refresh() {
        try {
            load();
        } catch (ActivityFailure e) {
            LOG.warn("ledger snapshot not refreshed: {}", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    private void load() {
        String after = samples.isEmpty() ? Instant.EPOCH.toString() : samples.get(samples.size() - 1).time().toString();
        LedgerSnapshot s = activities.snapshot(lastEntryId, after, MAX_FILLS);
        loaded = true;
        status = s.status();
        risk = s.risk();
        sampleSeconds = s.sampleSeconds();
        for (PostedFill f : s.fills()) {
            fills.add(f);
            lastEntryId = Math.max(lastEntryId, f.entryId());
        }
        samples.addAll(s.samples());
        trim(fills, MAX_FILLS);
        trim(samples, MAX_SAMPLES);
    }

    private static void trim(List<?> list, int max) {
        if (list.size() > max) {
            list.subList(0, list.size() - max).clear();
        }
    }

    @Override
    public void recordFill(Fill fill) {
        pending.add(fill);
    }

    @Override
    public Map<String, Object> portfolioStatus() {
        requireLoaded();
        if (rejected.isEmpty()) {
            return status;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(status);
        out.put("rejectedFills", List.copyOf(rejected));
        return out;
    }

    @Override
    public List<PostedFill> transactionHistory(String since, Integer limit, String symbol) {
        requireLoaded();
        Instant from = since == null ? Instant.EPOCH : Instant.parse(since);
        return fills.stream()
                .filter(f -> !f.fill().time().isBefore(from))
                .filter(f -> symbol == null || symbol.equals(f.fill().symbol()))
                .sorted(Comparator.comparingLong(PostedFill::entryId).reversed())
                .limit(limit == null ? 100 : Math.max(0, limit))
                .toList();
    }

    @Override
    public Map<String, Object> performanceMetrics(Long windowSeconds) {
        requireLoaded();
        Instant end = samples.isEmpty() ? Instant.EPOCH : samples.get(samples.size() - 1).time();
        Instant from = windowSeconds == null ? Instant.EPOCH : end.minusSeconds(windowSeconds);
        List<EquitySample> window = samples.stream().filter(s -> !s.time().isBefore(from)).toList();
        List<BigDecimal> trades = fills.stream()
                .filter(f -> f.fill().side() == Side.SELL && !f.fill().time().isBefore(from))
                .map(f -> f.realizedPnl().subtract(f.fill().fee())).toList();
        return Analytics.moneyAsText(Analytics.performance(window, trades, sampleSeconds));
    }

    @Override
    public Map<String, Object> riskMetrics() {
        requireLoaded();
        return risk;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    private void requireLoaded() {
        if (!loaded) {
            // typed: clients read the code with ErrorCode.of (the MCP gateway answers NOT_READY)
            throw ApplicationFailure.newNonRetryableFailure("the ledger snapshot is still loading from PostgreSQL",
                    ErrorCode.NOT_READY.name());
        }
    }
}
