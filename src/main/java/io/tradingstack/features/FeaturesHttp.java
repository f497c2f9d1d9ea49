package io.tradingstack.features;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.FeatureVector;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /features/<SYMBOL>[?timeframe=5m]}: the latest vector as JSON (503 while not warm, 404
 * for an unknown symbol or timeframe). Runs on the HTTP server's loop, so it asks through the bus
 * instead of touching the features service.
 */
final class FeaturesHttp {
    private final EventBus bus;

    FeaturesHttp(EventBus bus) {
        this.bus = bus;
    }

    void routes(Router router) {
        router.get("/features/:symbol").handler(this::latest);
    }

    private void latest(RoutingContext rc) {
        JsonObject ask = new JsonObject().put("symbol", rc.pathParam("symbol"));
        String tf = rc.queryParams().get("timeframe");
        if (tf != null) {
            ask.put("timeframe", tf);
        }
        bus.<FeatureVector>request(Addresses.FEATURES_LATEST_VECTOR, ask).onComplete(ar -> {
            if (ar.succeeded()) {
                rc.response().putHeader("content-type", "application/json").end(Json.write(Plain.of(ar.result().body())));
                return;
            }
            ErrorCode code = Replies.codeOf(ar.cause());
            int status = code == ErrorCode.FEATURES_NOT_WARM ? 503 : code == ErrorCode.FEATURES_BAD_PARAMETER ? 404 : 500;
            rc.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("error", code.name()).put("code", code.code())
                            .put("message", ar.cause().getMessage()).encode());
        });
    }
}
