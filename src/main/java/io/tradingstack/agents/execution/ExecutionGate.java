package io.tradingstack.agents.execution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Whether the model is consulted for a symbol on this nudge. Pure: the same memory, price, time
 * and settings always give the same verdict, so the workflow may call it and replay it.
 *
 * <p>In order: never consulted → BOOTSTRAP; calls in the rolling window at the cap → skip
 * RATE_LIMIT (the rules still decide a fresh spec signal, recorded as such); a fresh spec
 * signal → SIGNAL; the price moved at least the minimum since the last consultation →
 * PRICE_MOVE; the last consultation is at least the maximum staleness old → STALE; otherwise
 * skip with the readable reason {@code PRICE_DELTA<0.15%}.
 */
public final class ExecutionGate {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExecutionGate() {
    }

    /** The verdict: consult or not, the category and a readable reason. */
    public record Verdict(boolean consult, String category, String reason) {
        static Verdict consult(String category, String reason) {
            return new Verdict(true, category, reason);
        }

        static Verdict skip(String category, String reason) {
            return new Verdict(false, category, reason);
        }
    }

    /**
     * @param signal a spec signal on a bar not acted on yet (entry or exit proposed by the rules)
     * @param price  the latest price (null when unknown: only BOOTSTRAP, RATE_LIMIT, SIGNAL or STALE apply)
     */
    public static Verdict decide(ExecutionSettings s, SymbolMemory memory, BigDecimal price, long nowMs, boolean signal) {
        SymbolMemory m = memory == null ? SymbolMemory.NEW : memory;
        if (m.lastConsultMs() <= 0) {
            return Verdict.consult("BOOTSTRAP", "BOOTSTRAP");
        }
        long windowMs = s.windowSeconds() * 1000L;
        int used = m.inWindow(nowMs, windowMs).size();
        if (used >= s.callsPerWindow()) {
            return Verdict.skip("RATE_LIMIT", "RATE_LIMIT:" + used + "/" + s.callsPerWindow() + " per " + s.windowSeconds() + "s");
        }
        if (signal) {
            return Verdict.consult("SIGNAL", "SIGNAL");
        }
        BigDecimal move = movePct(m.lastPrice(), price);
        if (move != null && move.compareTo(s.minMovePct()) >= 0) {
            return Verdict.consult("PRICE_MOVE", "PRICE_MOVE>=" + plain(s.minMovePct()) + "%(" + plain(move) + "%)");
        }
        long ageSeconds = (nowMs - m.lastConsultMs()) / 1000;
        if (ageSeconds >= s.maxStaleSeconds()) {
            return Verdict.consult("STALE", "STALE>=" + s.maxStaleSeconds() + "s");
        }
        return Verdict.skip("PRICE_DELTA", "PRICE_DELTA<" + plain(s.minMovePct()) + "%");
    }

    /** |price − last| / last in percent, 4 decimals; null when either is unknown. */
    static BigDecimal movePct(BigDecimal last, BigDecimal price) {
        if (last == null || price == null || last.signum() <= 0) {
            return null;
        }
        return price.subtract(last).abs().divide(last, MC).multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
