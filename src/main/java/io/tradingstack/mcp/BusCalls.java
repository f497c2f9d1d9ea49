package io.tradingstack.mcp;

import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Request/reply to a component's bus endpoint, failures carrying that component's error code.
 * Replies come back as plain values ({@link Plain}), never as Vert.x JSON types.
 */
final class BusCalls {
    private static final long TIMEOUT_MS = 15_000;

    private BusCalls() {
    }

    /** {@code body} is a component's message record (or a JSON object where the endpoint takes one). */
    static Future<Map<String, Object>> request(Vertx vertx, String address, Object body) {
        return Replies.coded(vertx.eventBus().<Object>request(address, body, new DeliveryOptions().setSendTimeout(TIMEOUT_MS)))
                .map(reply -> reply.body() instanceof JsonObject o ? Plain.object(o) : Plain.object(Map.of("result", reply.body())));
    }
}
