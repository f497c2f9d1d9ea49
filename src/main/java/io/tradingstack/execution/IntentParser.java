package io.tradingstack.execution;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads order intents in the reference design's {@code place_mock_order} shape
 * ({@code symbol, side, qty, price?, type, client_order_id?, time_in_force?, stop_price?}); anything that is
 * not a finite positive quantity, a known side or type fails with ORDER_INVALID.
 */
public final class IntentParser {
    private IntentParser() {
    }

    /** A request body: {@code {intents:[...], requestId?, allOrNothing?}} or a single intent. */
    public static PlaceOrderRequest request(JsonObject body, String fallbackId) {
        JsonArray many = body.getJsonArray("intents");
        List<OrderIntent> intents = new ArrayList<>();
        if (many == null) {
            intents.add(intent(body));
        } else {
            for (int i = 0; i < many.size(); i++) {
                intents.add(intent(many.getJsonObject(i)));
            }
        }
        if (intents.isEmpty()) {
            throw invalid("no intents");
        }
        String id = body.getString("requestId", body.getString("request_id"));
        if (id == null) {
            id = intents.size() == 1 ? OrderService.requestIdOf(intents.get(0), fallbackId) : fallbackId;
        }
        return new PlaceOrderRequest(id, intents, body.getBoolean("allOrNothing", body.getBoolean("all_or_nothing", false)));
    }

    public static OrderIntent intent(JsonObject j) {
        try {
            BigDecimal price = decimal(j.getValue("price"), "price", true);
            Object stop = j.getValue("stop_price", j.getValue("stopPrice"));
            return new OrderIntent(text(j, "symbol").toUpperCase(Locale.ROOT),
                    Side.valueOf(text(j, "side").toUpperCase(Locale.ROOT)),
                    decimal(j.getValue("qty"), "qty", false), price,
                    OrderType.valueOf(j.getString("type", price == null ? "market" : "limit").toUpperCase(Locale.ROOT)),
                    j.getString("client_order_id", j.getString("clientOrderId")),
                    j.getString("time_in_force") == null ? null : TimeInForce.valueOf(j.getString("time_in_force").toUpperCase(Locale.ROOT)),
                    decimal(stop, "stop_price", true));
        } catch (CodedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(String.valueOf(e.getMessage()));
        }
    }

    private static String text(JsonObject j, String key) {
        String v = j.getString(key);
        if (v == null || v.isBlank()) {
            throw invalid(key + " is required");
        }
        return v.trim();
    }

    private static BigDecimal decimal(Object raw, String name, boolean optional) {
        if (raw == null) {
            if (optional) {
                return null;
            }
            throw invalid(name + " is required");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a finite number, got " + raw);
        }
        if (v.signum() <= 0) {
            throw invalid(name + " must be > 0, got " + raw);
        }
        return v;
    }

    private static CodedException invalid(String message) {
        return new CodedException(ErrorCode.ORDER_INVALID, message);
    }
}
