package io.tradingstack.market;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Gap detection on the matches channel and REST backfill. Coinbase trade ids are consecutive per
 * product, so a jump means missed trades (the feed's {@code sequence} also counts non-trade
 * events, so trade ids are the reliable signal). Missed trades are fetched page by page through
 * the cb-after cursor until the gap is covered.
 */
public final class TradeBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(TradeBackfill.class);
    private static final int PAGE = 100;
    /** Beyond this many missed trades a backfill is not attempted (a long outage: use candles instead). */
    private static final long MAX_BACKFILL = 5_000;
    private final CoinbaseRest rest;
    private final FeedStats stats;
    private final Map<String, Long> lastTradeId = new HashMap<>();

    public TradeBackfill(CoinbaseRest rest, FeedStats stats) {
        this.rest = rest;
        this.stats = stats;
    }

    /** Records a trade id; returns a drop reason for duplicates and reordering, null when accepted. */
    public DropReason onTrade(String product, long tradeId, boolean lastMatch) {
        Long last = lastTradeId.get(product);
        if (last != null && tradeId <= last) {
            return lastMatch ? null : tradeId == last ? DropReason.DUPLICATE_TRADE_ID : DropReason.OUT_OF_ORDER_TRADE_ID;
        }
        if (last != null && tradeId > last + 1) {
            long missed = tradeId - last - 1;
            stats.sequenceGaps.incrementAndGet();
            stats.missedTrades.addAndGet(missed);
            LOG.warn("{}: trade id gap {} -> {} ({} missed)", product, last, tradeId, missed);
            if (missed <= MAX_BACKFILL) {
                backfill(product, last, tradeId);
            }
        }
        lastTradeId.put(product, tradeId);
        return null;
    }

    /** Fetches trades with ids in (from, to) through cb-after pagination. */
    Future<Integer> backfill(String product, long from, long to) {
        return page(product, from, to, 0).onSuccess(n -> LOG.info("{}: backfilled {} trades", product, n))
                .onFailure(err -> LOG.warn("{}: backfill failed: {}", product, err.getMessage()));
    }

    private Future<Integer> page(String product, long from, long cursor, int count) {
        return rest.trades(product, null, cursor, PAGE).compose(p -> {
            int added = 0;
            for (JsonObject t : p.trades()) {
                long id = t.getLong("trade_id");
                if (id > from && id < cursor) {
                    added++;
                }
            }
            stats.backfilledTrades.addAndGet(added);
            Long next = p.cbAfter();
            boolean more = next != null && next > from + 1 && next < cursor && !p.trades().isEmpty();
            return more ? page(product, from, next, count + added) : Future.succeededFuture(count + added);
        });
    }
}
