package io.tradingstack.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradingstack.model.Fill;
import io.tradingstack.runtime.Meters;

/** The ledger's series in the node's metrics. */
final class LedgerMeters {
    private LedgerMeters() {
    }

    /** {@code ts.ledger.postings{result}} per fill posting asked; {@code ts.fills{symbol, side, liquidity}} per fill posted. */
    static void count(MeterRegistry registry, PostedFill posted) {
        Counter.builder(Meters.LEDGER_POSTINGS).description("fill postings asked of the ledger: posted (one balanced entry) or duplicate (already on disk:"
                        + " the ledger workflow's confirming record_fill of every fill, or a retried post)")
                .tag("result", posted.duplicate() ? "duplicate" : "posted").register(registry).increment();
        if (!posted.duplicate()) {
            Fill f = posted.fill();
            Counter.builder(Meters.FILLS).description("fills recorded in the ledger").tag("symbol", f.symbol())
                    .tag("side", f.side().name()).tag("liquidity", f.liquidity().name()).register(registry).increment();
        }
    }
}
