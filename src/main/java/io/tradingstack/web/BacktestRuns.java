package io.tradingstack.web;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.backtest.BacktestProgress;
import io.tradingstack.backtest.BacktestRun;
import io.tradingstack.backtest.BacktestSummary;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.WorkflowState;
import io.temporal.client.WorkflowClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list of backtests for the dashboard: every run stored in PostgreSQL (newest first), with the
 * progress of the running ones queried from their workflows and a report link when its file exists.
 * A run stored as RUNNING whose workflow Temporal no longer knows (a restart) is INTERRUPTED.
 */
final class BacktestRuns {
    static final int LIMIT = 50;
    private final Vertx vertx;
    private final AppConfig config;
    private final TemporalAccess temporal;

    BacktestRuns(Vertx vertx, AppConfig config, TemporalAccess temporal) {
        this.vertx = vertx;
        this.config = config;
        this.temporal = temporal;
    }

    Future<Map<String, Object>> list() {
        return vertx.eventBus().<WorkflowState.Listed>request(Addresses.STATE_LIST,
                        new WorkflowState.ListRequest(DurableNames.Backtest.TYPE, LIMIT), new DeliveryOptions().setSendTimeout(3000))
                .compose(reply -> {
                    List<WorkflowState> states = reply.body().states();
                    boolean running = states.stream().anyMatch(s -> s.stateJson().contains("\"" + BacktestRun.RUNNING + "\""));
                    return running ? temporal.call(client -> rows(states, client)).recover(err -> blocking(states))
                            : blocking(states);
                })
                .map(rows -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("backtests", rows);
                    out.put("limit", LIMIT);
                    return out;
                });
    }

    private Future<List<Map<String, Object>>> blocking(List<WorkflowState> states) {
        return vertx.executeBlocking(() -> rows(states, null), false);
    }

    /** Blocking: reads the stored runs, the progress of running ones (when a client is given) and the report files. */
    private List<Map<String, Object>> rows(List<WorkflowState> states, WorkflowClient client) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WorkflowState s : states) {
            BacktestRun run;
            try {
                run = Json.MAPPER.readValue(s.stateJson(), BacktestRun.class);
            } catch (IOException unreadable) {
                continue;
            }
            Live live = BacktestRun.RUNNING.equals(run.status()) && client != null ? live(client, s.workflowId()) : Live.UNASKED;
            out.add(row(s.workflowId(), run, live));
        }
        return out;
    }

    /** What the workflow of a stored RUNNING run says: its progress, or lost when Temporal no longer knows it. */
    private record Live(BacktestProgress progress, boolean lost) {
        static final Live UNASKED = new Live(null, false);
    }

    private Map<String, Object> row(String id, BacktestRun run, Live live) {
        BacktestProgress p = live.progress();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workflow_id", id);
        r.put("status", live.lost() ? "INTERRUPTED" : run.status());
        r.put("pair", run.request().pairs().isEmpty() ? null : run.request().pairs().get(0));
        r.put("timeframe", run.request().timeframe());
        r.put("strategy", run.request().strategy());
        r.put("bars_done", p == null ? null : p.barsDone());
        r.put("bars_total", p == null ? null : p.barsTotal());
        r.put("fraction", BacktestRun.DONE.equals(run.status()) ? Double.valueOf(1.0) : p == null ? null : p.fraction());
        BacktestSummary sum = run.summary();
        r.put("summary", sum == null ? null : Plain.of(sum));
        r.put("error_code", run.errorCode() == null ? null : run.errorCode().name());
        r.put("error_message", run.errorMessage());
        r.put("report_url", reportExists(id) ? ReportFiles.url(id) : null);
        return r;
    }

    private static Live live(WorkflowClient client, String workflowId) {
        try {
            return new Live(client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                    .query(DurableNames.Backtest.PROGRESS, BacktestProgress.class), false);
        } catch (io.temporal.client.WorkflowNotFoundException | io.temporal.client.WorkflowQueryException gone) {
            return new Live(null, true);
        }
    }

    private boolean reportExists(String workflowId) {
        Path file = ReportFiles.resolve(BacktestLauncher.runsDir(config), workflowId, ReportFiles.HTML);
        return file != null && Files.isRegularFile(file);
    }
}
