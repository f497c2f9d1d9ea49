package io.tradingstack.backtest;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups fills into round trips: a trade opens when a flat symbol is bought and closes when the
 * position is back to zero. Prices are volume-weighted; pnl is sell notional − buy notional − fees,
 * which equals the ledger's realized pnl minus fees for a closed round trip.
 */
final class TradeBook {
    /** One closed round trip. */
    record Trade(Instant entryTime, Instant exitTime, String symbol, BigDecimal qty, BigDecimal entryPrice,
                 BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees) {
    }

    private static final class Open {
        Instant entryTime;
        BigDecimal buyQty = BigDecimal.ZERO;
        BigDecimal buyNotional = BigDecimal.ZERO;
        BigDecimal sellQty = BigDecimal.ZERO;
        BigDecimal sellNotional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
    }

    private final Map<String, Open> open = new HashMap<>();
    private final List<Trade> closed = new ArrayList<>();

    void onFill(Fill f, BigDecimal positionAfter) {
        Open t = open.computeIfAbsent(f.symbol(), k -> new Open());
        if (t.entryTime == null) {
            t.entryTime = f.time();
        }
        if (f.side() == Side.BUY) {
            t.buyQty = t.buyQty.add(f.qty());
            t.buyNotional = t.buyNotional.add(f.notional());
        } else {
            t.sellQty = t.sellQty.add(f.qty());
            t.sellNotional = t.sellNotional.add(f.notional());
        }
        t.fees = t.fees.add(f.fee());
        if (positionAfter.signum() == 0) {
            open.remove(f.symbol());
            closed.add(new Trade(t.entryTime, f.time(), f.symbol(), t.buyQty, vwap(t.buyNotional, t.buyQty),
                    vwap(t.sellNotional, t.sellQty), t.sellNotional.subtract(t.buyNotional).subtract(t.fees), t.fees));
        }
    }

    List<Trade> closed() {
        return closed;
    }

    int openCount() {
        return open.size();
    }

    private static BigDecimal vwap(BigDecimal notional, BigDecimal qty) {
        return qty.signum() == 0 ? BigDecimal.ZERO : notional.divide(qty, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
