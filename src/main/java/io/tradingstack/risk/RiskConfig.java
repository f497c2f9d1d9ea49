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
    public record Loaded(RiskLimits limits, RiskAdjustments adjustments) {
    }

    public static Loaded load(Path file, Map<String, Object> overrides) {
        return load(file, overrides, RiskLimits.DEFAULTS);
    }

    /** As {@link #load(Path, Map)} over other defaults ({@link RiskLimits#LIVE} for the live gate). */
    public static Loaded load(Path file, Map<String, Object> overrides, RiskLimits base) {
        Map<String, Object> values = new LinkedHashMap<>();
        RiskAdjustments adjustments = RiskAdjustments.NONE;
        if (file != null) {
            JsonNode root = read(file);
            JsonNode limits = root.has("risk_limits") ? root.get("risk_limits") : root;
            collect(limits, values, file);
            collect(root, values, file);
            if (root.has("risk_adjustments")) {
                adjustments = adjustments(root.get("risk_adjustments"));
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        try {
            return new Loaded(build(values, base), adjustments);
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
                    && !e.getKey().startsWith("_")) {
                throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "unknown risk key '" + e.getKey() + "' in " + file);
            }
        }
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
