package io.tradingstack.ledger;

import io.tradingstack.model.OrderStatus;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the journal's invariants straight from SQL, independently of the code that wrote it:
 * every entry balances per currency, positions equal the sum of fills, cash plus reserve equals
 * funding minus what buys cost plus what sells brought, nothing is negative that cannot be.
 */
public final class LedgerVerifier {
    private static final String WORKING_SQL = OrderStatus.sqlList(OrderStatus.WORKING);
    private final Connection db;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** What the verification found; {@code ok()} when there is no violation. */
    public record Report(List<String> violations, Map<String, Object> figures) {
        public boolean ok() {
            return violations.isEmpty();
        }

        public String render() {
            StringBuilder sb = new StringBuilder();
            figures.forEach((k, v) -> sb.append(String.format("%-28s %s%n", k, v)));
            sb.append(ok() ? "OK: all ledger invariants hold" : "FAILED: " + violations.size() + " violation(s)").append('\n');
            violations.forEach(v -> sb.append("  - ").append(v).append('\n'));
            return sb.toString();
        }
    }

    public LedgerVerifier(Connection db) {
        this.db = db;
    }

    public Report verify() throws SQLException {
        figures.put("journal entries", scalar("SELECT COUNT(*) FROM journal_entries"));
        figures.put("postings", scalar("SELECT COUNT(*) FROM postings"));
        figures.put("fills", scalar("SELECT COUNT(*) FROM fills"));
        figures.put("orders", scalar("SELECT COUNT(*) FROM orders"));
        each("SELECT e.id, p.currency, SUM(p.debit) - SUM(p.credit) FROM journal_entries e JOIN postings p ON p.entry_id = e.id"
                + " GROUP BY e.id, p.currency HAVING SUM(p.debit) <> SUM(p.credit)", "entry %s does not balance in %s: %s");
        each("SELECT e.id, e.idempotency_key FROM journal_entries e WHERE NOT EXISTS (SELECT 1 FROM postings p WHERE p.entry_id = e.id)",
                "entry %s (%s) has no postings");
        each("SELECT currency, SUM(debit) - SUM(credit) FROM postings GROUP BY currency HAVING SUM(debit) <> SUM(credit)",
                "trial balance of %s is %s, not zero");
        each("SELECT s.symbol, s.qty, COALESCE(b.balance, 0) FROM (SELECT symbol, SUM(CASE side WHEN 'BUY' THEN qty ELSE -qty END) AS qty"
                + " FROM fills GROUP BY symbol) s LEFT JOIN account_balances b ON b.account = 'position:' || s.symbol"
                + " WHERE s.qty <> COALESCE(b.balance, 0)", "position of %s: fills sum to %s, journal holds %s");
        each("SELECT account, balance FROM account_balances WHERE balance < 0 AND (account IN ('cash', 'reserve')"
                + " OR account LIKE 'position:%' OR account LIKE 'holdings:%')", "%s is negative: %s");
        each("SELECT f.fill_id FROM fills f JOIN journal_entries e ON e.id = f.entry_id WHERE e.idempotency_key <> 'fill:' || f.fill_id",
                "fill %s points at another event's entry");
        each("SELECT e.idempotency_key FROM journal_entries e WHERE e.kind = 'fill' AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.entry_id = e.id)",
                "fill entry %s has no fill row");
        each("SELECT o.order_id, o.filled_qty, COALESCE(SUM(f.qty), 0) FROM orders o LEFT JOIN fills f ON f.order_id = o.order_id"
                + " GROUP BY o.order_id, o.filled_qty HAVING o.filled_qty <> COALESCE(SUM(f.qty), 0)",
                "order %s says filled %s, its fills sum to %s");
        each("SELECT r.order_id, o.status FROM reservations r JOIN orders o ON o.order_id = r.order_id"
                + " WHERE o.status NOT IN " + WORKING_SQL, "reservation of finished order %s (%s)");
        each("SELECT r.order_id FROM reservations r LEFT JOIN orders o ON o.order_id = r.order_id WHERE o.order_id IS NULL",
                "reservation %s belongs to no known order");
        each("SELECT o.order_id, o.type FROM orders o WHERE o.status IN " + WORKING_SQL
                + " AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = o.order_id)",
                "open order %s (%s) has no reservation row");
        figures.put("open orders", scalar("SELECT COUNT(*) FROM orders WHERE status IN " + WORKING_SQL));
        figures.put("reservations", scalar("SELECT COUNT(*) FROM reservations"));
        checkCash();
        return new Report(List.copyOf(violations), new LinkedHashMap<>(figures));
    }

    private void checkCash() throws SQLException {
        BigDecimal funding = decimal("SELECT COALESCE(-SUM(balance), 0) FROM account_balances WHERE account = 'funding'");
        BigDecimal buys = decimal("SELECT COALESCE(SUM(qty * price + fee), 0) FROM fills WHERE side = 'BUY'");
        BigDecimal sells = decimal("SELECT COALESCE(SUM(qty * price - fee), 0) FROM fills WHERE side = 'SELL'");
        BigDecimal cash = decimal("SELECT COALESCE(SUM(balance), 0) FROM account_balances WHERE account = 'cash'");
        BigDecimal reserve = decimal("SELECT COALESCE(SUM(balance), 0) FROM account_balances WHERE account = 'reserve'");
        figures.put("funding", funding.toPlainString());
        figures.put("cash", cash.toPlainString());
        figures.put("reserve", reserve.toPlainString());
        BigDecimal expected = funding.subtract(buys).add(sells);
        if (expected.compareTo(cash.add(reserve)) != 0) {
            violations.add("cash + reserve is " + cash.add(reserve).toPlainString() + ", funding - buys + sells is "
                    + expected.toPlainString());
        }
    }

    private void each(String sql, String format) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] args = new Object[n];
                for (int i = 0; i < n; i++) {
                    args[i] = rs.getObject(i + 1);
                }
                violations.add(String.format(format, args));
            }
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
