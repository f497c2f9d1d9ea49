package io.tradingstack.runtime;

import java.util.List;

/**
 * The stored state of a stateful workflow, as {@code ts.durable.state-save} takes it and
 * {@code ts.durable.state-load} answers it. The state is JSON text, so decimals stay exact and no
 * Vert.x JsonObject meets another mapper on the way.
 */
public record WorkflowState(String workflowId, String workflowType, long revision, String stateJson) {
    public WorkflowState {
        if (workflowId == null || workflowId.isBlank()) {
            throw new IllegalArgumentException("workflowId is required");
        }
        if (stateJson == null || !stateJson.startsWith("{")) {
            throw new IllegalArgumentException("state must be a JSON object");
        }
        workflowType = workflowType == null ? "" : workflowType;
    }

    /** Body of {@code ts.durable.state-load}: whose state. */
    public record Load(String workflowId) {
        public Load {
            if (workflowId == null || workflowId.isBlank()) {
                throw new IllegalArgumentException("workflowId is required");
            }
        }
    }

    /** Reply of {@code ts.durable.state-load}: the state, or null when none is stored. */
    public record Loaded(WorkflowState state) {
    }

    /** Reply of {@code ts.durable.state-save}: false when a newer revision was already stored. */
    public record Saved(boolean written) {
    }

    /** The records of the state endpoints, each with a codec. */
    public static final List<Class<? extends Record>> MESSAGES = List.of(WorkflowState.class, Load.class, Loaded.class,
            Saved.class);
}
