package io.tradingstack.runtime;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Json;
import io.vertx.core.Vertx;

/**
 * What activities of stateful workflows use to load and save their state through the
 * workflow-state verticle of the durable component (bounded bus requests on the activity thread).
 */
public final class StateBridge {
    private final BusBridge bus;

    public StateBridge(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        Codecs.register(vertx, WorkflowState.MESSAGES);
    }

    /** The stored state of a workflow as {@code type}, or null when none is stored. */
    public <T> T load(String workflowId, Class<T> type) {
        WorkflowState stored = bus.request(Addresses.STATE_LOAD, new WorkflowState.Load(workflowId), WorkflowState.Loaded.class)
                .state();
        if (stored == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(stored.stateJson(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored state of " + workflowId + " is not a " + type.getSimpleName(), e);
        }
    }

    /** Stores the state unless a newer revision is already stored. */
    public void save(String workflowId, String workflowType, long revision, Object state) {
        bus.request(Addresses.STATE_SAVE, new WorkflowState(workflowId, workflowType, revision, Json.write(state)),
                WorkflowState.Saved.class);
    }
}
