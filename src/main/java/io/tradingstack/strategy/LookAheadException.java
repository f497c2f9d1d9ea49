package io.tradingstack.strategy;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

/** A strategy asked for data that did not exist yet at its decision time. */
public final class LookAheadException extends CodedException {
    public LookAheadException(String message) {
        super(ErrorCode.BACKTEST_LOOK_AHEAD, message);
    }
}
