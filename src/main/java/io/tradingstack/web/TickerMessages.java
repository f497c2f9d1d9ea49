package io.tradingstack.web;

import io.tradingstack.model.Tick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Collection;

/** The WebSocket ticker's server messages. Prices are JSON numbers with the exchange's exact digits. */
final class TickerMessages {
    private TickerMessages() {
    }

    static String tick(String type, Tick t) {
        return new StringBuilder(192).append("{\"type\":\"").append(type).append("\",\"symbol\":\"").append(t.symbol())
                .append("\",\"price\":").append(t.price().toPlainString())
                .append(",\"bid\":").append(t.bid().toPlainString())
                .append(",\"ask\":").append(t.ask().toPlainString())
                .append(",\"size\":").append(t.size().toPlainString())
                .append(",\"time\":\"").append(t.time()).append("\",\"seq\":").append(t.seq()).append('}').toString();
    }

    static String subscribed(Collection<String> symbols) {
        return new JsonObject().put("type", "subscribed").put("symbols", new JsonArray(symbols.stream().sorted().toList())).encode();
    }

    static String heartbeat(Instant now) {
        return new JsonObject().put("type", "heartbeat").put("time", now.toString()).encode();
    }

    static String error(int code, String message) {
        return new JsonObject().put("type", "error").put("code", code).put("message", message).encode();
    }
}
