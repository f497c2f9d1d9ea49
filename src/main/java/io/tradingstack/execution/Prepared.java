package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.ReserveResult.Outcome;
import io.tradingstack.model.Tick;

/** The pre-trade verdict for one intent: ACCEPTED, DUPLICATE, RECORDED or REJECTED (with code), and the tick it was checked at. */
public record Prepared(String orderId, Outcome status, ErrorCode code, String message, Tick tick) {

    public boolean rejected() {
        return status == Outcome.REJECTED;
    }
}
