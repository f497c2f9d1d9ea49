package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Timeframe;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.market.DataQualityReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.symbol;
import static io.tradingstack.mcp.Schemas.symbols;

/**
 * Market-data tools. The stream is one durable control workflow per namespace ({@value DurableNames.MarketStream#ID},
 * type MarketStreamWorkflow) that sets the feed's products; ticks themselves flow on the bus, never
 * through workflow history. History loads run HistoricalDataLoaderWorkflow.
 */
final class MarketTools {
    /** Reference HISTORICAL_MINUTES default: the window start_market_stream preloads. */
    static final int HISTORICAL_MINUTES = 60;
    private static final int MAX_TICK_MINUTES = 7 * 24 * 60;

    private final ToolContext ctx;

    MarketTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        Map<String, Object> interval = integer("accepted for compatibility: ticks are pushed by the exchange "
                + "WebSocket as they happen, there is no polling interval", 1, 3600, 1L);
        ToolSpec.Hints control = new ToolSpec.Hints(false, false, true, true);
        return List.of(
                ToolSpec.of("subscribe_cex_stream", Tier.MARKET, "Stream these products from the exchange (replaces the "
                        + "streamed set). Describe-then-start, signal setSymbols on workflow market-stream.",
                        object(props("symbols", symbols("products to stream"), "interval_sec", interval), "symbols"),
                        StreamState.class, control, call -> subscribe(symbolsOf(call)).map(ToolResult::ok)),
                ToolSpec.of("start_market_stream", Tier.MARKET, "Start streaming products, tell the broker agent "
                        + "(signal set_symbols to broker-agent) and optionally preload " + HISTORICAL_MINUTES
                        + " minutes of 1-minute history (start HistoricalDataLoaderWorkflow).",
                        object(props("symbols", symbols("products to stream"), "interval_sec", interval,
                                "load_historical", bool("preload recent candles", true)), "symbols"),
                        StartedStream.class, new ToolSpec.Hints(false, false, false, true), this::start),
                ToolSpec.of("stop_market_stream", Tier.MARKET, "Stop the market stream (unsubscribe every product; "
                        + "the stop is stored in PostgreSQL and re-applied when the stream workflow next starts). "
                        + "Describe-then-start, signal stop on workflow market-stream.", Schemas.empty(), StreamState.class, new ToolSpec.Hints(false, true, true, true),
                        this::stop),
                ToolSpec.of("get_historical_ticks", Tier.MARKET, "Recent 1-minute prices per product {SYMBOL: [{ts, price}]}, "
                        + "ts the bar start (ISO-8601 UTC), price its close, from the exchange through the candle cache. "
                        + "Default window: the last " + HISTORICAL_MINUTES + " minutes; since_ts overrides days.",
                        object(props("symbols", symbols("products"), "symbol", symbol("one product"),
                                "days", integer("days back", 1, 7, null),
                                "since_ts", integer("Unix time (seconds) to start from", 0, 32_503_680_000L, null))),
                        PlainSchema.mapOf(PlainSchema.listOf(Close.class)),
                        new ToolSpec.Hints(true, false, true, true), this::ticks),
                ToolSpec.of("update_market_cache", Tier.MARKET, "Load candles of a product into the local cache and "
                        + "report their quality. Start and await HistoricalDataLoaderWorkflow.",
                        object(props("symbol", symbol("product"),
                                "timeframe", Schemas.enumOf("bar size", "1m", "5m", "15m", "1h", "6h", "1d"),
                                "limit", integer("bars", 1, 10_000, 500L),
                                "overwrite", bool("must be false: cached complete bars are immutable", false)), "symbol"),
                        CacheLoad.class, new ToolSpec.Hints(false, false, true, true), this::updateCache));
    }

    @Doc("the market stream workflow after the call")
    record StreamState(@Doc("the stream workflow (" + DurableNames.MarketStream.ID + ")") String workflowId,
                       @Doc("run of the stream workflow") String runId,
                       @Doc(value = "streaming or stopped", oneOf = {"streaming", "stopped"}) String status,
                       @Doc("products now streamed") List<String> symbols) {
    }

    @Doc("the market stream workflow after the start, and the history preload if asked")
    record StartedStream(@Doc("the stream workflow (" + DurableNames.MarketStream.ID + ")") String workflowId,
                         @Doc("run of the stream workflow") String runId,
                         @Doc(value = "streaming or stopped", oneOf = {"streaming", "stopped"}) String status,
                         @Doc("products now streamed") List<String> symbols,
                         @Doc("the broker agent was told the symbols") boolean brokerSymbolsSet,
                         @Doc(value = "the history preload; null when not asked", nullable = true) Loader historicalLoader) {
    }

    record Loader(@Doc("loader workflow") String workflowId, @Doc("its run") String runId,
                  @Doc(value = "minutes of 1-minute bars loaded", min = 0) long minutes) {
    }

    /** One 1-minute bar of get_historical_ticks. */
    record Close(@Doc("bar start") Instant ts, @Doc("close of the 1-minute bar") BigDecimal price) {
    }

    @Doc("candles loaded into the local cache and their quality")
    record CacheLoad(@Doc(value = "ok", oneOf = "ok") String status, @Doc("product") String symbol,
                     @Doc("bar size") String timeframe, @Doc(value = "bars requested", min = 0) int limit,
                     @Doc(value = "bars now cached for the range", min = 0) int rows,
                     @Doc(value = "fetched = some bars came from the exchange; loaded = all from the cache",
                             oneOf = {"fetched", "loaded"}) String action,
                     @Doc("loader workflow") String workflowId,
                     @Doc("data quality of the range") DataQualityReport quality) {
    }

    private List<String> symbolsOf(ToolCall call) {
        return ToolContext.strings(call.arg("symbols"));
    }

    private Future<StreamState> subscribe(List<String> symbols) {
        ToolResult unknown = ctx.unknownSymbol(symbols);
        if (unknown != null) {
            return Future.failedFuture(new io.tradingstack.bus.CodedException(unknown.code(), unknown.message()));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("symbols", symbols);
        return ctx.temporal().signalStarted(DurableNames.MarketStream.ID, DurableNames.MarketStream.TYPE, DurableNames.MarketStream.SET_SYMBOLS, new Object[]{symbols}, new Object[]{state})
                .map(runId -> new StreamState(DurableNames.MarketStream.ID, runId,
                        symbols.isEmpty() ? "stopped" : "streaming", symbols));
    }

    private Future<ToolResult> start(ToolCall call) {
        List<String> symbols = symbolsOf(call);
        return subscribe(symbols).compose(out -> ctx.temporal().signalStarted(DurableNames.Broker.ID,
                DurableNames.Broker.TYPE, DurableNames.Broker.SET_SYMBOLS, new Object[]{symbols}, new Object[]{null}).compose(v -> {
            if (!call.bool("load_historical", true)) {
                return Future.succeededFuture(ToolResult.ok(started(out, null)));
            }
            String loaderId = DurableNames.HistoricalLoader.id(UUID.randomUUID().toString().substring(0, 8));
            return ctx.temporal().start(loaderId, DurableNames.HistoricalLoader.TYPE, loadRequest(symbols, 60, HISTORICAL_MINUTES))
                    .map(runId -> ToolResult.ok(started(out, new Loader(loaderId, runId, HISTORICAL_MINUTES))));
        }));
    }

    private static StartedStream started(StreamState s, Loader loader) {
        return new StartedStream(s.workflowId(), s.runId(), s.status(), s.symbols(), true, loader);
    }

    /** Works on a fresh node too: the stream workflow is started (from its stored state) if missing, then stopped. */
    private Future<ToolResult> stop(ToolCall call) {
        return ctx.temporal().signalStarted(DurableNames.MarketStream.ID, DurableNames.MarketStream.TYPE, DurableNames.MarketStream.STOP, new Object[0], new Object[]{null})
                .map(runId -> ToolResult.ok(new StreamState(DurableNames.MarketStream.ID, runId, "stopped", List.of())));
    }

    private Future<ToolResult> updateCache(ToolCall call) {
        String symbol = call.string("symbol", "");
        ToolResult unknown = ctx.unknownSymbol(List.of(symbol));
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        if (call.bool("overwrite", false)) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS,
                    "overwrite is not supported: cached complete bars are immutable"));
        }
        String timeframe = call.string("timeframe", "1h");
        int granularity = granularity(timeframe);
        int limit = call.integer("limit", 500);
        long minutes = (long) limit * granularity / 60;
        String id = DurableNames.HistoricalLoader.cacheLoadId(UUID.randomUUID().toString().substring(0, 8));
        return ctx.temporal().execute(id, DurableNames.HistoricalLoader.TYPE, DataQualityReport[].class, loadRequest(List.of(symbol), granularity, minutes))
                .map(reports -> {
                    DataQualityReport report = reports[0];
                    return ToolResult.ok(new CacheLoad("ok", symbol, timeframe, limit, report.bars(),
                            report.fetchedBars() > 0 ? "fetched" : "loaded", id, report));
                });
    }

    private Future<ToolResult> ticks(ToolCall call) {
        List<String> symbols = new ArrayList<>(symbolsOf(call));
        if (call.arg("symbol") != null) {
            symbols.add(call.string("symbol", ""));
        }
        if (symbols.isEmpty()) {
            symbols.addAll(ctx.knownSymbols().stream().sorted().toList());
        }
        ToolResult unknown = ctx.unknownSymbol(symbols);
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        Instant end = Instant.now();
        Instant start = call.arg("since_ts") != null ? Instant.ofEpochSecond(call.longValue("since_ts", 0))
                : call.arg("days") != null ? end.minus(Duration.ofDays(call.integer("days", 1)))
                : end.minus(Duration.ofMinutes(HISTORICAL_MINUTES));
        if (Duration.between(start, end).toMinutes() > MAX_TICK_MINUTES) {
            start = end.minus(Duration.ofMinutes(MAX_TICK_MINUTES));
        }
        Map<String, List<Close>> out = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> loads = new ArrayList<>();
        for (String s : symbols.stream().distinct().toList()) {
            CandleFetch req = CandleFetch.of(s, 60, start, end);
            loads.add(BusCalls.request(ctx.vertx(), Addresses.MARKET_FETCH_CANDLES, req).map(reply -> {
                out.put(s, prices(reply));
                return null;
            }));
        }
        return Future.all(loads).map(v -> {
            Map<String, List<Close>> ordered = new LinkedHashMap<>();
            symbols.stream().distinct().forEach(sym -> ordered.put(sym, out.get(sym)));
            return ToolResult.ok(ordered);
        });
    }

    /** Each 1-minute candle as {ts: bar start, price: close}. */
    private static List<Close> prices(Map<String, Object> reply) {
        Object candles = reply.get("candles");
        List<Close> out = new ArrayList<>();
        if (candles instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> c = o instanceof JsonObject j ? j.getMap() : (Map<?, ?>) o;
                out.add(new Close(Instant.parse(String.valueOf(c.get("start"))), new BigDecimal(String.valueOf(c.get("close")))));
            }
        }
        return out;
    }

    private static Map<String, Object> loadRequest(List<String> symbols, int granularity, long minutes) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("symbols", symbols);
        req.put("granularity", granularity);
        req.put("lookbackMinutes", minutes);
        req.put("end", "");
        return req;
    }

    static int granularity(String timeframe) {
        return Timeframe.parse(timeframe).seconds();
    }
}
