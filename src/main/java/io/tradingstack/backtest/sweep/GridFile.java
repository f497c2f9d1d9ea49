package io.tradingstack.backtest.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sweep grid file (JSON, see configs/sweep.example.json). Strict: an unknown key, a value of
 * the wrong type or a range that makes no sense is SWEEP_BAD_GRID with what was wrong.
 */
public final class GridFile {
    private static final Set<String> KEYS = Set.of("strategy", "data", "pair", "timeframe", "initial_cash", "fee_bps",
            "slippage_bps", "parameters", "search", "seed", "samples", "metric", "walk_forward", "batch_size");
    /** Most values one range may produce. */
    static final int MAX_RANGE_VALUES = 10_000;

    private GridFile() {
    }

    /** Reads a grid file; relative data paths are made absolute against the working directory. */
    public static SweepGrid read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "cannot read grid file '" + file + "': " + e.getMessage());
        }
        SweepGrid grid = parse(text);
        List<String> data = grid.base().data().stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
        SweepBase b = grid.base();
        return new SweepGrid(new SweepBase(data, b.pairs(), b.timeframe(), b.strategy(), b.initialCash(), b.feeBps(),
                b.slippageBps()), grid.parameters(), grid.search(), grid.seed(), grid.samples(), grid.metric(),
                grid.walkForward(), grid.batchSize());
    }

    public static SweepGrid parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad("the grid is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("the grid must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw bad("unknown key '" + key + "'; known: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        SweepBase base = new SweepBase(strings(root, "data"), strings(root, "pair"), text(root, "timeframe"),
                text(root, "strategy"), number(root, "initial_cash"), number(root, "fee_bps"), number(root, "slippage_bps"));
        String wf = text(root, "walk_forward");
        return new SweepGrid(base, parameters(root.get("parameters")), text(root, "search"),
                root.has("seed") ? whole(root, "seed") : 0L, root.has("samples") ? (int) whole(root, "samples") : 0,
                text(root, "metric"), wf == null ? null : WalkForward.parse(wf),
                root.has("batch_size") ? (int) whole(root, "batch_size") : 1);
    }

    private static Map<String, List<BigDecimal>> parameters(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad("\"parameters\" must be an object: name → list of values or {\"from\", \"to\", \"step\"}");
        }
        Map<String, List<BigDecimal>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), values(e.getKey(), e.getValue())));
        return out;
    }

    private static List<BigDecimal> values(String name, JsonNode v) {
        List<BigDecimal> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> {
                if (!x.isNumber()) {
                    throw bad("parameter " + name + ": values must be numbers, not " + x);
                }
                out.add(x.decimalValue());
            });
            return out;
        }
        if (!v.isObject() || !v.has("from") || !v.has("to") || !v.has("step") || v.size() != 3) {
            throw bad("parameter " + name + " must be a list of numbers or {\"from\": a, \"to\": b, \"step\": s}");
        }
        BigDecimal from = number(v, "from");
        BigDecimal to = number(v, "to");
        BigDecimal step = number(v, "step");
        if (step.signum() <= 0 || from.compareTo(to) > 0) {
            throw bad("parameter " + name + ": a range needs from <= to and step > 0");
        }
        int scale = Math.max(0, Math.max(from.scale(), step.scale()));
        for (BigDecimal x = from.setScale(scale); x.compareTo(to) <= 0; x = x.add(step)) {
            if (out.size() == MAX_RANGE_VALUES) {
                throw bad("parameter " + name + ": the range gives more than " + MAX_RANGE_VALUES + " values");
            }
            out.add(x);
        }
        return out;
    }

    private static List<String> strings(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.isTextual() ? x.asText() : null));
        }
        if (!v.isArray() || out.contains(null)) {
            throw bad("\"" + key + "\" must be a string or a list of strings");
        }
        return out;
    }

    private static String text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad("\"" + key + "\" must be a string");
        }
        return v.asText();
    }

    private static BigDecimal number(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw bad("\"" + key + "\" must be a number");
        }
        return v.decimalValue();
    }

    private static long whole(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad("\"" + key + "\" must be a whole number");
        }
        return v.asLong();
    }

    private static CodedException bad(String message) {
        return new CodedException(ErrorCode.SWEEP_BAD_GRID, message);
    }
}
