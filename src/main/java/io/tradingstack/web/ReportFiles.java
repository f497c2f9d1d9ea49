package io.tradingstack.web;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.bus.ErrorCode;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Serves a backtest's report files, {@code GET /backtests/<workflow_id>/report.html|report.json},
 * from the runs directory only ({@code DATA_DIR/backtesting/runs}). The id must have the shape of a
 * run id and the file name is one of two constants, so no request names a path: there is nothing to
 * traverse, and the resolved file is checked to lie inside the runs directory anyway.
 */
final class ReportFiles {
    static final String HTML = "report.html";
    static final String JSON = "report.json";
    private static final Set<String> NAMES = Set.of(HTML, JSON);
    /** The report is self-contained (inline styles, scripts, SVG): nothing else may load, and it may not frame us. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:; frame-ancestors 'self'";
    private final Path runs;

    ReportFiles(Path runs) {
        this.runs = runs.toAbsolutePath().normalize();
    }

    static String url(String workflowId) {
        return "/backtests/" + workflowId + "/" + HTML;
    }

    /** The file of a run, or null when the id or name is not acceptable or the result would leave the runs directory. */
    static Path resolve(Path runs, String workflowId, String name) {
        if (workflowId == null || !BacktestLauncher.RUN_ID.matcher(workflowId).matches() || workflowId.matches("\\.+")
                || !NAMES.contains(name)) {
            return null;
        }
        Path root = runs.toAbsolutePath().normalize();
        Path file = root.resolve(workflowId).resolve(name).normalize();
        return file.startsWith(root) ? file : null;
    }

    void serve(RoutingContext rc) {
        String name = rc.pathParam("file");
        Path file = resolve(runs, rc.pathParam("id"), name);
        if (file == null) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "a report is /backtests/<workflow_id>/report.html or report.json");
            return;
        }
        rc.vertx().executeBlocking(() -> Files.isRegularFile(file) && file.toRealPath().startsWith(runs.toRealPath()), false)
                .onComplete(ar -> {
                    if (ar.failed() || !ar.result()) {
                        HttpAnswers.error(rc, ErrorCode.BACKTEST_NOT_FOUND, "no report " + name + " for backtest "
                                + rc.pathParam("id"));
                        return;
                    }
                    rc.response().putHeader("content-type", HTML.equals(name) ? "text/html; charset=utf-8" : "application/json")
                            .putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                            .sendFile(file.toString());
                });
    }
}
