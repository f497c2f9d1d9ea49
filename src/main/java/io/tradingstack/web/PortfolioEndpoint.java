package io.tradingstack.web;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.PortfolioStatus;
import io.tradingstack.ledger.PortfolioView;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/portfolio}: the ledger's portfolio status, wherever the ledger runs in the
 * cluster (404 without a ledger, 503 when it cannot answer), in the house conventions for HTTP.
 */
final class PortfolioEndpoint {
    private static final List<String> MONEY = List.of("cash", "available_cash", "reserve", "equity", "funding",
            "realized_pnl", "fees", "qty", "available_qty", "average_cost", "cost_basis", "mark", "market_value",
            "unrealized_pnl");
    private final EventBus bus;

    PortfolioEndpoint(EventBus bus) {
        this.bus = bus;
    }

    void handle(RoutingContext rc) {
        bus.<PortfolioStatus>request(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.STATUS),
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
                m.put(k, Plain.decimal(new BigDecimal(text)));
            }
        }
    }
}
