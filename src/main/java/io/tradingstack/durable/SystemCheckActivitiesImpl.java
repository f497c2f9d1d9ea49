package io.tradingstack.durable;

import io.tradingstack.bus.Addresses;
import io.tradingstack.model.ComponentStatus;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Bridges the workflow to the HTTP verticle's health endpoint on the bus. */
public final class SystemCheckActivitiesImpl implements SystemCheckActivities {
    private final BusBridge bus;

    public SystemCheckActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
    }

    @Override
    public List<ComponentStatus> componentStatuses() {
        JsonObject report = bus.request(Addresses.APP_HEALTH, "", JsonObject.class);
        JsonObject components = report.getJsonObject("components", new JsonObject());
        List<ComponentStatus> out = new ArrayList<>();
        for (String name : components.fieldNames()) {
            JsonObject c = components.getJsonObject(name);
            out.add(new ComponentStatus(name, c.getString("status"), c.getString("error")));
        }
        return out;
    }
}
