package io.tradingstack.runtime;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Json;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * What activities of stateful workflows use to load and save their state through the
 * {@link WorkflowStateVerticle} (bounded bus requests on the activity thread).
 */
public final class StateBridge {
    private final BusBridge bus;

    public StateBridge(Vertx vertx) {
        this.bus = new BusBridge(vertx);
    }

    /** The stored state of a workflow as {@code type}, or null when none is stored. */
    public <T> T load(String workflowId, Class<T> type) {
        JsonObject reply = bus.request(Addresses.STATE_LOAD, new JsonObject().put("workflowId", workflowId), JsonObject.class);
        JsonObject state = reply.getJsonObject("state");
        if (state == null) {
            return null;
        }
        try {
            // through the text: a Vert.x JsonObject/JsonArray must never reach another Jackson mapper as a bean
            return Json.MAPPER.readValue(state.encode(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored state of " + workflowId + " is not a " + type.getSimpleName(), e);
        }
    }

    /** Stores the state unless a newer revision is already stored. */
    @SuppressWarnings("unchecked")
    public void save(String workflowId, String workflowType, long revision, Object state) {
        Map<String, Object> map = Json.MAPPER.convertValue(state, Map.class);
        bus.request(Addresses.STATE_SAVE, new JsonObject().put("workflowId", workflowId).put("workflowType", workflowType)
                .put("revision", revision).put("state", new JsonObject(map)), JsonObject.class);
    }
}
