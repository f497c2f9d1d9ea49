package io.tradingstack.mcp;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * Portfolio, history and metrics tools: queries on the ledger workflow {@code mock-ledger}, started
 * if missing (describe, then start, like the reference).
 */
final class LedgerTools {
    static final String LEDGER_ID = "mock-ledger";
    static final String LEDGER_TYPE = "ExecutionLedgerWorkflow";
    private static final int NOT_READY_TRIES = 20;
    private static final long NOT_READY_PAUSE_MS = 100;

    private final ToolContext ctx;

    LedgerTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of("get_portfolio_status", Tier.READ, "Cash, positions with entry and current prices, "
                        + "P&L (realized, unrealized), reserve (scraped profits) and price-data quality. "
                        + "Query get_portfolio_status on workflow mock-ledger.", Schemas.empty(),
                        call -> status().map(s -> ToolResult.ok(PortfolioShapes.portfolioStatus(s)))),
                ToolSpec.of("get_transaction_history", Tier.READ, "Fills, newest first: {transactions, count, "
                        + "since_timestamp, limit}. Query get_transaction_history on workflow mock-ledger.",
                        object(props("since_ts", integer("only fills at or after this Unix time (seconds); 0 = all", 0,
                                        32_503_680_000L, 0L),
                                "limit", integer("maximum fills returned", 1, 10_000, 1000L),
                                "symbol", symbol("only this product")))
                        , this::history),
                ToolSpec.of("get_performance_metrics", Tier.READ, "Trades, win rate, average trade P&L, total P&L, "
                        + "max drawdown and Sharpe ratio over a window. Query get_performance_metrics on workflow mock-ledger.",
                        object(props("window_days", integer("window in days", 1, 3650, 30L))), this::performance),
                ToolSpec.of("get_risk_metrics", Tier.READ, "Portfolio value, cash ratio, largest position concentration, "
                        + "number of positions, leverage. Query get_risk_metrics on workflow mock-ledger.", Schemas.empty(),
                        call -> query("get_risk_metrics").map(ToolResult::ok)),
                ToolSpec.of("get_pnl_status_with_quality", Tier.READ, "Realized and unrealized P&L with the freshness of "
                        + "the prices behind them. Query get_portfolio_status on workflow mock-ledger.", Schemas.empty(),
                        call -> status().map(s -> ToolResult.ok(PortfolioShapes.pnlWithQuality(s)))));
    }

    private Future<Map<String, Object>> status() {
        return query("get_portfolio_status");
    }

    @SuppressWarnings("unchecked")
    private Future<Map<String, Object>> query(String name, Object... args) {
        return patiently(() -> ctx.temporal().queryStarted(LEDGER_ID, LEDGER_TYPE, name, Map.class, args), NOT_READY_TRIES)
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
        return patiently(() -> ctx.temporal().queryStarted(LEDGER_ID, LEDGER_TYPE, "get_transaction_history", List.class,
                        sinceIso, limit, symbol), NOT_READY_TRIES)
                .map(list -> {
                    List<Map<String, Object>> tx = ((List<?>) list).stream().map(LedgerTools::transaction).toList();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("transactions", tx);
                    out.put("count", tx.size());
                    out.put("since_timestamp", since);
                    out.put("limit", limit);
                    return ToolResult.ok(out);
                });
    }

    /** A posted fill flattened: the fill's fields plus its journal entry, realized P&L and order status. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> transaction(Object posted) {
        Map<String, Object> p = (Map<String, Object>) posted;
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.get("fill") instanceof Map<?, ?> fill) {
            out.putAll((Map<String, Object>) fill);
        }
        out.put("entry_id", p.get("entryId"));
        out.put("realized_pnl", p.get("realizedPnl"));
        out.put("order_status", p.get("orderStatus"));
        return out;
    }

    private Future<ToolResult> performance(ToolCall call) {
        long windowSeconds = call.integer("window_days", 30) * 86_400L;
        Future<Map<String, Object>> metrics = query("get_performance_metrics", windowSeconds);
        return metrics.map(m -> {
            Map<String, Object> out = new LinkedHashMap<>(m);
            out.put("window_days", call.integer("window_days", 30));
            return ToolResult.ok(out);
        });
    }
}
