package io.tradingstack.backtest.sweep;

/**
 * What get_sweep_result answers: state (STARTED, RUNNING, DONE, FAILED), runs done of the runs
 * known so far (walk-forward adds its test runs once training is ranked), the result once done,
 * or the error code and message.
 */
public record SweepProgress(String state, int runsDone, int runsTotal, SweepResult result, String errorCode,
                            String error) {
    public static final String STARTED = "STARTED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** Revisions order the saves: a late RUNNING never replaces a DONE or FAILED. */
    public long revision() {
        return DONE.equals(state) || FAILED.equals(state) ? 2 : 1;
    }
}
