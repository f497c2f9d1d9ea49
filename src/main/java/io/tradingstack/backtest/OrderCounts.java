package io.tradingstack.backtest;

import java.util.LinkedHashMap;
import java.util.Map;

/** What happened to approved orders at execution; reported as {@code orders}. */
final class OrderCounts {
    long submitted;
    long filled;
    long resizedForCash;
    long rejectedAtFill;
    long unfilledAtEnd;
    long pendingEntryConflict;

    Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("submitted", submitted);
        m.put("filled", filled);
        m.put("resized_for_cash", resizedForCash);
        m.put("rejected_at_fill", rejectedAtFill);
        m.put("unfilled_at_end", unfilledAtEnd);
        m.put("pending_entry_conflict", pendingEntryConflict);
        return m;
    }
}
