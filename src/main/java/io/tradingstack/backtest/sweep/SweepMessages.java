package io.tradingstack.backtest.sweep;

import java.util.List;

/**
 * The sweep store's bus records. Request and progress travel as JSON text (exact decimals, one
 * mapper), as the workflow-state endpoints do.
 */
public final class SweepMessages {
    private SweepMessages() {
    }

    /** Body of {@code ts.backtest.sweep-save}. */
    public record Save(String sweepId, String requestJson, String progressJson) {
        public Save {
            if (sweepId == null || sweepId.isBlank() || requestJson == null || progressJson == null) {
                throw new IllegalArgumentException("a sweep id, its request and its progress are required");
            }
        }
    }

    /** Reply of {@code ts.backtest.sweep-save}: false when a newer state was already stored. */
    public record Saved(boolean written) {
    }

    /** Body of {@code ts.backtest.sweep-load}. */
    public record Load(String sweepId) {
        public Load {
            if (sweepId == null || sweepId.isBlank()) {
                throw new IllegalArgumentException("a sweep id is required");
            }
        }
    }

    /** Reply of {@code ts.backtest.sweep-load}: the stored progress as JSON, or null when none is stored. */
    public record Loaded(String progressJson) {
    }

    /** Body of {@code ts.backtest.sweep-list}: the newest {@code limit} sweeps (1-200). */
    public record ListSweeps(int limit) {
        public ListSweeps {
            if (limit < 1 || limit > 200) {
                throw new IllegalArgumentException("limit must be within 1-200, got " + limit);
            }
        }
    }

    /** One sweep as the dashboard lists it. */
    public record Summary(@com.fasterxml.jackson.annotation.JsonProperty("sweep_id") String sweepId, String state, String metric,
                          @com.fasterxml.jackson.annotation.JsonProperty("runs_done") int runsDone,
                          @com.fasterxml.jackson.annotation.JsonProperty("runs_total") int runsTotal,
                          @com.fasterxml.jackson.annotation.JsonProperty("error_code") String errorCode,
                          @com.fasterxml.jackson.annotation.JsonProperty("created_at") String createdAt,
                          @com.fasterxml.jackson.annotation.JsonProperty("updated_at") String updatedAt) {
    }

    /** Reply of {@code ts.backtest.sweep-list}, newest first. */
    public record Listed(List<Summary> sweeps) {
        public Listed {
            sweeps = List.copyOf(sweeps);
        }
    }

    public static final List<Class<? extends Record>> TYPES = List.of(Save.class, Saved.class, Load.class, Loaded.class,
            ListSweeps.class, Listed.class);
}
