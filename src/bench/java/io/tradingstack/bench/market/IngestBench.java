package io.tradingstack.bench.market;

import io.tradingstack.bench.BenchResults;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.market.Backoff;
import io.tradingstack.market.FeedStats;
import io.tradingstack.market.MarketFeed;
import io.tradingstack.market.TickValidator;
import io.tradingstack.market.TradeBackfill;
import io.tradingstack.market.replay.ReplayMarket;
import io.tradingstack.market.replay.ReplayMessages;
import io.tradingstack.market.replay.SyntheticTrade;
import io.tradingstack.model.Tick;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest on one core: real Coinbase-shaped ticker messages (from the replay data) through the
 * adapter's parse + validate + publish path ({@link MarketFeed#onText}), with one bus consumer, on
 * a Vert.x instance with a single event loop. Args: [messagesPerPass] [passes].
 */
public final class IngestBench {
    private static final int BATCH = 10_000;

    public static void main(String[] args) throws Exception {
        int perPass = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> messages = messages(perPass);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        Codecs.registerAll(vertx);
        AtomicLong received = new AtomicLong();
        vertx.eventBus().<Tick>consumer(Addresses.marketTick("BTC-USD"), m -> received.incrementAndGet());
        vertx.eventBus().<Tick>consumer(Addresses.marketTick("ETH-USD"), m -> received.incrementAndGet());
        Context context = vertx.getOrCreateContext();
        run(vertx, context, messages, received);
        long total = 0;
        long nanos = 0;
        FeedStats last = null;
        for (int p = 0; p < passes; p++) {
            long before = received.get();
            FeedStats stats = new FeedStats();
            long t0 = System.nanoTime();
            runPass(vertx, context, messages, received, before, stats);
            nanos += System.nanoTime() - t0;
            total += messages.size();
            last = stats;
        }
        double perSecond = total / (nanos / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event_loops", 1);
        out.put("messages", total);
        out.put("ticks_per_second", Math.round(perSecond));
        out.put("dropped_in_last_pass", last.droppedTotal());
        out.put("goal_ticks_per_second", 200_000);
        out.put("path", "FeedMessage streaming parse + TickValidator + EventBus.publish(localOnly) + 1 consumer per symbol");
        BenchResults.write("market-ingest", out);
        System.out.printf("ingest: %.0f ticks/s over %d messages%n", perSecond, total);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static void run(Vertx vertx, Context context, List<String> messages, AtomicLong received) throws Exception {
        runPass(vertx, context, messages, received, received.get(), new FeedStats());
    }

    private static void runPass(Vertx vertx, Context context, List<String> messages, AtomicLong received, long before,
                                FeedStats stats) throws Exception {
        DeliveryOptions local = new DeliveryOptions().setLocalOnly(true);
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            MarketFeed feed = new MarketFeed(vertx, "ws://127.0.0.1:1/", List.of("BTC-USD", "ETH-USD"),
                    new TickValidator(Set.of("BTC-USD", "ETH-USD"), Duration.ofHours(1)), stats, new TradeBackfill(null, stats),
                    t -> vertx.eventBus().publish(Addresses.marketTick(t.symbol()), t, local),
                    new Backoff(100, 1000, new Random(1)), Duration.ofHours(1), Clock.systemUTC());
            batch(context, feed, messages, 0, done);
        });
        done.future().await(5, TimeUnit.MINUTES);
        long target = before + messages.size() - stats.droppedTotal();
        while (received.get() < target) {
            Thread.onSpinWait();
        }
    }

    private static void batch(Context context, MarketFeed feed, List<String> messages, int from, Promise<Void> done) {
        int to = Math.min(messages.size(), from + BATCH);
        for (int i = from; i < to; i++) {
            feed.onText(messages.get(i));
        }
        if (to == messages.size()) {
            done.complete();
        } else {
            context.runOnContext(v -> batch(context, feed, messages, to, done));
        }
    }

    private static List<String> messages(int count) {
        ReplayMarket market = ReplayMarket.bundled(List.of("BTC-USD", "ETH-USD"), true, Clock.systemUTC());
        ReplayMessages render = new ReplayMessages(market);
        List<String> out = new ArrayList<>(count);
        Instant now = Instant.now();
        while (out.size() < count) {
            for (SyntheticTrade t : market.next()) {
                out.add(render.ticker(t, now).encode());
            }
        }
        return out;
    }
}
