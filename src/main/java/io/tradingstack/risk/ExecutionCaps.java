package io.tradingstack.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference's execution caps (§6d ExecutionEngine, §7 "Plan caps"), read from the risk config
 * under {@code execution_caps}. They gate ENTRIES only; exits and emergency exits always pass.
 * <ul>
 *   <li>{@code allowed_trigger_categories}: entries of other categories are blocked ({@code category});
 *       empty allows all. An entry without a trigger category passes.</li>
 *   <li>{@code max_triggers_per_symbol_per_day}: entries per symbol per UTC day ({@code plan_limit}).</li>
 *   <li>{@code trigger_budgets}: {@code {symbol: n}} entries per UTC day for that symbol, replacing the
 *       per-symbol cap for it ({@code trigger_budget}).</li>
 *   <li>{@code session_trade_multipliers}: UTC hour ranges {@code [start, end)} with a multiplier that
 *       scales max_trades_per_day and the per-symbol caps as max(1, floor(cap·mult)); a multiplier 0
 *       allows no new entry in that session ({@code session}). Hours outside every session: 1.</li>
 * </ul>
 */
public record ExecutionCaps(Set<String> allowedCategories, Integer maxTriggersPerSymbolPerDay,
                            Map<String, Integer> triggerBudgets, List<Session> sessions) {

    public static final ExecutionCaps NONE = new ExecutionCaps(Set.of(), null, Map.of(), List.of());

    /**
     * The reference trigger categories (the keys of strategy.spec.TriggerCategory, which depends on
     * this package, so the names are listed here; ExecutionCapsTest keeps the two equal).
     */
    public static final Set<String> CATEGORIES = Set.of("trend_continuation", "reversal", "volatility_breakout",
            "mean_reversion", "risk_reduce", "risk_off", "emergency_exit", "other");

    public ExecutionCaps {
        allowedCategories = allowedCategories == null ? Set.of() : Set.copyOf(allowedCategories);
        triggerBudgets = triggerBudgets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(triggerBudgets));
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        for (String c : allowedCategories) {
            if (!CATEGORIES.contains(c)) {
                throw new IllegalArgumentException("allowed_trigger_categories: unknown category '" + c + "', expected one of "
                        + new java.util.TreeSet<>(CATEGORIES));
            }
        }
        if (maxTriggersPerSymbolPerDay != null && maxTriggersPerSymbolPerDay < 0) {
            throw new IllegalArgumentException("max_triggers_per_symbol_per_day must be >= 0");
        }
        triggerBudgets.forEach((s, n) -> {
            if (n == null || n < 0) {
                throw new IllegalArgumentException("trigger_budgets." + s + " must be >= 0");
            }
        });
        for (int i = 0; i < sessions.size(); i++) {
            for (int j = i + 1; j < sessions.size(); j++) {
                if (sessions.get(i).start() < sessions.get(j).end() && sessions.get(j).start() < sessions.get(i).end()) {
                    throw new IllegalArgumentException("session_trade_multipliers " + sessions.get(i) + " and "
                            + sessions.get(j) + " overlap");
                }
            }
        }
    }

    /** A UTC hour range {@code [start, end)}, 0 ≤ start &lt; end ≤ 24, with its cap multiplier (≥ 0). */
    public record Session(int start, int end, BigDecimal multiplier) {
        public Session {
            if (start < 0 || end > 24 || start >= end) {
                throw new IllegalArgumentException("session hours must satisfy 0 <= start < end <= 24, got " + start + "-" + end);
            }
            if (multiplier == null || multiplier.signum() < 0) {
                throw new IllegalArgumentException("session multiplier must be >= 0");
            }
        }

        @Override
        public String toString() {
            return start + "-" + end + ":" + multiplier.stripTrailingZeros().toPlainString();
        }
    }

    /** Parses the reference CLI form {@code "0-4:1.5,4-24:0.75"}. */
    public static List<Session> parseSessions(String text) {
        List<Session> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            int dash = p.indexOf('-');
            if (colon < 0 || dash < 0 || dash > colon) {
                throw new IllegalArgumentException("session '" + p + "' is not START-END:MULTIPLIER");
            }
            try {
                out.add(new Session(Integer.parseInt(p.substring(0, dash).trim()), Integer.parseInt(p.substring(dash + 1, colon).trim()),
                        new BigDecimal(p.substring(colon + 1).trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("session '" + p + "' is not START-END:MULTIPLIER");
            }
        }
        return out;
    }

    /** The session in force at {@code time} (null outside every session). */
    public Session session(Instant time) {
        int hour = (int) Math.floorMod(time.getEpochSecond(), 86_400L) / 3600;
        for (Session s : sessions) {
            if (hour >= s.start() && hour < s.end()) {
                return s;
            }
        }
        return null;
    }

    /** {@code cap} scaled by a session multiplier: max(1, floor(cap·mult)); null stays null; no session leaves it. */
    public static Integer scale(Integer cap, Session s) {
        if (cap == null || s == null) {
            return cap;
        }
        int scaled = BigDecimal.valueOf(cap).multiply(s.multiplier()).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Math.max(1, scaled);
    }

    /** The day's entry cap of {@code symbol} before sessions: its budget, else the per-symbol cap (null: none). */
    public Integer symbolCap(String symbol) {
        Integer budget = triggerBudgets.get(symbol);
        return budget != null ? budget : maxTriggersPerSymbolPerDay;
    }

    public boolean active() {
        return !allowedCategories.isEmpty() || maxTriggersPerSymbolPerDay != null || !triggerBudgets.isEmpty() || !sessions.isEmpty();
    }
}
