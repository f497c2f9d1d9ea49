package io.tradingstack.ledger;

import java.util.List;

/** The records of the ledger's bus endpoints (bodies and replies), each with a codec. */
public final class LedgerMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(ReserveRequest.class, ReserveReply.class,
            CloseOrder.class, CloseOrder.Closed.class, LedgerQuery.class, PostedFill.class, StoredOrder.class,
            StoredOrder.Open.class, PortfolioStatus.class, LedgerSnapshot.class, LedgerReport.Figures.class,
            LedgerReport.History.class, LedgerReport.Equity.class);

    private LedgerMessages() {
    }
}
