package io.tradingstack.ledger;

import java.util.List;

/** Reply of {@code ts.ledger.reserve}: one result per order, in the order of the request. */
public record ReserveReply(List<ReserveResult> results) {
    public ReserveReply {
        results = List.copyOf(results);
    }
}
