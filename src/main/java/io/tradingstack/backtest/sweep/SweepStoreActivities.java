package io.tradingstack.backtest.sweep;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Keeps a sweep's state in PostgreSQL (V90), so get_sweep_result answers after a restart. */
@ActivityInterface
public interface SweepStoreActivities {
    /** Idempotent: a save never replaces a newer revision; a finished sweep stores each run once. */
    @ActivityMethod
    void recordSweep(String sweepId, SweepRequest request, SweepProgress progress);
}
