package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HttpGuard;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The door of HTTP_PORT, the same rules as /mcp (DNS-rebinding defence: Host and Origin against the
 * allow-list, WebSocket handshakes included), plus the optional HTTP_AUTH_TOKEN. A browser cannot
 * send a bearer header when it opens a page or a WebSocket, so the token may also come as the
 * {@value #COOKIE} cookie; opening any page once with {@code ?token=...} sets that cookie (HttpOnly,
 * SameSite=Strict) and redirects to the same page without the token in its address.
 * {@code /ready} needs no token (it says only true or false) but still passes the Host check.
 */
final class HttpAccess {
    static final String COOKIE = "ts_auth";
    private final HttpGuard guard;

    HttpAccess(AppConfig config) {
        this.guard = new HttpGuard(config.bindHost(), HttpGuard.splitOrigins(config.get(ConfigKey.MCP_ALLOWED_ORIGINS)),
                config.get(ConfigKey.HTTP_AUTH_TOKEN));
    }

    void handle(RoutingContext rc) {
        String host = rc.request().authority() == null ? rc.request().getHeader("Host") : rc.request().authority().toString();
        String origin = rc.request().getHeader("Origin");
        String presented = presentedToken(rc);
        boolean open = "/ready".equals(rc.normalizedPath());
        HttpGuard.Verdict verdict = guard.check(origin, host, authorization(rc, presented));
        // The token is checked last: a 401 means Host and Origin passed, which is all /ready needs.
        boolean allowed = verdict.allowed() || (open && verdict.status() == 401);
        if (!allowed) {
            refuse(rc, verdict);
            return;
        }
        if (rc.queryParams().contains("token") && guard.authRequired()) {
            exchangeForCookie(rc, presented);
            return;
        }
        rc.next();
    }

    private String authorization(RoutingContext rc, String presented) {
        String header = rc.request().getHeader("Authorization");
        return header != null ? header : presented == null ? null : "Bearer " + presented;
    }

    private static String presentedToken(RoutingContext rc) {
        String query = rc.queryParams().get("token");
        if (query != null) {
            return query;
        }
        Cookie cookie = rc.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static void exchangeForCookie(RoutingContext rc, String token) {
        Cookie cookie = Cookie.cookie(COOKIE, token).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/");
        StringBuilder query = new StringBuilder();
        rc.queryParams().forEach((k, v) -> {
            if (!"token".equals(k)) {
                query.append(query.length() == 0 ? "?" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        rc.response().addCookie(cookie).putHeader("Location", rc.request().path() + query).setStatusCode(303).end();
    }

    private static void refuse(RoutingContext rc, HttpGuard.Verdict verdict) {
        if (verdict.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"trading-stack\"");
        }
        rc.response().setStatusCode(verdict.status()).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", verdict.reason()).encode());
    }
}
