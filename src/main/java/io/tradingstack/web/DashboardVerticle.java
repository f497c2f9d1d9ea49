package io.tradingstack.web;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.PortfolioStatus;
import io.tradingstack.ledger.PortfolioView;
import io.tradingstack.runtime.AppContext;

import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Serves the dashboard: one self-contained page (no external scripts or fonts) that reads
 * {@code /health}, {@code /api/*} and the WebSocket ticker of the same server.
 */
public final class DashboardVerticle extends VerticleBase {
    private final AppContext ctx;

    private java.util.function.Consumer<io.vertx.ext.web.Router> routes;

    public DashboardVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, LedgerMessages.TYPES);
        routes = router -> {
            router.get("/").handler(rc -> rc.reroute("/dashboard/index.html"));
            router.route("/dashboard/*").handler(StaticHandler.create("web").setCachingEnabled(false));
            router.get("/api/portfolio").handler(this::portfolio);
        };
        ctx.addRoutes(routes);
        return Future.succeededFuture();
    }

    /** The routes are served by the HTTP verticle: taken back so a redeployed node does not serve them twice. */
    @Override
    public Future<?> stop() {
        ctx.routes().remove(routes);
        return Future.succeededFuture();
    }

    private static final List<String> MONEY = List.of("cash", "available_cash", "reserve", "equity", "funding",
            "realized_pnl", "fees", "qty", "available_qty", "average_cost", "cost_basis", "mark", "market_value",
            "unrealized_pnl");

    /**
     * The house conventions for an HTTP answer: snake_case keys and amounts as JSON numbers (the
     * ledger sends them over the bus as exact decimal text, which would become doubles otherwise).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shape(JsonObject status) {
        Map<String, Object> out = Plain.object(status);
        numbers(out);
        if (out.get("positions") instanceof List<?> positions) {
            positions.forEach(p -> numbers((Map<String, Object>) p));
        }
        return out;
    }

    private static void numbers(Map<String, Object> m) {
        for (String k : MONEY) {
            if (m.get(k) instanceof String text) {
                m.put(k, Plain.decimal(new java.math.BigDecimal(text)));
            }
        }
    }

    /** The ledger's portfolio status, wherever the ledger runs in the cluster. */
    private void portfolio(RoutingContext rc) {
        vertx.eventBus().<PortfolioStatus>request(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.STATUS),
                new DeliveryOptions().setSendTimeout(3000)).onComplete(ar -> {
                    if (ar.succeeded()) {
                        JsonObject status = new JsonObject(PortfolioView.asMap(ar.result().body()));
                        rc.response().putHeader("content-type", "application/json").end(Json.write(shape(status)));
                    } else {
                        ErrorCode code = Replies.codeOf(ar.cause());
                        rc.response().setStatusCode(code == ErrorCode.BUS_NO_HANDLER ? 404 : 503)
                                .putHeader("content-type", "application/json")
                                .end(new JsonObject().put("code", code.code()).put("message", ar.cause().getMessage()).encode());
                    }
                });
    }
}
