package io.tradingstack.web;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.CandleHistory;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.WorkflowState;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Serves the dashboard (markets, trading, backtests, agents): static pages and modules from the jar
 * (the chart library from its webjar, no CDN) and their JSON API on HTTP_PORT, behind the port's
 * Host/Origin and token checks; write requests also need the session's CSRF token. The broker chat
 * panel's WebSocket ({@link ChatSocket}) runs its chats on this verticle's worker pool; the agent
 * panels' routes are {@link AgentPanels}'.
 */
public final class DashboardVerticle extends VerticleBase {
    private static final long BODY_LIMIT = 16 * 1024;
    private final AppContext ctx;
    private Consumer<Router> routes;
    private WorkerExecutor chats;

    public DashboardVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, LedgerMessages.TYPES);
        Codecs.register(vertx, CandleHistory.MESSAGES);
        Codecs.register(vertx, WorkflowState.MESSAGES);
        Codecs.register(vertx, io.tradingstack.backtest.sweep.SweepMessages.TYPES);
        Codecs.register(vertx, io.tradingstack.execution.RiskMessages.TYPES);
        TemporalAccess temporal = new TemporalAccess(ctx);
        DashboardApi api = new DashboardApi(vertx, ctx.config());
        TradingActions actions = new TradingActions(vertx, ctx.config(), temporal);
        BacktestRuns runs = new BacktestRuns(vertx, ctx.config(), temporal);
        AgentPanels agents = new AgentPanels(vertx, ctx.config(), temporal);
        SweepList sweeps = new SweepList(vertx);
        ReportFiles reports = new ReportFiles(BacktestLauncher.runsDir(ctx.config()));
        CsrfGuard csrf = new CsrfGuard();
        chats = vertx.createSharedWorkerExecutor("dashboard-chat", ChatSocket.MAX_CHATS);
        ChatSocket chat = new ChatSocket(ctx.config(), csrf, chats);
        return Assets.echarts(vertx).onSuccess(charts -> ctx.addRoutes(routes = router -> {
            pages(router, charts);
            router.get("/api/session").handler(rc -> HttpAnswers.json(rc, 200,
                    Map.of("csrf_token", csrf.token(rc), "csrf_header", CsrfGuard.HEADER)));
            router.get("/api/markets").handler(api::markets);
            router.get("/api/candles").handler(api::candles);
            router.get("/api/portfolio").handler(api::portfolio);
            router.get("/api/fills").handler(api::fills);
            router.get("/api/orders/open").handler(api::openOrders);
            router.get("/api/equity").handler(api::equity);
            router.get("/api/limit-enforcement").handler(api::limitEnforcement);
            router.get("/api/backtests").handler(rc -> HttpAnswers.reply(rc, runs.list()));
            router.get("/api/sweeps").handler(sweeps::list);
            router.get("/api/sweeps/:id").handler(sweeps::one);
            router.get("/backtests/:id/:file").handler(reports::serve);
            router.get(ChatSocket.PATH).handler(chat::handle);
            router.post("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(guarded(csrf));
            router.post("/api/orders/:id/cancel").handler(actions::cancel);
            router.post("/api/backtests").handler(actions::startBacktest);
            agents.mount(router);
        }));
    }

    /** The routes are served by the HTTP verticle: taken back so a redeployed node does not serve them twice. */
    @Override
    public Future<?> stop() {
        if (routes != null) {
            ctx.routes().remove(routes);
        }
        return chats == null ? Future.succeededFuture() : chats.close();
    }

    private static void pages(Router router, Handler<RoutingContext> charts) {
        // a redirect, not a reroute: the page's relative links must resolve under /dashboard/
        router.get("/").handler(rc -> rc.response().setStatusCode(302).putHeader("Location", "/dashboard/").end());
        router.get("/dashboard/vendor/echarts.min.js").handler(charts);
        router.route("/dashboard/*").handler(StaticHandler.create("web").setCachingEnabled(false));
    }

    private static Handler<RoutingContext> guarded(CsrfGuard csrf) {
        return rc -> {
            if (csrf.valid(rc)) {
                rc.next();
            } else {
                HttpAnswers.error(rc, ErrorCode.WEB_CSRF, "write requests need the " + CsrfGuard.HEADER
                        + " header of this session (GET /api/session)");
            }
        };
    }
}
