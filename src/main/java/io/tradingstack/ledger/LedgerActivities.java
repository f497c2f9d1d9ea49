package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The ledger workflow's side of the bus: posting fills (idempotent on the fill id) and snapshots. */
@ActivityInterface
public interface LedgerActivities {
    @ActivityMethod
    PostedFill persistFill(Fill fill);

    /** Status and risk now, fills after an entry id and equity samples after a time (ISO-8601). */
    @ActivityMethod
    LedgerSnapshot snapshot(long fillsAfter, String samplesAfter, int limit);
}
