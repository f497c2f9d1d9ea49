package io.tradingstack.mcp;

import io.tradingstack.ledger.PortfolioAnswers;
import io.tradingstack.ledger.PortfolioShapes;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * Portfolio, history and metrics tools: queries on the ledger workflow {@code mock-ledger}, started
 * if missing (describe, then start, like the reference). Positions are re-marked with the feed's
 * latest ticks (see {@link PortfolioShapes}), so prices are as live as the feed.
 */
final class LedgerTools {
    private static final int NOT_READY_TRIES = 20;
    private static final long NOT_READY_PAUSE_MS = 100;
    private static final long TICK_WAIT_MS = 1_000;
    /**
     * How long one answer of the ledger workflow's status query serves other calls. The workflow's
     * snapshot itself changes only on a fill or at its sampling interval; a recorded fill drops the
     * cached answer at once, so a cached book is never older than this after a change.
     */
    static final long STATUS_CACHE_NANOS = 250_000_000L;

    private final ToolContext ctx;
    private volatile Cached cached;

    private record Cached(Map<String, Object> status, long at) {
    }

    LedgerTools(ToolContext ctx) {
        this.ctx = ctx;
        ctx.vertx().eventBus().consumer(Addresses.LEDGER_FILL_RECORDED, m -> cached = null);
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of("get_portfolio_status", Tier.READ, "Cash, positions with entry and current prices (live "
                        + "from the feed, or flagged with their age), P&L gross and net of fees (total_pnl = value - "
                        + "funding), reserve (scraped profits) and price-data quality. Query get_portfolio_status on "
                        + "workflow mock-ledger.", Schemas.empty(), PortfolioAnswers.Status.class, ToolSpec.Hints.READ,
                        call -> marked(PortfolioShapes::portfolioStatus)),
                ToolSpec.of("get_transaction_history", Tier.READ, "Fills, newest first: {transactions, count, "
                        + "since_timestamp, limit}. Query get_transaction_history on workflow mock-ledger.",
                        object(props("since_ts", integer("only fills at or after this Unix time (seconds); 0 = all", 0,
                                        32_503_680_000L, 0L),
                                "limit", integer("maximum fills returned", 1, 10_000, 1000L),
                                "symbol", symbol("only this product"))),
                        History.class, ToolSpec.Hints.READ, this::history),
                ToolSpec.of("get_performance_metrics", Tier.READ, "Trades, win rate, average trade P&L (net of the "
                        + "closing fee), P&L of the window (equity change, net of fees), max drawdown, Sharpe and Sortino "
                        + "ratios over a window; a figure without enough data is null with its reason. Query "
                        + "get_performance_metrics on workflow mock-ledger.",
                        object(props("window_days", integer("window in days", 1, 3650, 30L))),
                        PortfolioAnswers.Performance.class, ToolSpec.Hints.READ, this::performance),
                ToolSpec.of("get_risk_metrics", Tier.READ, "Portfolio value, cash ratio, largest position concentration, "
                        + "number of positions, exposure, leverage, at the same live marks as get_portfolio_status. "
                        + "Query get_portfolio_status on workflow mock-ledger.", Schemas.empty(), PortfolioAnswers.Risk.class,
                        ToolSpec.Hints.READ, call -> marked(PortfolioShapes::risk)),
                ToolSpec.of("get_pnl_status_with_quality", Tier.READ, "Realized and unrealized P&L (gross and net of "
                        + "fees) with the freshness of the prices behind them. Query get_portfolio_status on workflow "
                        + "mock-ledger.", Schemas.empty(), PortfolioAnswers.PnlQuality.class, ToolSpec.Hints.READ,
                        call -> marked(PortfolioShapes::pnlWithQuality)));
    }

    /** A rendering of the ledger snapshot at live marks. */
    @FunctionalInterface
    interface Shape {
        Record render(Map<String, Object> ledger, List<PortfolioShapes.Marked> marked, Instant now);
    }

    private Future<ToolResult> marked(Shape shape) {
        return status().compose(ledger -> latestTicks(ledger).map(ticks -> {
            Instant now = Instant.now();
            List<PortfolioShapes.Marked> marked = PortfolioShapes.mark(ledger, ticks, now);
            return ToolResult.ok(shape.render(ledger, marked, now));
        }));
    }

    /** The feed's latest tick of every open symbol; a symbol without one is simply absent. */
    private Future<Map<String, Tick>> latestTicks(Map<String, Object> ledger) {
        Map<String, Tick> ticks = new ConcurrentHashMap<>();
        List<Future<?>> asks = new ArrayList<>();
        for (Map<String, Object> p : PortfolioShapes.positions(ledger)) {
            String symbol = String.valueOf(p.get("symbol"));
            asks.add(ctx.vertx().eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol,
                            new DeliveryOptions().setSendTimeout(TICK_WAIT_MS))
                    .onSuccess(m -> ticks.put(symbol, m.body())).otherwiseEmpty());
        }
        return asks.isEmpty() ? Future.succeededFuture(ticks) : Future.join(asks).otherwiseEmpty().map(v -> ticks);
    }

    /** The ledger's status once the workflow has rebuilt it from PostgreSQL (empty before); see {@link #STATUS_CACHE_NANOS}. */
    @SuppressWarnings("unchecked")
    private Future<Map<String, Object>> status() {
        Cached c = cached;
        if (c != null && System.nanoTime() - c.at() < STATUS_CACHE_NANOS) {
            return Future.succeededFuture(c.status());
        }
        long asked = System.nanoTime();
        return ctx.temporal().queryStartedWhen(ledgerId(), DurableNames.Ledger.TYPE, DurableNames.Ledger.PORTFOLIO_STATUS, Map.class,
                m -> !m.isEmpty(), java.time.Duration.ofSeconds(20)).map(m -> {
                    Map<String, Object> status = (Map<String, Object>) m;
                    cached = new Cached(status, asked);
                    return status;
                });
    }

    /** The ledger workflow of this stack's task queue (the one its fills are signalled to). */
    private String ledgerId() {
        return DurableNames.Ledger.id(ctx.temporal().taskQueue());
    }

    @SuppressWarnings("unchecked")
    private Future<Map<String, Object>> query(String name, Object... args) {
        return patiently(() -> ctx.temporal().queryStarted(ledgerId(), DurableNames.Ledger.TYPE, name, Map.class, args), NOT_READY_TRIES)
                .map(m -> (Map<String, Object>) m);
    }

    /**
     * The ledger workflow reloads its snapshot for a moment after each continue-as-new and answers
     * NOT_READY meanwhile; a few short retries hide that. A node still starting answers NOT_READY.
     */
    private <T> Future<T> patiently(java.util.function.Supplier<Future<T>> query, int triesLeft) {
        return query.get().recover(err -> {
            boolean notReady = err instanceof io.tradingstack.bus.CodedException c && c.code() == io.tradingstack.bus.ErrorCode.NOT_READY;
            if (!notReady || triesLeft <= 1) {
                return Future.failedFuture(err);
            }
            return Future.<Void>future(p -> ctx.vertx().setTimer(NOT_READY_PAUSE_MS, t -> p.complete()))
                    .compose(v -> patiently(query, triesLeft - 1));
        });
    }

    private Future<ToolResult> history(ToolCall call) {
        long since = call.longValue("since_ts", 0);
        int limit = call.integer("limit", 1000);
        String symbol = call.string("symbol", null);
        if (symbol != null && ctx.unknownSymbol(List.of(symbol)) != null) {
            return Future.succeededFuture(ctx.unknownSymbol(List.of(symbol)));
        }
        String sinceIso = since <= 0 ? null : Instant.ofEpochSecond(since).toString();
        return patiently(() -> ctx.temporal().queryStarted(ledgerId(), DurableNames.Ledger.TYPE, DurableNames.Ledger.TRANSACTION_HISTORY, List.class,
                        sinceIso, limit, symbol), NOT_READY_TRIES)
                .map(list -> {
                    List<Transaction> tx = ((List<?>) list).stream().map(LedgerTools::transaction).toList();
                    return ToolResult.ok(new History(tx, tx.size(), Instant.ofEpochSecond(since), limit));
                });
    }

    @Doc("fills, newest first")
    record History(@Doc("newest first") List<Transaction> transactions,
                   @Doc(value = "fills returned", min = 0) int count,
                   @Doc("lower bound applied") Instant sinceTimestamp,
                   @Doc(value = "maximum returned", min = 0) int limit) {
    }

    /** A posted fill flattened: the fill's fields plus its journal entry, realized P&L and order status. */
    record Transaction(@Doc("fill") String fillId, @Doc("order") String orderId, @Doc("product") String symbol,
                       @Doc("side") Side side, @Doc("quantity") BigDecimal qty,
                       @Doc("fill price (quote currency, exact decimal)") BigDecimal price,
                       @Doc("qty x price (quote currency, exact decimal)") BigDecimal notional,
                       @Doc("fee of this fill (quote currency, exact decimal)") BigDecimal fee,
                       @Doc("maker or taker") Liquidity liquidity, @Doc("fill time") Instant time,
                       @Doc(value = "journal entry", min = 0) long entryId,
                       @Doc("realized by this fill, gross of its fee (quote currency, exact decimal)") BigDecimal realizedPnl,
                       @Doc(value = "status of the order now; null when unknown", nullable = true) String orderStatus) {
    }

    @SuppressWarnings("unchecked")
    private static Transaction transaction(Object posted) {
        Map<String, Object> p = (Map<String, Object>) posted;
        Map<String, Object> fill = (Map<String, Object>) p.get("fill");
        return new Transaction(String.valueOf(fill.get("fillId")), String.valueOf(fill.get("orderId")),
                String.valueOf(fill.get("symbol")), Side.valueOf(String.valueOf(fill.get("side"))), dec(fill.get("qty")),
                dec(fill.get("price")), PortfolioShapes.notional(fill.get("qty"), fill.get("price")), dec(fill.get("fee")),
                Liquidity.valueOf(String.valueOf(fill.get("liquidity"))), Instant.parse(String.valueOf(fill.get("time"))),
                ((Number) p.get("entryId")).longValue(), dec(p.get("realizedPnl")),
                p.get("orderStatus") == null ? null : String.valueOf(p.get("orderStatus")));
    }

    private Future<ToolResult> performance(ToolCall call) {
        int windowDays = call.integer("window_days", 30);
        return query(DurableNames.Ledger.PERFORMANCE_METRICS, windowDays * 86_400L)
                .map(m -> ToolResult.ok(PortfolioAnswers.Performance.of(m, windowDays)));
    }

    private static BigDecimal dec(Object v) {
        return PortfolioShapes.dec(v);
    }
}
