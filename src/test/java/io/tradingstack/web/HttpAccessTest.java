package io.tradingstack.web;

import io.tradingstack.app.HttpVerticle;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP_PORT behind the same Host/Origin allow-list as /mcp and the optional HTTP_AUTH_TOKEN: pages,
 * /health, /api and the WebSocket handshake are refused to a foreign Host or Origin (DNS rebinding)
 * and without the token; a browser gets the token into an HttpOnly cookie once through ?token=.
 */
class HttpAccessTest {
    private static final String TOKEN = "http-token-0123456789";
    private static Vertx vertx;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        AppContext ctx = new AppContext(TestInfra.config(Map.of("HTTP_AUTH_TOKEN", TOKEN)), vertx);
        port = ctx.config().httpPort();
        vertx.deployVerticle(new DashboardVerticle(ctx)).await();
        vertx.deployVerticle(new TickerVerticle(ctx)).await();
        vertx.deployVerticle(new HttpVerticle(ctx)).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void foreignHostOrOriginIsRefusedEverywhere() throws Exception {
        String auth = "Bearer " + TOKEN;
        for (String path : new String[]{"/", "/health", "/ready", "/api/portfolio", "/dashboard/index.html"}) {
            assertEquals(403, get(path, Map.of("Host", "evil.example:" + port, "Authorization", auth)).statusCode(), path);
            assertEquals(403, get(path, Map.of("Origin", "http://evil.example", "Authorization", auth)).statusCode(), path);
        }
        CompletionException ws = assertThrows(CompletionException.class, () -> HTTP.newWebSocketBuilder()
                .header("Origin", "http://evil.example").header("Authorization", auth)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/ticker"), new WebSocket.Listener() { }).join());
        assertTrue(ws.getCause() instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 403,
                String.valueOf(ws.getCause()));
    }

    @Test
    void theTokenIsRequiredByHeaderOrCookieAndReadyStaysOpen() throws Exception {
        assertEquals(401, get("/health", Map.of()).statusCode());
        assertEquals(401, get("/", Map.of("Authorization", "Bearer wrong")).statusCode());
        assertEquals(200, get("/dashboard/index.html", Map.of("Authorization", "Bearer " + TOKEN)).statusCode());
        assertTrue(get("/ready", Map.of()).statusCode() != 401, "/ready answers without the token");

        HttpResponse<String> exchange = get("/?token=" + TOKEN, Map.of());
        assertEquals(303, exchange.statusCode());
        assertEquals("/", exchange.headers().firstValue("Location").orElseThrow(), "the token leaves the address bar");
        String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"), cookie);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, get("/dashboard/index.html", Map.of("Cookie", pair)).statusCode());
        WebSocket socket = HTTP.newWebSocketBuilder().header("Cookie", pair)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/ticker"), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        socket.abort();
        assertEquals(401, get("/?token=wrong", Map.of()).statusCode(), "a wrong token sets no cookie");
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach((k, v) -> {
            if (!k.equals("Host")) {
                b.header(k, v);
            }
        });
        if (headers.containsKey("Host")) {
            return rawGet(path, headers.get("Host"), headers.get("Authorization"));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** java.net.http refuses to set Host; a plain socket sends the forged one a rebinding attack would. */
    private static HttpResponse<String> rawGet(String path, String host, String auth) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + auth + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine();
            int code = Integer.parseInt(status.split(" ")[1]);
            return new StatusOnly(code);
        }
    }

    private record StatusOnly(int statusCode) implements HttpResponse<String> {
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return null; }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
