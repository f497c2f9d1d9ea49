package io.tradingstack.runtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every /mcp request passes before the protocol sees it: Origin and Host against an
 * allow-list (DNS-rebinding defence; loopback is always allowed), then the bearer token when one is
 * configured. Pure: no Vert.x, so the rules are testable on their own.
 */
public final class HttpGuard {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** The outcome: 0 = allowed, otherwise the HTTP status and why. */
    public record Verdict(int status, String reason) {
        static final Verdict ALLOW = new Verdict(0, "");

        public boolean allowed() {
            return status == 0;
        }
    }

    private final Set<String> allowedOrigins = new HashSet<>();
    private final Set<String> allowedHosts = new HashSet<>(LOOPBACK_HOSTS);
    private final byte[] token;

    /**
     * @param bindHost       the interface the server listens on (a concrete address is an allowed Host)
     * @param extraOrigins   MCP_ALLOWED_ORIGINS: exact origins, whose host names also become allowed Hosts
     * @param bearerToken    MCP_AUTH_TOKEN; empty = no authentication (allowed on loopback only, see config)
     */
    public HttpGuard(String bindHost, List<String> extraOrigins, String bearerToken) {
        if (bindHost != null && !bindHost.isBlank() && !"0.0.0.0".equals(bindHost) && !"::".equals(bindHost)) {
            allowedHosts.add(bindHost.toLowerCase(Locale.ROOT));
        }
        for (String origin : extraOrigins) {
            String normalized = normalizeOrigin(origin);
            if (normalized != null) {
                allowedOrigins.add(normalized);
                allowedHosts.add(URI.create(normalized).getHost().toLowerCase(Locale.ROOT));
            }
        }
        this.token = bearerToken == null || bearerToken.isEmpty() ? null : bearerToken.getBytes(StandardCharsets.UTF_8);
    }

    public static List<String> splitOrigins(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : List.of(csv.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean authRequired() {
        return token != null;
    }

    public Verdict check(String origin, String host, String authorization) {
        if (!hostAllowed(host)) {
            return new Verdict(403, "Host not allowed");
        }
        if (origin != null && !originAllowed(origin)) {
            return new Verdict(403, "Origin not allowed");
        }
        if (token != null && !tokenMatches(authorization)) {
            return new Verdict(401, authorization == null ? "bearer token required" : "invalid bearer token");
        }
        return Verdict.ALLOW;
    }

    boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        return allowedHosts.contains(stripPort(host.trim().toLowerCase(Locale.ROOT)));
    }

    boolean originAllowed(String origin) {
        String normalized = normalizeOrigin(origin);
        if (normalized == null) {
            return false;
        }
        URI uri = URI.create(normalized);
        return LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) || allowedOrigins.contains(normalized);
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    /** scheme://host[:port] in lower case, or null when the value is not an http(s) origin. */
    static String normalizeOrigin(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }
}
