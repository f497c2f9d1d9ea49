package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The ledger's pure decisions on orders and entries (no I/O): kept apart so {@link Ledger} stays about sequencing. */
final class LedgerRules {
    private LedgerRules() {
    }

    /** Checks a fill against its order (known orders only) and counts it against what is left. */
    static void consumeOrder(Fill fill, Map<String, BigDecimal> open) {
        if (fill.orderId() == null || !open.containsKey(fill.orderId())) {
            return;
        }
        BigDecimal left = open.get(fill.orderId());
        if (left == null) {
            throw new CodedException(ErrorCode.ORDER_CLOSED, "order " + fill.orderId() + " is closed; fill "
                    + fill.fillId() + " refused");
        }
        if (fill.qty().compareTo(left) > 0) {
            throw new CodedException(ErrorCode.ORDER_INVALID, "fill " + fill.fillId() + " of " + fill.qty().toPlainString()
                    + " exceeds the " + left.toPlainString() + " order " + fill.orderId() + " still wants");
        }
        open.put(fill.orderId(), left.subtract(fill.qty()));
    }

    static BigDecimal cashOut(JournalEntry entry) {
        return entry.postings().stream().filter(p -> p.account().equals(Accounts.CASH))
                .map(Posting::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A retry of the same request carries on while its order is open and gets the final outcome once it is closed. */
    static ReserveResult seenBefore(OrderRequest r, LedgerQueries.Existing original) {
        boolean sameRequest = original.requestId().equals(r.requestId()) && original.orderId().equals(r.orderId());
        if (!sameRequest) {
            return new ReserveResult(original.orderId(), ReserveResult.Outcome.DUPLICATE, null, "client order id exists");
        }
        return original.open() ? new ReserveResult(r.orderId(), ReserveResult.Outcome.ACCEPTED, null, "already recorded")
                : new ReserveResult(r.orderId(), ReserveResult.Outcome.RECORDED, null, "already recorded and closed");
    }

    static List<ReserveResult> batchRejected(List<ReserveResult> results) {
        String why = results.stream().filter(ReserveResult::rejected)
                .map(x -> x.orderId() + ": " + x.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return results.stream().map(x -> x.rejected() || x.status() == ReserveResult.Outcome.DUPLICATE ? x
                : new ReserveResult(x.orderId(), ReserveResult.Outcome.REJECTED, x.code() == null ? ErrorCode.ORDER_INVALID : x.code(),
                "all-or-nothing batch rejected: " + why)).toList();
    }

    static BigDecimal realized(JournalEntry entry) {
        return entry.postings().stream().filter(p -> p.account().equals(Accounts.REALIZED_PNL))
                .map(p -> p.credit().subtract(p.debit())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
