package io.tradingstack.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF defence of the dashboard's write requests (cancel an order, start a backtest), on top of the
 * Host/Origin allow-list and the SameSite=Strict auth cookie: a per-browser-session cookie
 * {@value #COOKIE} (random, HttpOnly, SameSite=Strict) and a token derived from it with a key that
 * never leaves this process (HMAC-SHA256). The page reads the token from {@code GET /api/session}
 * (same origin only: no CORS is granted) and sends it in the {@value #HEADER} header, which a form
 * or a cross-site page cannot set without a preflight we never answer. Never logs a token.
 */
final class CsrfGuard {
    static final String COOKIE = "ts_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    CsrfGuard() {
        random.nextBytes(key);
    }

    /** The token of this browser session, starting the session (setting its cookie) when there is none. */
    String token(RoutingContext rc) {
        Cookie existing = rc.request().getCookie(COOKIE);
        String session = existing == null || existing.getValue().isBlank() ? null : existing.getValue();
        if (session == null) {
            byte[] id = new byte[18];
            random.nextBytes(id);
            session = B64.encodeToString(id);
            rc.response().addCookie(Cookie.cookie(COOKIE, session).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                    .setPath("/"));
        }
        return sign(session);
    }

    /** True when the request carries its session's token in the header. */
    boolean valid(RoutingContext rc) {
        return valid(rc, rc.request().getHeader(HEADER));
    }

    /**
     * True when {@code presented} is the token of the request's session: for a WebSocket upgrade,
     * where a browser cannot set headers, the page sends it as a query parameter (same origin only).
     */
    boolean valid(RoutingContext rc, String presented) {
        Cookie session = rc.request().getCookie(COOKIE);
        if (session == null || presented == null || session.getValue().isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(session.getValue()).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
