package io.tradingstack.web;

import io.tradingstack.bus.Plain;
import io.tradingstack.ledger.PortfolioStatus;
import io.tradingstack.ledger.PortfolioView;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The house conventions for the dashboard's JSON answers: snake_case keys (through {@link Plain})
 * and amounts as exact JSON numbers. The ledger sends amounts over the bus as exact decimal text
 * (a number would come back as a double from a clustered bus); the keys that hold amounts are
 * turned back into numbers here, at any depth.
 */
final class Shapes {
    static final Set<String> AMOUNTS = Set.of("cash", "available_cash", "reserve", "equity", "funding", "realized_pnl",
            "fees", "fee", "qty", "available_qty", "average_cost", "cost_basis", "mark", "market_value", "unrealized_pnl",
            "price", "limit_price", "filled_qty", "exposure", "pnl_gross", "pnl_net");

    private Shapes() {
    }

    /** Any ledger view as plain JSON with numbers for amounts. */
    static Map<String, Object> ledger(JsonObject view) {
        Map<String, Object> out = Plain.object(view);
        numbers(out);
        return out;
    }

    /** The portfolio status plus the ledger's P&L gross (before fees) and net (after fees). */
    static Map<String, Object> portfolio(PortfolioStatus status) {
        Map<String, Object> out = ledger(new JsonObject(PortfolioView.asMap(status)));
        out.put("pnl_gross", Plain.decimal(status.pnlGross()));
        out.put("pnl_net", Plain.decimal(status.pnlNet()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void numbers(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (AMOUNTS.contains(e.getKey()) && e.getValue() instanceof String text && isDecimal(text)) {
                    e.setValue(Plain.decimal(new BigDecimal(text)));
                } else {
                    numbers(e.getValue());
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(Shapes::numbers);
        }
    }

    private static boolean isDecimal(String text) {
        return text.matches("-?\\d{1,30}(\\.\\d{1,30})?");
    }
}
