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

    /** Body of {@code ts.durable.state-list}: the newest {@code limit} states of a workflow type. */
    public record ListRequest(String workflowType, int limit) {
        public ListRequest {
            if (workflowType == null || workflowType.isBlank() || limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("a workflow type and a limit of 1-1000 are required");
            }
        }
    }

    /** Reply of {@code ts.durable.state-list}: newest first. */
    public record Listed(List<WorkflowState> states) {
        public Listed {
            states = List.copyOf(states);
        }
    }

    /** Reply of {@code ts.durable.state-save}: false when a newer revision was already stored. */
    public record Saved(boolean written) {
    }

    /** The records of the state endpoints, each with a codec. */
    public static final List<Class<? extends Record>> MESSAGES = List.of(WorkflowState.class, Load.class, Loaded.class,
            Saved.class, ListRequest.class, Listed.class);
}
