package io.tradingstack.market;

import io.tradingstack.bus.Codecs;
import io.tradingstack.market.replay.ReplayExchange;
import io.tradingstack.market.replay.ReplayMarket;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A replay exchange on a free loopback port and an AppContext (no PostgreSQL, no Temporal) pointing the adapter at it. */
final class ReplayHarness {
    final ReplayExchange exchange;
    final AppContext ctx;

    private ReplayHarness(ReplayExchange exchange, AppContext ctx) {
        this.exchange = exchange;
        this.ctx = ctx;
    }

    static ReplayHarness start(Vertx vertx, double speed, Map<String, String> overrides) throws Exception {
        Codecs.registerAll(vertx);
        ReplayMarket market = ReplayMarket.bundled(List.of("BTC-USD", "ETH-USD"), true, Clock.systemUTC());
        ReplayExchange exchange = new ReplayExchange(vertx, market, speed);
        int port = exchange.start("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        Map<String, String> all = new HashMap<>();
        all.put("REPLAY_PORT", String.valueOf(port));
        all.putAll(overrides);
        return new ReplayHarness(exchange, new AppContext(TestInfra.config(all), vertx));
    }
}
