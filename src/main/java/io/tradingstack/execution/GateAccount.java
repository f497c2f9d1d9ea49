package io.tradingstack.execution;

import io.tradingstack.model.Side;
import io.tradingstack.risk.AccountSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The book as the risk gate judges it, read from the ledger's status view (positions marked at the
 * latest ticks, unmarked ones at cost): equity, spendable cash, sellable quantities, and exposures.
 * Orders approved earlier in the same batch are applied to it, so a batch cannot use one room twice.
 * Cash held by resting buy orders counts toward the portfolio exposure.
 */
final class GateAccount {
    private final BigDecimal equity;
    private BigDecimal cash;
    private BigDecimal pending;
    private final Map<String, BigDecimal> available = new HashMap<>();
    private final Map<String, BigDecimal> exposure = new HashMap<>();

    GateAccount(BigDecimal equity, BigDecimal cash, BigDecimal pending) {
        this.equity = equity;
        this.cash = cash;
        this.pending = pending;
    }

    /** From the ledger's STATUS view ({@code ledger.PortfolioView#status}). */
    static GateAccount of(JsonObject status) {
        BigDecimal cash = dec(status, "cash");
        BigDecimal availableCash = dec(status, "availableCash");
        GateAccount a = new GateAccount(dec(status, "equity"), availableCash, cash.subtract(availableCash).max(BigDecimal.ZERO));
        JsonArray positions = status.getJsonArray("positions", new JsonArray());
        for (int i = 0; i < positions.size(); i++) {
            JsonObject p = positions.getJsonObject(i);
            a.position(p.getString("symbol"), dec(p, "availableQty"), dec(p, "marketValue").abs());
        }
        return a;
    }

    GateAccount position(String symbol, BigDecimal availableQty, BigDecimal marketValue) {
        available.put(symbol, availableQty);
        exposure.put(symbol, marketValue);
        return this;
    }

    BigDecimal equity() {
        return equity;
    }

    BigDecimal available(String symbol) {
        return available.getOrDefault(symbol, BigDecimal.ZERO);
    }

    AccountSnapshot snapshot(String symbol) {
        BigDecimal gross = exposure.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(pending);
        return new AccountSnapshot(equity, cash, available(symbol), exposure.getOrDefault(symbol, BigDecimal.ZERO), gross);
    }

    /** An order approved in this batch: a buy uses cash and adds exposure; a sale frees the quantity it sells. */
    void apply(Side side, String symbol, BigDecimal qty, BigDecimal price, BigDecimal costRate) {
        BigDecimal notional = qty.multiply(price);
        if (side == Side.BUY) {
            cash = cash.subtract(notional.multiply(BigDecimal.ONE.add(costRate)));
            exposure.merge(symbol, notional, BigDecimal::add);
        } else {
            available.merge(symbol, qty.negate(), BigDecimal::add);
            exposure.merge(symbol, notional.negate(), (a, b) -> a.add(b).max(BigDecimal.ZERO));
        }
        pending = pending.max(BigDecimal.ZERO);
    }

    private static BigDecimal dec(JsonObject o, String key) {
        Object v = o.getValue(key);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
    }
}
