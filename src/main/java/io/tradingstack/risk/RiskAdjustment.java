package io.tradingstack.risk;

import io.tradingstack.bus.Doc;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stored risk adjustment (what the judge writes, reference {@code risk_adjustments}): a
 * multiplier of every percentage limit, for all symbols ({@code global}) or one, with a readable
 * reason and an end: an expiry time, or "until N winning days" (the judge counts the days and
 * revokes it), or both. The multiplier is clamped to [{@link RiskAdjustments#MIN},
 * {@link RiskAdjustments#MAX}]; {@code requested} keeps what was asked for.
 */
public record RiskAdjustment(@Doc(value = "adjustment id", min = 0) long id,
                             @Doc("GLOBAL (every symbol) or SYMBOL") Scope scope,
                             @Doc(value = "product of a symbol adjustment; null for a global one", nullable = true) String symbol,
                             @Doc("applied multiplier (clamped)") BigDecimal multiplier,
                             @Doc("multiplier asked for") BigDecimal requested,
                             @Doc("why") String reason,
                             @Doc("who wrote it (judge, user)") String author,
                             @Doc("when") @JsonProperty("created_at") Instant createdAt,
                             @Doc(value = "end; null = none", nullable = true) @JsonProperty("expires_at") Instant expiresAt,
                             @Doc(value = "ends after this many winning days; null = none", nullable = true, min = 0)
                             @JsonProperty("until_winning_days") Integer untilWinningDays,
                             @Doc(value = "when it was ended; null = not ended", nullable = true)
                             @JsonProperty("revoked_at") Instant revokedAt,
                             @Doc(value = "why it was ended; null = not ended", nullable = true)
                             @JsonProperty("revoked_reason") String revokedReason) {
    public static final int MAX_REASON = 1000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");
    private static final Pattern AUTHOR = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public enum Scope { GLOBAL, SYMBOL }

    public RiskAdjustment {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "created_at");
        if ((scope == Scope.SYMBOL) != (symbol != null)) {
            throw new IllegalArgumentException("a symbol adjustment names its symbol; a global one names none");
        }
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must look like BTC-USD, got " + symbol);
        }
        if (requested == null || requested.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be > 0");
        }
        multiplier = RiskAdjustments.clamp(requested);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is required (1-" + MAX_REASON + " characters)");
        }
        if (author == null || !AUTHOR.matcher(author).matches()) {
            throw new IllegalArgumentException("author must be a short lowercase name such as judge or user");
        }
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expires_at must be after created_at");
        }
        if (untilWinningDays != null && (untilWinningDays < 1 || untilWinningDays > 30)) {
            throw new IllegalArgumentException("until_winning_days must be 1-30");
        }
    }

    /** A new adjustment (not stored yet: id 0). */
    public static RiskAdjustment of(Scope scope, String symbol, BigDecimal multiplier, String reason, String author,
                                    Instant createdAt, Instant expiresAt, Integer untilWinningDays) {
        return new RiskAdjustment(0, scope, symbol, null, multiplier, reason, author, createdAt, expiresAt, untilWinningDays,
                null, null);
    }

    /** In force at {@code time}: created, not revoked, not expired. */
    public boolean activeAt(Instant time) {
        return !time.isBefore(createdAt) && (revokedAt == null || time.isBefore(revokedAt))
                && (expiresAt == null || time.isBefore(expiresAt));
    }
}
