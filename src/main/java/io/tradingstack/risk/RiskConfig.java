package io.tradingstack.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads risk limits from JSON ({@code configs/risk_limits.example.json}). Keys may sit at the top
 * level or under {@code risk_limits} (as in the reference loader). Precedence: defaults &lt; file &lt;
 * explicit overrides. Unknown keys under {@code risk_limits} are an error, not silently ignored.
 */
public final class RiskConfig {
    public static final Set<String> KEYS = Set.of("max_position_risk_pct", "max_symbol_exposure_pct",
            "max_portfolio_exposure_pct", "max_daily_loss_pct", "max_daily_risk_budget_pct", "max_trades_per_day",
            "symbol_vetoes", "direction_vetoes");

    private RiskConfig() {
    }

    /** Limits and adjustments read from a file (or only defaults when {@code file} is null). */
    public record Loaded(RiskLimits limits, RiskAdjustments adjustments, ExecutionCaps caps) {
        public Loaded {
            caps = caps == null ? ExecutionCaps.NONE : caps;
        }

        public Loaded(RiskLimits limits, RiskAdjustments adjustments) {
            this(limits, adjustments, ExecutionCaps.NONE);
        }
    }

    /** The keys of the {@code execution_caps} object (reference names, §6d / §7). */
    public static final Set<String> CAP_KEYS = Set.of("allowed_trigger_categories", "max_triggers_per_symbol_per_day",
            "trigger_budgets", "session_trade_multipliers");

    public static Loaded load(Path file, Map<String, Object> overrides) {
        return load(file, overrides, RiskLimits.DEFAULTS);
    }

    /** As {@link #load(Path, Map)} over other defaults ({@link RiskLimits#LIVE} for the live gate). */
    public static Loaded load(Path file, Map<String, Object> overrides, RiskLimits base) {
        Map<String, Object> values = new LinkedHashMap<>();
        RiskAdjustments adjustments = RiskAdjustments.NONE;
        ExecutionCaps caps = ExecutionCaps.NONE;
        if (file != null) {
            JsonNode root = read(file);
            JsonNode limits = root.has("risk_limits") ? root.get("risk_limits") : root;
            collect(limits, values, file);
            collect(root, values, file);
            if (root.has("risk_adjustments")) {
                adjustments = adjustments(root.get("risk_adjustments"));
            }
            if (root.has("execution_caps")) {
                caps = caps(root.get("execution_caps"), file);
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        try {
            return new Loaded(build(values, base), adjustments, caps);
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.RISK_BAD_CONFIG, e.getMessage());
        }
    }

    static RiskLimits build(Map<String, Object> v) {
        return build(v, RiskLimits.DEFAULTS);
    }

    static RiskLimits build(Map<String, Object> v, RiskLimits d) {
        Set<Direction> directions = new HashSet<>();
        for (String s : strings(v.get("direction_vetoes"))) {
            directions.add(Direction.parse(s));
        }
        Object trades = v.get("max_trades_per_day");
        return new RiskLimits(dec(v, "max_position_risk_pct", d.maxPositionRiskPct()),
                dec(v, "max_symbol_exposure_pct", d.maxSymbolExposurePct()),
                dec(v, "max_portfolio_exposure_pct", d.maxPortfolioExposurePct()),
                dec(v, "max_daily_loss_pct", d.maxDailyLossPct()),
                dec(v, "max_daily_risk_budget_pct", d.maxDailyRiskBudgetPct()),
                trades == null ? d.maxTradesPerDay() : Integer.valueOf(trades.toString()),
                v.containsKey("symbol_vetoes") ? new HashSet<>(strings(v.get("symbol_vetoes"))) : d.symbolVetoes(),
                v.containsKey("direction_vetoes") ? directions : d.directionVetoes());
    }

    private static void collect(JsonNode node, Map<String, Object> values, Path file) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KEYS.contains(e.getKey())) {
                values.putIfAbsent(e.getKey(), e.getValue().isArray() ? strings(e.getValue()) : e.getValue().asText());
            } else if (node != null && !e.getKey().equals("risk_limits") && !e.getKey().equals("risk_adjustments")
                    && !e.getKey().equals("execution_caps")
                    && !e.getKey().startsWith("_")) {
                throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "unknown risk key '" + e.getKey() + "' in " + file);
            }
        }
    }

    /** The {@code execution_caps} object; a bad value is a RISK_BAD_CONFIG error naming the key. */
    static ExecutionCaps caps(JsonNode n, Path file) {
        if (!n.isObject()) {
            throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "execution_caps must be an object in " + file);
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!CAP_KEYS.contains(k) && !k.startsWith("_")) {
                throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "unknown execution_caps key '" + k + "' in " + file
                        + "; expected one of " + new java.util.TreeSet<>(CAP_KEYS));
            }
        });
        try {
            Set<String> categories = new HashSet<>(strings(n.get("allowed_trigger_categories")));
            JsonNode perSymbol = n.get("max_triggers_per_symbol_per_day");
            Integer maxPerSymbol = perSymbol == null || perSymbol.isNull() ? null : wholeNumber("max_triggers_per_symbol_per_day", perSymbol);
            Map<String, Integer> budgets = new LinkedHashMap<>();
            if (n.has("trigger_budgets")) {
                n.get("trigger_budgets").fields().forEachRemaining(e ->
                        budgets.put(e.getKey(), wholeNumber("trigger_budgets." + e.getKey(), e.getValue())));
            }
            java.util.List<ExecutionCaps.Session> sessions = new java.util.ArrayList<>();
            JsonNode s = n.get("session_trade_multipliers");
            if (s != null && s.isTextual()) {
                sessions.addAll(ExecutionCaps.parseSessions(s.asText()));
            } else if (s != null && s.isArray()) {
                for (JsonNode x : s) {
                    sessions.add(new ExecutionCaps.Session(wholeNumber("session start", x.path("start_hour")),
                            wholeNumber("session end", x.path("end_hour")), new BigDecimal(x.path("multiplier").asText())));
                }
            } else if (s != null && !s.isNull()) {
                throw new IllegalArgumentException("session_trade_multipliers must be \"0-4:1.5,4-24:0.75\" or a list of "
                        + "{start_hour, end_hour, multiplier}");
            }
            return new ExecutionCaps(categories, maxPerSymbol, budgets, sessions);
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "execution_caps in " + file + ": " + e.getMessage());
        }
    }

    private static int wholeNumber(String key, JsonNode v) {
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + v);
        }
        return v.intValue();
    }

    private static RiskAdjustments adjustments(JsonNode n) {
        Map<String, BigDecimal> symbols = new LinkedHashMap<>();
        n.path("symbols").fields().forEachRemaining(e -> symbols.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        BigDecimal global = n.has("global") ? new BigDecimal(n.get("global").asText()) : BigDecimal.ONE;
        Instant until = n.hasNonNull("until") ? Instant.parse(n.get("until").asText()) : null;
        return new RiskAdjustments(global, symbols, until);
    }

    private static BigDecimal dec(Map<String, Object> v, String key, BigDecimal dflt) {
        Object o = v.get(key);
        return o == null ? dflt : new BigDecimal(o.toString());
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> strings(Object o) {
        if (o == null) {
            return java.util.List.of();
        }
        if (o instanceof JsonNode node) {
            java.util.List<String> out = new java.util.ArrayList<>();
            node.forEach(x -> out.add(x.asText()));
            return out;
        }
        if (o instanceof java.util.Collection<?> c) {
            return c.stream().map(Object::toString).toList();
        }
        return java.util.Arrays.stream(o.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "cannot read risk config " + file + ": " + e.getMessage());
        }
    }
}
