package io.tradingstack.web;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.features.CandleHistory;
import io.tradingstack.bus.Json;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.LedgerReport;
import io.tradingstack.ledger.PortfolioStatus;
import io.tradingstack.ledger.StoredOrder;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's read API, each answer asked over the bus of whichever node owns it (features,
 * ledger, the risk gate), so the page works on any node of a cluster. Parameters are checked before
 * anything is asked: a bad one is a 400 with {@code WEB_BAD_REQUEST}.
 */
final class DashboardApi {
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3000);
    private final Vertx vertx;
    private final AppConfig config;
    private final List<String> timeframes;

    DashboardApi(Vertx vertx, AppConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.timeframes = List.of(config.get(ConfigKey.FEATURES_TIMEFRAMES).split(","));
    }

    /** {@code GET /api/markets}: what the charts and the backtest form may ask for. */
    void markets(RoutingContext rc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbols", config.marketSymbols());
        out.put("timeframes", timeframes);
        out.put("backtest_strategies", List.copyOf(io.tradingstack.strategy.Strategies.names()));
        HttpAnswers.json(rc, 200, out);
    }

    /** {@code GET /api/candles?symbol=&timeframe=&limit=}: closed candles (oldest first) and the open bar. */
    void candles(RoutingContext rc) {
        String symbol = rc.queryParams().get("symbol");
        String timeframe = param(rc, "timeframe", timeframes.get(0));
        if (symbol == null || !config.marketSymbols().contains(symbol) || !timeframes.contains(timeframe)) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "symbol must be one of " + config.marketSymbols()
                    + " and timeframe one of " + timeframes);
            return;
        }
        Integer limit = intParam(rc, "limit", 300, 1, CandleHistory.MAX_LIMIT);
        if (limit != null) {
            HttpAnswers.reply(rc, ask(Addresses.FEATURES_CANDLES, new CandleHistory.Request(symbol, timeframe, limit))
                    .map(Plain::of));
        }
    }

    /** {@code GET /api/portfolio}: the ledger's status with P&L gross and net. */
    void portfolio(RoutingContext rc) {
        HttpAnswers.reply(rc, this.<PortfolioStatus>ask(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.STATUS))
                .map(Shapes::portfolio));
    }

    /** {@code GET /api/fills?symbol=&limit=}: recorded fills, newest first. */
    void fills(RoutingContext rc) {
        String symbol = rc.queryParams().get("symbol");
        if (symbol != null && !config.marketSymbols().contains(symbol)) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "symbol must be one of " + config.marketSymbols());
            return;
        }
        Integer limit = intParam(rc, "limit", 100, 1, 1000);
        if (limit != null) {
            HttpAnswers.reply(rc, this.<LedgerReport.History>ask(Addresses.LEDGER_QUERY, LedgerQuery.history(null, limit, symbol))
                    .map(h -> Shapes.ledger(Json.toJsonObject(h))));
        }
    }

    /** {@code GET /api/orders/open}: resting limit orders (open or partially filled). */
    void openOrders(RoutingContext rc) {
        HttpAnswers.reply(rc, this.<StoredOrder.Open>ask(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.OPEN_ORDERS))
                .map(Plain::of));
    }

    /** {@code GET /api/equity?hours=}: equity samples of the last hours (default 24), at most 2,000. */
    void equity(RoutingContext rc) {
        Integer hours = intParam(rc, "hours", 24, 1, 24 * 365);
        if (hours != null) {
            Instant since = Instant.now().minusSeconds(hours * 3600L);
            HttpAnswers.reply(rc, this.<LedgerReport.Equity>ask(Addresses.LEDGER_QUERY, LedgerQuery.equity(since, 2000))
                    .map(e -> Shapes.ledger(Json.toJsonObject(e))));
        }
    }

    /**
     * {@code GET /api/limit-enforcement?date=}: {@code {available, date, limit_enforcement}} of the risk
     * gate for a UTC day; {@code available: false} with the reason while no node runs the gate (a
     * state the page shows, not an error).
     */
    void limitEnforcement(RoutingContext rc) {
        String date = param(rc, "date", LocalDate.now(ZoneOffset.UTC).toString());
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "date must be YYYY-MM-DD");
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "date must be a calendar day YYYY-MM-DD");
            return;
        }
        HttpAnswers.reply(rc, this.<RiskMessages.Enforcement>ask(Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(day))
                .map(e -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("available", true);
            out.put("date", date);
            out.put("limit_enforcement", Plain.of(e.day()));
            out.put("limits", Plain.of(e.limits()));
            out.put("anchor", e.anchor());
            return out;
        }).recover(err -> {
            if (Replies.codeOf(err) != ErrorCode.BUS_NO_HANDLER) {
                return Future.failedFuture(err);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("available", false);
            out.put("date", date);
            out.put("message", "not available: no risk gate answers on this stack");
            return Future.succeededFuture(out);
        }));
    }

    private <T> Future<T> ask(String address, Object body) {
        return vertx.eventBus().<T>request(address, body, ASK).map(m -> m.body());
    }

    private static String param(RoutingContext rc, String name, String fallback) {
        String v = rc.queryParams().get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The integer parameter, or null after answering 400 when it is not one within bounds. */
    static Integer intParam(RoutingContext rc, String name, int fallback, int min, int max) {
        String v = rc.queryParams().get(name);
        try {
            int n = v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException bad) {
            // answered below
        }
        HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, name + " must be an integer " + min + "-" + max);
        return null;
    }
}
