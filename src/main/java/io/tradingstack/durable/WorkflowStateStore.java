package io.tradingstack.durable;

import io.tradingstack.runtime.WorkflowState;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The {@code workflow_state} table: one JSON state per workflow id, replaced only by a newer
 * revision, so a retried or reordered save never rolls the state back. Plain class over a pool.
 */
public final class WorkflowStateStore {
    private final Pool pool;

    public WorkflowStateStore(Pool pool) {
        this.pool = pool;
    }

    /** The stored state, or null when nothing is stored. */
    public Future<WorkflowState> load(String workflowId) {
        return pool.preparedQuery("SELECT workflow_id, workflow_type, revision, state::text AS state FROM workflow_state"
                        + " WHERE workflow_id = $1").execute(Tuple.of(workflowId))
                .map(rows -> rows.size() == 0 ? null : stateOf(rows.iterator().next()));
    }

    /** The newest states of a workflow type (last written first). */
    public Future<java.util.List<WorkflowState>> list(String workflowType, int limit) {
        return pool.preparedQuery("SELECT workflow_id, workflow_type, revision, state::text AS state FROM workflow_state"
                        + " WHERE workflow_type = $1 ORDER BY updated_at DESC, workflow_id LIMIT $2")
                .execute(Tuple.of(workflowType, limit))
                .map(rows -> {
                    java.util.List<WorkflowState> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(stateOf(r)));
                    return out;
                });
    }

    /**
     * Stores the state when its revision is newer than the stored one; true when it was written.
     * The text is cast in SQL: bound as jsonb, a Java string would be stored as a JSON string.
     */
    public Future<Boolean> save(WorkflowState s) {
        return pool.preparedQuery("INSERT INTO workflow_state (workflow_id, workflow_type, revision, state)"
                        + " VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT (workflow_id) DO UPDATE"
                        + " SET workflow_type = EXCLUDED.workflow_type, revision = EXCLUDED.revision,"
                        + " state = EXCLUDED.state, updated_at = now() WHERE workflow_state.revision < EXCLUDED.revision")
                .execute(Tuple.of(s.workflowId(), s.workflowType(), s.revision(), s.stateJson()))
                .map(rows -> rows.rowCount() > 0);
    }

    private static WorkflowState stateOf(Row r) {
        return new WorkflowState(r.getString("workflow_id"), r.getString("workflow_type"), r.getLong("revision"),
                r.getString("state"));
    }
}
