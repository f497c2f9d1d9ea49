package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One business event (a funding, a fill) as a balanced set of postings. The idempotency key is
 * unique across the journal: {@code fill:<fillId>} for fills, the caller's key for fundings.
 */
public record JournalEntry(String idempotencyKey, Instant time, String description, List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(description, "description");
        postings = List.copyOf(postings);
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("an entry needs postings");
        }
    }

    /** True when debits equal credits in every currency the entry touches. */
    public boolean balanced() {
        // per currency, in one pass over the few postings (this runs on every posted fill)
        int n = postings.size();
        for (int i = 0; i < n; i++) {
            String currency = postings.get(i).currency();
            if (firstOf(currency) < i) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int j = i; j < n; j++) {
                Posting p = postings.get(j);
                if (p.currency().equals(currency)) {
                    // exactly one side of a posting is non-zero: one exact operation per posting
                    sum = p.debit().signum() > 0 ? sum.add(p.debit()) : sum.subtract(p.credit());
                }
            }
            if (sum.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    private int firstOf(String currency) {
        for (int i = 0; ; i++) {
            if (postings.get(i).currency().equals(currency)) {
                return i;
            }
        }
    }

    /** Debit minus credit per currency; all zero for a balanced entry. */
    public Map<String, BigDecimal> imbalances() {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Posting p : postings) {
            sums.merge(p.currency(), p.signed(), BigDecimal::add);
        }
        return sums;
    }
}
