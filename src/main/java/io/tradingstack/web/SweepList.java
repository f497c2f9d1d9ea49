package io.tradingstack.web;

import io.tradingstack.backtest.sweep.SweepMessages;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The backtests page's sweeps: the newest sweeps with state and progress ({@code GET /api/sweeps},
 * from the sweep store on whichever node has it) and one sweep's stored result, the ranked table and
 * walk-forward windows as {@code get_sweep_result} gives them ({@code GET /api/sweeps/:id}).
 */
final class SweepList {
    static final int LIMIT = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3000);
    private final Vertx vertx;

    SweepList(Vertx vertx) {
        this.vertx = vertx;
    }

    void list(RoutingContext rc) {
        HttpAnswers.reply(rc, vertx.eventBus().<SweepMessages.Listed>request(Addresses.SWEEP_LIST, new SweepMessages.ListSweeps(LIMIT), ASK)
                .map(m -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("sweeps", m.body().sweeps());
                    out.put("limit", LIMIT);
                    return out;
                }));
    }

    void one(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (id == null || !ID.matcher(id).matches()) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "a sweep id is 1-100 letters, digits, '.', '_' or '-'");
            return;
        }
        vertx.eventBus().<SweepMessages.Loaded>request(Addresses.SWEEP_LOAD, new SweepMessages.Load(id), ASK).onComplete(ar -> {
            if (ar.failed()) {
                HttpAnswers.reply(rc, io.vertx.core.Future.failedFuture(ar.cause()));
            } else if (ar.result().body().progressJson() == null) {
                HttpAnswers.error(rc, ErrorCode.WEB_NOT_AVAILABLE, "no sweep " + id + " is stored");
            } else {
                rc.response().setStatusCode(200).putHeader("content-type", "application/json").putHeader("cache-control", "no-store")
                        .end(ar.result().body().progressJson());
            }
        });
    }
}
