package io.tradingstack.ledger;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the PostgreSQL {@link Ledger} to the bus: posting fills (idempotent on the fill id),
 * holding funds for orders, queries, and the equity-curve sampler. Owns no money logic.
 */
public final class LedgerVerticle extends VerticleBase {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerVerticle.class);
    /** Keeps a snapshot well under Temporal's payload limit (2 MB). */
    private static final int MAX_SNAPSHOT_SAMPLES = 5000;
    private final AppContext ctx;
    private Ledger ledger;
    private long sampleSec;
    private long timer = -1;

    private final Pool pool;
    private Recovery.Report recovery;

    public LedgerVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests give each ledger a fresh database); null uses the node's pool. */
    public LedgerVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, LedgerMessages.TYPES);
        sampleSec = ctx.config().integer(ConfigKey.LEDGER_SAMPLE_SECONDS);
        return ctx.postgres().compose(pg -> {
            String quote = Accounts.quote(ctx.config().marketSymbols().get(0));
            BigDecimal scrape = ctx.config().decimal(ConfigKey.PROFIT_SCRAPE_PCT).movePointLeft(2);
            ledger = new Ledger(pool != null ? pool : ctx.pool(), quote, scrape, ctx.config().initialPortfolioBalance());
            return ledger.start().compose(v -> ledger.recover());
        }).compose(report -> {
            recovery = report;
            LOG.info("Ledger rebuilt from PostgreSQL; recovery: {} filled, {} cancelled, {} resting, {} holds released",
                    report.filled(), report.cancelled(), report.resting(), report.releasedHolds());
            return Future.all(List.of(
                    vertx.eventBus().<Fill>consumer(Addresses.LEDGER_POST_FILL, this::postFill).completion(),
                    vertx.eventBus().<ReserveRequest>consumer(Addresses.LEDGER_RESERVE, this::reserve).completion(),
                    vertx.eventBus().<CloseOrder>consumer(Addresses.LEDGER_CLOSE_ORDER, this::closeOrder).completion(),
                    vertx.eventBus().<LedgerQuery>consumer(Addresses.LEDGER_QUERY, this::query).completion()));
        }).onSuccess(v -> {
            ctx.health().register("ledger", () -> Future.<JsonObject>future(p -> context.runOnContext(x ->
                    ledger.book().map(b -> HealthRegistry.up().put("entries", b.entryCount())
                            .put("cash", PortfolioView.plain(b.cash()))
                            .put("recovery", recovery.toJson())).onComplete(p))));
            scheduleSample();
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void postFill(Message<Fill> msg) {
        ledger.postFill(msg.body()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, SqlFailures.coded(ar.cause()));
                return;
            }
            msg.reply(ar.result());
            if (!ar.result().duplicate()) {
                Fill f = ar.result().fill();
                LOG.info("Fill {} of order {}: {} {} {} at {} fee {} ({}), entry {}, realized {}", f.fillId(), f.orderId(),
                        f.side(), f.qty().toPlainString(), f.symbol(), f.price().toPlainString(), f.fee().toPlainString(),
                        f.liquidity(), ar.result().entryId(), ar.result().realizedPnl().toPlainString());
                vertx.eventBus().publish(Addresses.LEDGER_FILL_RECORDED, ar.result().fill());
            }
        });
    }

    private void reserve(Message<ReserveRequest> msg) {
        ledger.reserve(msg.body().orders(), msg.body().allOrNothing())
                .map(ReserveReply::new)
                .onComplete(ar -> reply(msg, ar.result(), ar.cause()));
    }

    private void closeOrder(Message<CloseOrder> msg) {
        String orderId = msg.body().orderId();
        ledger.closeOrder(orderId, msg.body().status())
                .onComplete(ar -> reply(msg, ar.failed() ? null : new CloseOrder.Closed(orderId, ar.result()), ar.cause()));
    }

    private void query(Message<LedgerQuery> msg) {
        Future<?> answer;
        try {
            answer = answer(msg.body());
        } catch (RuntimeException e) {
            answer = Future.failedFuture(new CodedException(ErrorCode.BUS_BAD_MESSAGE, String.valueOf(e.getMessage())));
        }
        answer.onComplete(ar -> reply(msg, ar.result(), ar.cause()));
    }

    /** JSON views for the edges; the order records typed for the execution component. */
    private Future<?> answer(LedgerQuery q) {
        return switch (q.kind()) {
            case STATUS -> marked().compose(marks -> ledger.book().map(b -> PortfolioView.status(b, marks, Instant.now())));
            case RISK -> marked().compose(marks -> ledger.book().map(b -> PortfolioView.risk(b, marks)));
            case HISTORY -> ledger.queries().history(q.from(Instant.now()), q.limit() == null ? 100 : q.limit(), q.symbol())
                    .map(fills -> new JsonObject().put("fills", new JsonArray(fills.stream().map(Json::toJsonObject).toList())));
            case ORDER -> ledger.queries().order(q.orderId()).compose(o -> o == null
                    ? Future.failedFuture(new CodedException(ErrorCode.ORDER_NOT_FOUND, "order " + q.orderId()))
                    : ledger.queries().fillsOfOrder(o.orderId()).map(o::withFills));
            case FILL -> ledger.queries().postedFill(q.fillId(), false).map(Json::toJsonObject);
            case PERFORMANCE -> performance(q.from(Instant.now()));
            case SNAPSHOT -> snapshot(q);
            case OPEN_ORDERS -> ledger.queries().openLimitOrders().map(StoredOrder.Open::new);
        };
    }

    private Future<JsonObject> performance(Instant since) {
        return ledger.queries().equityCurve(since).compose(curve -> ledger.queries().tradeResults(since)
                .map(trades -> new JsonObject(Analytics.performance(curve, trades.stream().map(TradeResult::net).toList(), sampleSec))
                        .put("since", since.toString())));
    }

    /** Status, risk, and what changed after the caller's marks (fill entry id, sample time). */
    private Future<JsonObject> snapshot(LedgerQuery q) {
        Instant samplesAfter = q.samplesAfter() == null ? Instant.EPOCH : q.samplesAfter();
        return marked().compose(marks -> ledger.book().map(b -> new JsonObject()
                        .put("status", PortfolioView.status(b, marks, Instant.now()))
                        .put("risk", PortfolioView.risk(b, marks))
                        .put("sampleSeconds", sampleSec)))
                .compose(out -> ledger.queries().fillsAfter(q.fillsAfter() == null ? 0L : q.fillsAfter(),
                                q.limit() == null ? 1000 : q.limit())
                        .map(f -> out.put("fills", new JsonArray(f.stream().map(Json::toJsonObject).toList()))))
                .compose(out -> ledger.queries().equityCurve(samplesAfter.plusNanos(1))
                        .map(s -> s.subList(Math.max(0, s.size() - MAX_SNAPSHOT_SAMPLES), s.size()))
                        .map(s -> out.put("samples", new JsonArray(s.stream().map(Json::toJsonObject).toList()))));
    }

    private void reply(Message<?> msg, Object body, Throwable error) {
        if (error != null) {
            Replies.fail(msg, SqlFailures.coded(error));
        } else {
            msg.reply(body);
        }
    }

    /** Latest mid of every open symbol; symbols without a tick stay unmarked. */
    private Future<Map<String, BigDecimal>> marked() {
        return ledger.book().compose(b -> {
            Map<String, BigDecimal> marks = new HashMap<>();
            List<Future<?>> asks = new ArrayList<>();
            for (String symbol : b.openSymbols()) {
                asks.add(vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol,
                                new DeliveryOptions().setSendTimeout(2000))
                        .onSuccess(m -> marks.put(symbol, m.body().mid()))
                        .otherwiseEmpty());
            }
            return Future.join(asks).otherwiseEmpty().map(marks);
        });
    }

    private void scheduleSample() {
        long now = System.currentTimeMillis();
        long next = (now / (sampleSec * 1000) + 1) * sampleSec * 1000;
        timer = vertx.setTimer(Math.max(1, next - now), id -> sample(Instant.ofEpochMilli(next))
                .onComplete(ar -> scheduleSample()));
    }

    private Future<Void> sample(Instant at) {
        return marked().compose(marks -> ledger.book().map(b -> new EquitySample(at, b.equity(marks), b.cash(),
                        b.reserve(), PortfolioView.exposure(b, marks))))
                .compose(ledger.queries()::insertSample)
                .otherwiseEmpty();
    }
}
