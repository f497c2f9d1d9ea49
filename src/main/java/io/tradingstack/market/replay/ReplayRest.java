package io.tradingstack.market.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay exchange's REST paths, shaped like Coinbase Exchange: products, candles (at most 300
 * per request, newest first), ticker and trades (cursor pagination through cb-before/cb-after).
 */
final class ReplayRest {
    static final int MAX_CANDLES = 300;
    static final int MAX_TRADES = 1000;
    private static final Set<Integer> GRANULARITIES = Set.of(60, 300, 900, 3600, 21600, 86400);
    private final ReplayMarket market;
    private final ReplayMessages messages;
    final AtomicLong candleRequests = new AtomicLong();
    final AtomicLong tradeRequests = new AtomicLong();

    ReplayRest(ReplayMarket market, ReplayMessages messages) {
        this.market = market;
        this.messages = messages;
    }

    void mount(Router router) {
        router.get("/products").handler(this::products);
        router.get("/products/:id").handler(rc -> withProduct(rc, id -> json(rc, 200, product(id))));
        router.get("/products/:id/candles").handler(rc -> withProduct(rc, id -> candles(rc, id)));
        router.get("/products/:id/ticker").handler(rc -> withProduct(rc, id ->
                json(rc, 200, messages.restTicker(market.lastTrade(id), market.clock().instant()))));
        router.get("/products/:id/trades").handler(rc -> withProduct(rc, id -> trades(rc, id)));
    }

    private void products(RoutingContext rc) {
        JsonArray out = new JsonArray();
        market.products().forEach(id -> out.add(product(id)));
        json(rc, 200, out);
    }

    private static JsonObject product(String id) {
        String[] parts = id.split("-");
        return new JsonObject().put("id", id).put("base_currency", parts[0]).put("quote_currency", parts[1])
                .put("quote_increment", "0.01").put("base_increment", "0.00000001").put("display_name", parts[0] + "/" + parts[1])
                .put("status", "online").put("trading_disabled", false);
    }

    private void withProduct(RoutingContext rc, java.util.function.Consumer<String> handler) {
        String id = rc.pathParam("id");
        if (!market.knows(id)) {
            json(rc, 404, new JsonObject().put("message", "NotFound"));
            return;
        }
        try {
            handler.accept(id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            json(rc, 400, new JsonObject().put("message", e.getMessage()));
        }
    }

    private void candles(RoutingContext rc, String id) {
        candleRequests.incrementAndGet();
        int granularity = Integer.parseInt(param(rc, "granularity", "60"));
        if (!GRANULARITIES.contains(granularity)) {
            throw new IllegalArgumentException("Unsupported granularity");
        }
        long now = market.clock().instant().getEpochSecond();
        String endRaw = rc.queryParams().get("end");
        String startRaw = rc.queryParams().get("start");
        long end = endRaw == null ? now : seconds(endRaw);
        long start = startRaw == null ? end - (long) (MAX_CANDLES - 1) * granularity : seconds(startRaw);
        long first = Math.floorDiv(start, granularity) * granularity;
        long last = Math.floorDiv(end, granularity) * granularity;
        if (last < first) {
            throw new IllegalArgumentException("start must be before end");
        }
        if ((last - first) / granularity + 1 > MAX_CANDLES) {
            throw new IllegalArgumentException("granularity too small for the requested time range. Count of aggregations requested exceeds 300");
        }
        json(rc, 200, new CandleAggregator(market.synthesizer(id).series(), market.shiftSeconds(), now)
                .rows(first, last, granularity));
    }

    private void trades(RoutingContext rc, String id) {
        tradeRequests.incrementAndGet();
        int limit = Math.min(MAX_TRADES, Math.max(1, Integer.parseInt(param(rc, "limit", "100"))));
        String before = rc.queryParams().get("before");
        String after = rc.queryParams().get("after");
        long newest;
        long oldest;
        if (after != null) {
            newest = Math.min(market.lastTradeId(), Long.parseLong(after) - 1);
            oldest = Math.max(market.firstTradeId(), newest - limit + 1);
        } else if (before != null) {
            oldest = Math.max(market.firstTradeId(), Long.parseLong(before) + 1);
            newest = Math.min(market.lastTradeId(), oldest + limit - 1);
        } else {
            newest = market.lastTradeId();
            oldest = Math.max(market.firstTradeId(), newest - limit + 1);
        }
        JsonArray out = new JsonArray();
        for (long tid = newest; tid >= oldest; tid--) {
            SyntheticTrade t = market.trade(id, tid);
            if (t != null) {
                out.add(messages.restTrade(t, Instant.ofEpochSecond(t.sourceEpochSecond() + market.shiftSeconds())));
            }
        }
        if (!out.isEmpty()) {
            rc.response().putHeader("cb-before", String.valueOf(out.getJsonObject(0).getLong("trade_id")))
                    .putHeader("cb-after", String.valueOf(out.getJsonObject(out.size() - 1).getLong("trade_id")));
        }
        json(rc, 200, out);
    }

    private static String param(RoutingContext rc, String name, String fallback) {
        String v = rc.queryParams().get(name);
        return v == null ? fallback : v;
    }

    /** Coinbase accepts ISO-8601 or unix seconds. */
    static long seconds(String raw) {
        if (raw.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(raw);
        }
        return Instant.parse(raw).getEpochSecond();
    }

    private static void json(RoutingContext rc, int status, Object body) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
    }
}
