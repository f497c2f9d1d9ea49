package io.tradingstack.web;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.OrderService;
import io.tradingstack.runtime.AppConfig;
import io.temporal.client.WorkflowOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dashboard's write requests, each through the same code path as its MCP tool: cancel goes
 * through execution's {@link OrderService#cancel} (a cancel signal to the resting order's workflow,
 * as cancel_order), a backtest through {@link BacktestLauncher} (as run_backtest). Both need the
 * session's CSRF token (checked by the route) and answer in the shape of the MCP tool's result.
 */
final class TradingActions {
    /** Order ids are "ord-" plus a client order id or a request id: printable ASCII, no spaces. */
    private static final Pattern ORDER_ID = Pattern.compile("^[!-~]{1,100}$");
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000000");
    private final Vertx vertx;
    private final TemporalAccess temporal;
    private final BacktestLauncher launcher;

    TradingActions(Vertx vertx, AppConfig config, TemporalAccess temporal) {
        this.vertx = vertx;
        this.temporal = temporal;
        this.launcher = new BacktestLauncher(config);
    }

    /** {@code POST /api/orders/:id/cancel}. */
    void cancel(RoutingContext rc) {
        String orderId = rc.pathParam("id");
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "order id must be printable ASCII without spaces, 1-100 characters");
            return;
        }
        HttpAnswers.reply(rc, temporal.call(client -> new OrderService(client, temporal.taskQueue()).cancel(orderId))
                .compose(ok -> {
                    if (!ok) {
                        return Future.failedFuture(new CodedException(ErrorCode.ORDER_NOT_CANCELLABLE,
                                "order " + orderId + " is not resting"));
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("order_id", orderId);
                    out.put("status", "cancel_requested");
                    out.put("workflow_id", DurableNames.RestingOrder.id(orderId));
                    return Future.succeededFuture(out);
                }));
    }

    /** {@code POST /api/backtests} with the run_backtest arguments as a JSON object. */
    void startBacktest(RoutingContext rc) {
        BacktestLauncher.Args args;
        try {
            args = args(rc.body().asJsonObject());
        } catch (CodedException e) {
            HttpAnswers.error(rc, e.code(), e.getMessage());
            return;
        } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            HttpAnswers.error(rc, ErrorCode.BACKTEST_BAD_ARGUMENTS, "the body must be a JSON object of run_backtest "
                    + "arguments: " + e.getMessage());
            return;
        }
        HttpAnswers.reply(rc, launcher.launch(vertx, args, (id, type, request) -> temporal.call(client ->
                client.newUntypedWorkflowStub(type, WorkflowOptions.newBuilder().setWorkflowId(id)
                        .setTaskQueue(temporal.taskQueue()).build()).start(request).getRunId())).map(BacktestLauncher.Started::summary));
    }

    /** The form's fields; empty strings mean "default". */
    static BacktestLauncher.Args args(JsonObject body) {
        if (body == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "the body must be a JSON object");
        }
        Map<String, BigDecimal> risk = new LinkedHashMap<>();
        JsonObject overrides = body.getJsonObject("risk_overrides");
        if (overrides != null) {
            overrides.forEach(e -> risk.put(e.getKey(), decimal(e.getValue())));
        }
        return new BacktestLauncher.Args(text(body, "pair"), text(body, "timeframe"), text(body, "source"),
                text(body, "start"), text(body, "end"), text(body, "strategy"), decimal(body.getValue("initial_cash")),
                decimal(body.getValue("fee_bps")), decimal(body.getValue("slippage_bps")), risk);
    }

    private static String text(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        if (!(v instanceof String s) || s.length() > 64) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, key + " must be a string of at most 64 characters");
        }
        return s.trim();
    }

    private static BigDecimal decimal(Object v) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(String.valueOf(v).trim());
            if (d.precision() > 30 || d.abs().compareTo(MAX_NUMBER) > 0) {
                throw new NumberFormatException("out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "'" + v + "' is not a number");
        }
    }
}
