package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders replay trades in Coinbase Exchange's WebSocket and REST shapes (field names and string
 * encodings as in real captured Coinbase messages). {@code replay_time} is the only
 * addition: the recorded time of the trade before the shift to the wall clock.
 */
public final class ReplayMessages {
    private static final int DAY_MINUTES = 24 * 60;
    private final ReplayMarket market;
    private final Map<String, Long> statsMinute = new HashMap<>();
    private final Map<String, String[]> statsCache = new HashMap<>();

    public ReplayMessages(ReplayMarket market) {
        this.market = market;
    }

    public JsonObject ticker(SyntheticTrade t, Instant time) {
        String[] day = dayStats(t);
        return new JsonObject()
                .put("type", "ticker")
                .put("sequence", t.sequence())
                .put("product_id", t.product())
                .put("price", plain(t.price()))
                .put("open_24h", day[0])
                .put("volume_24h", day[1])
                .put("low_24h", day[2])
                .put("high_24h", day[3])
                .put("volume_30d", day[4])
                .put("best_bid", plain(t.bestBid()))
                .put("best_bid_size", plain(t.size()))
                .put("best_ask", plain(t.bestAsk()))
                .put("best_ask_size", plain(t.size()))
                .put("side", t.takerSide())
                .put("time", time.toString())
                .put("trade_id", t.tradeId())
                .put("last_size", plain(t.size()))
                .put("replay_time", Instant.ofEpochSecond(t.sourceEpochSecond()).toString());
    }

    public JsonObject match(SyntheticTrade t, Instant time, boolean last) {
        return new JsonObject()
                .put("type", last ? "last_match" : "match")
                .put("trade_id", t.tradeId())
                .put("maker_order_id", orderId(t.tradeId(), 'm'))
                .put("taker_order_id", orderId(t.tradeId(), 't'))
                .put("side", t.makerSide())
                .put("size", plain(t.size()))
                .put("price", plain(t.price()))
                .put("product_id", t.product())
                .put("sequence", t.sequence())
                .put("time", time.toString())
                .put("replay_time", Instant.ofEpochSecond(t.sourceEpochSecond()).toString());
    }

    public JsonObject heartbeat(String product, long sequence, long lastTradeId, Instant time) {
        return new JsonObject().put("type", "heartbeat").put("sequence", sequence).put("last_trade_id", lastTradeId)
                .put("product_id", product).put("time", time.toString());
    }

    public JsonObject subscriptions(Map<String, ? extends Collection<String>> channels) {
        JsonArray list = new JsonArray();
        channels.forEach((name, ids) -> list.add(new JsonObject().put("name", name).put("product_ids", new JsonArray(ids.stream().toList()))));
        return new JsonObject().put("type", "subscriptions").put("channels", list);
    }

    public JsonObject error(String message, String reason) {
        return new JsonObject().put("type", "error").put("message", message).put("reason", reason);
    }

    /** REST trade row: {@code {trade_id, side, size, price, time}} with the maker side as Coinbase reports it. */
    public JsonObject restTrade(SyntheticTrade t, Instant time) {
        return new JsonObject().put("time", time.toString()).put("trade_id", t.tradeId()).put("price", plain(t.price()))
                .put("size", plain(t.size())).put("side", t.makerSide());
    }

    public JsonObject restTicker(SyntheticTrade t, Instant time) {
        return new JsonObject().put("ask", plain(t.bestAsk())).put("bid", plain(t.bestBid())).put("volume", dayStats(t)[1])
                .put("trade_id", t.tradeId()).put("price", plain(t.price())).put("size", plain(t.size()))
                .put("time", time.toString());
    }

    /** open, volume, low, high over the trailing 24 h and volume over 30 days; cached per minute. */
    private String[] dayStats(SyntheticTrade t) {
        long minute = (t.sourceEpochSecond() / 60) * 60;
        Long cached = statsMinute.get(t.product());
        if (cached != null && cached == minute) {
            return statsCache.get(t.product());
        }
        return computeStats(t, minute);
    }

    private String[] computeStats(SyntheticTrade t, long minute) {
        ReplaySeries s = market.synthesizer(t.product()).series();
        int m = (int) ((minute - s.time(0)) / 60);
        int from = Math.max(0, m - DAY_MINUTES + 1);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = from; i <= m; i++) {
            low = Math.min(low, s.low(i));
            high = Math.max(high, s.high(i));
        }
        String[] out = {decimal(s.open(from), 2), decimal(s.volume(from, m + 1), 8), decimal(low, 2), decimal(high, 2),
                decimal(s.volume(Math.max(0, m - 30 * DAY_MINUTES + 1), m + 1), 8)};
        statsMinute.put(t.product(), minute);
        statsCache.put(t.product(), out);
        return out;
    }

    private static String orderId(long tradeId, char role) {
        return String.format("%08x-0000-4000-8000-%c%011x", tradeId & 0xffffffffL, role == 'm' ? 'a' : 'b', tradeId);
    }

    static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    static String decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    static double decimalValue(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
    }
}
