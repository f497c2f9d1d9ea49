package io.tradingstack.web;

import io.tradingstack.app.HttpVerticle;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard on a node with no ledger, features or Temporal: pages, the chart library, and the refusals. */
class DashboardVerticleTest {
    private static Vertx vertx;
    private static WebClient web;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        AppContext ctx = new AppContext(TestInfra.config(Map.of()), vertx);
        port = ctx.config().httpPort();
        vertx.deployVerticle(new DashboardVerticle(ctx)).await(10, TimeUnit.SECONDS);
        vertx.deployVerticle(new HttpVerticle(ctx)).await(10, TimeUnit.SECONDS);
        web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String path, Map<String, String> headers) throws Exception {
        var request = web.request(method, port, "127.0.0.1", path);
        headers.forEach(request::putHeader);
        return request.send().await(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> get(String path) throws Exception {
        return send(HttpMethod.GET, path, Map.of());
    }

    @Test
    void servesSelfContainedPagesAndTheChartLibraryFromTheJar() throws Exception {
        HttpResponse<Buffer> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/dashboard/", root.getHeader("Location"));
        HttpResponse<Buffer> page = get("/dashboard/");
        assertEquals(200, page.statusCode());
        String html = page.bodyAsString();
        assertTrue(html.contains("<title>Trading Stack</title>"));
        for (String id : new String[] {"page-markets", "page-trading", "page-backtests", "page-agents"}) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from another origin");
        HttpResponse<Buffer> charts = get("/dashboard/vendor/echarts.min.js");
        assertEquals(200, charts.statusCode());
        assertTrue(charts.getHeader("content-type").startsWith("text/javascript"));
        assertTrue(charts.body().length() > 500_000, "the whole library from the webjar");
        assertEquals(200, get("/dashboard/js/app.js").statusCode());
    }

    @Test
    void answersWithCodesWhenTheOwnerIsNotInTheCluster() throws Exception {
        HttpResponse<Buffer> portfolio = get("/api/portfolio");
        assertEquals(404, portfolio.statusCode(), "no ledger on this node");
        assertEquals(1101, portfolio.bodyAsJsonObject().getInteger("code"));
        HttpResponse<Buffer> limits = get("/api/limit-enforcement");
        assertEquals(200, limits.statusCode(), "no risk gate: a state to show, not an error");
        assertEquals(Boolean.FALSE, limits.bodyAsJsonObject().getBoolean("available"));
        assertEquals(400, get("/api/candles?symbol=DOGE-USD").statusCode());
        assertEquals(400, get("/api/equity?hours=x").statusCode());
        assertEquals(400, get("/api/limit-enforcement?date=../../etc").statusCode());
    }

    @Test
    void writesNeedTheSessionsCsrfToken() throws Exception {
        HttpResponse<Buffer> none = send(HttpMethod.POST, "/api/orders/ord-1/cancel", Map.of());
        assertEquals(403, none.statusCode());
        assertEquals(7071, none.bodyAsJsonObject().getInteger("code"));
        HttpResponse<Buffer> session = get("/api/session");
        String cookie = session.cookies().get(0).split(";")[0];
        assertTrue(session.cookies().get(0).contains("SameSite=Strict"), session.cookies().toString());
        String token = session.bodyAsJsonObject().getString("csrf_token");
        assertEquals(403, send(HttpMethod.POST, "/api/orders/ord-1/cancel",
                Map.of("Cookie", cookie, CsrfGuard.HEADER, token + "x")).statusCode(), "wrong token");
        assertEquals(403, send(HttpMethod.POST, "/api/orders/ord-1/cancel",
                Map.of("Cookie", "ts_csrf=another", CsrfGuard.HEADER, token)).statusCode(), "another session's token");
        HttpResponse<Buffer> accepted = send(HttpMethod.POST, "/api/orders/ord-1/cancel",
                Map.of("Cookie", cookie, CsrfGuard.HEADER, token));
        assertEquals(404, accepted.statusCode(), "past the CSRF check; no Temporal client here: " + accepted.bodyAsString());
        assertEquals(7072, accepted.bodyAsJsonObject().getInteger("code"));
        // the chat's WebSocket can trade (after a y): its upgrade needs the token too, as ?csrf=
        HttpResponse<Buffer> chat = send(HttpMethod.GET, ChatSocket.PATH + "?csrf=" + token + "x",
                Map.of("Cookie", cookie, "Connection", "Upgrade", "Upgrade", "websocket", "Sec-WebSocket-Version", "13",
                        "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        assertEquals(403, chat.statusCode());
        assertEquals(7071, chat.bodyAsJsonObject().getInteger("code"));
    }

    @Test
    void agentPanelsAnswerWithCodesAndTheirWritesNeedTheToken() throws Exception {
        HttpResponse<Buffer> state = get("/api/agents/execution");
        assertEquals(404, state.statusCode(), "no Temporal client on this node: " + state.bodyAsString());
        assertEquals(7072, state.bodyAsJsonObject().getInteger("code"));
        for (String path : new String[] {"/api/agents/decisions", "/api/judge/evaluations", "/api/prompts", "/api/risk/adjustments"}) {
            HttpResponse<Buffer> r = get(path);
            assertEquals(404, r.statusCode(), path + ": no owner on this node");
            assertEquals(1101, r.bodyAsJsonObject().getInteger("code"), path);
        }
        assertEquals(400, get("/api/agents/decisions?symbol=DOGE-USD").statusCode());
        assertEquals(400, get("/api/judge/evaluations?limit=0").statusCode());
        for (String path : new String[] {"/api/agents/execution/pause", "/api/agents/execution/resume", "/api/judge/evaluate",
                "/api/prompts/rollback"}) {
            assertEquals(403, send(HttpMethod.POST, path, Map.of()).statusCode(), path + " without the token");
        }
        HttpResponse<Buffer> session = get("/api/session");
        Map<String, String> headers = Map.of("Cookie", session.cookies().get(0).split(";")[0],
                CsrfGuard.HEADER, session.bodyAsJsonObject().getString("csrf_token"), "Content-Type", "application/json");
        HttpResponse<Buffer> force = web.request(HttpMethod.POST, port, "127.0.0.1", "/api/judge/evaluate").putHeaders(
                io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(headers)).sendBuffer(Buffer.buffer("{\"force\":\"yes\"}"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(400, force.statusCode(), force.bodyAsString());
        HttpResponse<Buffer> version = web.request(HttpMethod.POST, port, "127.0.0.1", "/api/prompts/rollback").putHeaders(
                io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(headers)).sendBuffer(Buffer.buffer("{\"version\":0}"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(400, version.statusCode(), "refused before anything is asked: " + version.bodyAsString());
        assertEquals(7070, version.bodyAsJsonObject().getInteger("code"));
    }

    @Test
    void reportsAreServedFromTheRunsDirectoryOnly() throws Exception {
        for (String path : new String[] {"/backtests/..%2F..%2Fetc/report.html", "/backtests/bt-1/passwd",
                "/backtests/%2e%2e/report.html"}) {
            int status = get(path).statusCode();
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
        HttpResponse<Buffer> missing = get("/backtests/bt-nothing-here/report.html");
        assertEquals(404, missing.statusCode());
    }
}
