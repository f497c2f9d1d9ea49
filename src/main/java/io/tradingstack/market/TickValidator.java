package io.tradingstack.market;

import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a parsed ticker message into a {@link Tick} or a {@link DropReason}. Keeps the last
 * accepted trade id per product to reject duplicates and reordering. Never throws on bad input.
 * One instance per feed connection owner; not thread-safe.
 */
public final class TickValidator {
    /** How far ahead of our clock an exchange time may be (clock skew), after which it is "future". */
    public static final Duration MAX_SKEW = Duration.ofSeconds(5);
    private final Set<String> products = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastTradeId = new HashMap<>();
    private final Duration maxAge;

    /** Outcome: exactly one of tick / reason is set. */
    public record Result(Tick tick, DropReason reason) {
    }

    public TickValidator(Set<String> products, Duration maxAge) {
        this.products.addAll(products);
        this.maxAge = maxAge;
    }

    public void setProducts(Set<String> symbols) {
        products.retainAll(symbols);
        products.addAll(symbols);
    }

    public Set<String> products() {
        return Set.copyOf(products);
    }

    public Result validateTicker(FeedMessage m, Instant now, long seq) {
        if (m.productId == null || m.price == null || m.bestBid == null || m.bestAsk == null || m.time == null || m.tradeId == null) {
            return drop(DropReason.MISSING_FIELD);
        }
        if (!products.contains(m.productId)) {
            return drop(DropReason.UNKNOWN_PRODUCT);
        }
        BigDecimal price = positive(m.price);
        BigDecimal bid = positive(m.bestBid);
        BigDecimal ask = positive(m.bestAsk);
        if (price == null || bid == null || ask == null) {
            return drop(DropReason.BAD_PRICE);
        }
        BigDecimal size = m.size == null ? BigDecimal.ZERO : decimal(m.size);
        if (size == null || size.signum() < 0) {
            return drop(DropReason.BAD_SIZE);
        }
        if (bid.compareTo(ask) > 0) {
            return drop(DropReason.BID_ABOVE_ASK);
        }
        Instant time = instant(m.time);
        if (time == null) {
            return drop(DropReason.MISSING_FIELD);
        }
        DropReason timing = timing(time, now);
        if (timing != null) {
            return drop(timing);
        }
        Long tradeId = longValue(m.tradeId);
        DropReason order = tradeId == null ? DropReason.MISSING_FIELD : order(m.productId, tradeId);
        if (order != null) {
            return drop(order);
        }
        lastTradeId.put(m.productId, tradeId);
        Instant source = m.replayTime == null ? null : instant(m.replayTime);
        return new Result(new Tick(m.productId, price, bid, ask, size, time, seq, tradeId, source), null);
    }

    /** Checks a trade's time; null when fresh. */
    public DropReason timing(Instant time, Instant now) {
        if (time.isBefore(now.minus(maxAge))) {
            return DropReason.STALE;
        }
        return time.isAfter(now.plus(MAX_SKEW)) ? DropReason.FUTURE : null;
    }

    private DropReason order(String product, long tradeId) {
        Long last = lastTradeId.get(product);
        if (last == null || tradeId > last) {
            return null;
        }
        return tradeId == last ? DropReason.DUPLICATE_TRADE_ID : DropReason.OUT_OF_ORDER_TRADE_ID;
    }

    private static Result drop(DropReason reason) {
        return new Result(null, reason);
    }

    /** A finite decimal > 0, or null ("NaN", "Infinity", "-1", "0", "abc" are all null). */
    static BigDecimal positive(String raw) {
        BigDecimal v = decimal(raw);
        return v == null || v.signum() <= 0 ? null : v;
    }

    static BigDecimal decimal(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long longValue(String raw) {
        try {
            return raw == null ? null : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant instant(String raw) {
        return IsoTime.parse(raw);
    }
}
