package io.tradingstack.features;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verticle on a real event bus: warm-up from a market stand-in that answers Coinbase-shaped
 * rows for 1m (and fails for 5m, which must start cold), ticks in, vectors out, and the
 * request/reply endpoints.
 */
@ExtendWith(VertxExtension.class)
class FeaturesVerticleTest {

    @Test
    void warmsPublishesAndAnswers(Vertx vertx, VertxTestContext test) {
        Codecs.registerAll(vertx);
        Timeframe m1 = Timeframe.parse("1m");
        Instant minute = m1.bucketStart(Instant.now());
        // live ticks at the start of a future day: independent of the wall clock, the 1m bar closes
        // on the third tick while the 5m bar stays open, and the 1 s timer closes nothing
        Instant live = Timeframe.parse("1d").bucketStart(Instant.now()).plusSeconds(2 * 86400);
        List<Candle> real = MarketFiles.btc1m().subList(0, 300);
        JsonArray rows = new JsonArray();
        for (int i = 0; i < real.size(); i++) {
            Candle c = real.get(i);
            long t = minute.getEpochSecond() - 60L * (real.size() - i);
            rows.add(new JsonArray().add(t).add(c.low()).add(c.high()).add(c.open()).add(c.close()).add(c.volume()));
        }
        JsonArray hourly = new JsonArray();
        Instant hour = Timeframe.parse("1h").bucketStart(Instant.now());
        List<Candle> eth = MarketFiles.eth1m().subList(0, 120);
        for (int i = 0; i < eth.size(); i++) {
            Candle c = eth.get(i);
            hourly.add(new JsonObject().put("start", hour.minusSeconds(3600L * (eth.size() - i)).toString())
                    .put("open", c.open()).put("high", c.high()).put("low", c.low()).put("close", c.close()).put("volume", c.volume()));
        }
        vertx.eventBus().<CandleFetch>consumer(Addresses.MARKET_FETCH_CANDLES, m -> {
            if (m.body().granularity() == 60 && "BTC-USD".equals(m.body().symbol())) {
                m.reply(new JsonObject().put("candles", rows));
            } else if (m.body().granularity() == 3600 && "ETH-USD".equals(m.body().symbol())) {
                m.reply(new JsonObject().put("candles", hourly));
            } else {
                Replies.fail(m, ErrorCode.MARKET_EXCHANGE_ERROR, "stand-in has no such history");
            }
        });
        AppContext ctx = new AppContext(TestInfra.config(Map.of("MARKET_SYMBOLS", "BTC-USD",
                "FEATURES_TIMEFRAMES", "1m,5m", "FEATURES_MAX_BARS", "500")), vertx);
        vertx.eventBus().<FeatureVector>consumer(Addresses.featuresVector("BTC-USD"), m -> {
            FeatureVector v = m.body();
            if (!"1m".equals(v.timeframe())) {
                return;
            }
            test.verify(() -> {
                assertEquals(301, v.bars(), "300 warm bars + the first live bar");
                assertNotNull(v.rsi14());
                assertNotNull(v.macdSignal());
                assertNotNull(v.sma50());
                assertEquals(live, v.barTime());
                assertTrue(v.ageSeconds() >= 0);
            });
            checkEndpoints(vertx, ctx, test);
        });
        vertx.deployVerticle(new FeaturesVerticle(ctx))
                .compose(id -> vertx.deployVerticle(new io.tradingstack.app.HttpVerticle(ctx)))
                .onComplete(test.succeeding(id -> {
            double p = real.get(real.size() - 1).close();
            vertx.eventBus().publish(Addresses.marketTick("BTC-USD"), tick(live.plusSeconds(1), p, 1L));
            vertx.eventBus().publish(Addresses.marketTick("BTC-USD"), tick(live.plusSeconds(2), p + 5, 2L));
            vertx.eventBus().publish(Addresses.marketTick("BTC-USD"), tick(live.plusSeconds(61), p + 7, 3L));
        }));
    }

    private static Tick tick(Instant t, double price, long tradeId) {
        BigDecimal px = BigDecimal.valueOf(price);
        return new Tick("BTC-USD", px, px, px, new BigDecimal("0.5"), t, tradeId, tradeId, null);
    }

    private static void checkEndpoints(Vertx vertx, AppContext ctx, VertxTestContext test) {
        var bus = vertx.eventBus();
        bus.<FeatureVector>request(Addresses.FEATURES_LATEST_VECTOR, "BTC-USD")
                .compose(latest -> {
                    test.verify(() -> assertEquals(301, latest.body().bars()));
                    return bus.<JsonObject>request(Addresses.FEATURES_LIST_METRICS, new JsonObject());
                })
                .compose(list -> {
                    test.verify(() -> assertTrue(list.body().getInteger("count") >= 30));
                    return bus.<JsonObject>request(Addresses.FEATURES_COMPUTE_METRICS, metrics(new JsonObject()
                            .put("symbol", "BTC-USD").put("timeframe", "1m").put("features", new JsonArray().add("RSI")).put("tail", 2)));
                })
                .compose(computed -> {
                    test.verify(() -> {
                        assertEquals(301, computed.body().getInteger("rows"));
                        assertEquals(2, computed.body().getJsonArray("preview").size());
                    });
                    return bus.request(Addresses.FEATURES_COMPUTE_METRICS, metrics(new JsonObject()
                            .put("symbol", "BTC-USD").put("features", new JsonArray().add("NOPE"))))
                            .map(x -> (Throwable) null).recover(err -> io.vertx.core.Future.succeededFuture(err));
                })
                .compose(err -> {
                    test.verify(() -> assertEquals(ErrorCode.FEATURES_UNKNOWN_INDICATOR, Replies.codeOf(err)));
                    return bus.request(Addresses.FEATURES_LATEST_VECTOR, new JsonObject().put("symbol", "BTC-USD").put("timeframe", "5m"))
                            .map(x -> (Throwable) null).recover(e -> io.vertx.core.Future.succeededFuture(e));
                })
                .compose(err -> {
                    test.verify(() -> assertEquals(ErrorCode.FEATURES_NOT_WARM, Replies.codeOf(err), "5m started cold and has no bar"));
                    return bus.<JsonObject>request(Addresses.FEATURES_COMPUTE_METRICS, metrics(new JsonObject()
                            .put("symbol", "ETH-USD").put("timeframe", "1h").put("features", "SMA").put("tail", 1)));
                })
                .compose(fetched -> {
                    test.verify(() -> {
                        assertEquals(120, fetched.body().getInteger("rows"), "untracked symbol fetched from market");
                        assertNotNull(fetched.body().getJsonArray("preview").getJsonObject(0).getDouble("SMA_20"));
                    });
                    return bus.request(Addresses.FEATURES_COMPUTE_METRICS, metrics(new JsonObject()
                            .put("symbol", "ETH-USD").put("timeframe", "1h").put("fetch_if_missing", false)))
                            .map(x -> (Throwable) null).recover(e -> io.vertx.core.Future.succeededFuture(e));
                })
                .compose(err -> {
                    test.verify(() -> assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, Replies.codeOf(err)));
                    return http(vertx, ctx, "/features/BTC-USD?timeframe=1m");
                })
                .compose(ok -> {
                    test.verify(() -> {
                        assertEquals(200, ok.getInteger("status"));
                        assertEquals(301, ok.getJsonObject("body").getInteger("bars"));
                        assertEquals("1m", ok.getJsonObject("body").getString("timeframe"));
                    });
                    return http(vertx, ctx, "/features/DOGE-USD");
                })
                .onComplete(test.succeeding(missing -> test.verify(() -> {
                    assertEquals(404, missing.getInteger("status"));
                    assertEquals(3001, missing.getJsonObject("body").getInteger("code"));
                    test.completeNow();
                })));
    }

    /** A compute request read as the MCP tool reads its arguments (FEATURES_MAX_BARS of this node: 500). */
    private static MetricsRequest metrics(JsonObject body) {
        return MetricsRequest.parse(body, 500);
    }

    private static io.vertx.core.Future<JsonObject> http(Vertx vertx, AppContext ctx, String path) {
        return vertx.createHttpClient().request(io.vertx.core.http.HttpMethod.GET, ctx.config().httpPort(), "127.0.0.1", path)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(b -> new JsonObject().put("status", resp.statusCode()).put("body", b.toJsonObject())));
    }
}
