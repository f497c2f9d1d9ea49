package io.tradingstack.backtest;

import io.tradingstack.bus.ErrorCode;

/**
 * A backtest run as stored in PostgreSQL (workflow-state store), so its status and result survive
 * a restart of the embedded Temporal service: RUNNING, DONE with the summary (the report stays in
 * its file), or FAILED with the error code and message.
 */
public record BacktestRun(String status, BacktestRequest request, BacktestSummary summary, ErrorCode errorCode,
                          String errorMessage) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** Revisions order the saves: a late RUNNING never replaces a DONE. */
    public long revision() {
        return RUNNING.equals(status) ? 1 : 2;
    }
}
