package io.tradingstack.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.Json;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * USD prices per 1M input and output tokens per model: the built-in table
 * ({@code llm/prices.json}) with an optional file merged over it (LLM_PRICES_FILE, same format).
 * A dated model name ("gpt-4o-mini-2024-07-18") takes the price of its longest listed prefix; a
 * model not listed (a local model) is free and reported as unpriced.
 */
public final class PriceTable {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int SCALE = 10;
    private final Map<String, Price> prices;

    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        public Price {
            if (inputPerMillion == null || outputPerMillion == null
                    || inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("prices must be >= 0");
            }
        }
    }

    public PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The built-in table merged with {@code overrides} (null or empty path = built-in only). */
    public static PriceTable load(String overrides) {
        Map<String, Price> all = new LinkedHashMap<>();
        try (InputStream in = PriceTable.class.getResourceAsStream("/llm/prices.json")) {
            all.putAll(parse(Json.MAPPER.readTree(in), "built-in llm/prices.json"));
        } catch (IOException e) {
            throw new IllegalStateException("built-in price table unreadable", e);
        }
        if (overrides != null && !overrides.isBlank()) {
            Path file = Path.of(overrides);
            try {
                all.putAll(parse(Json.MAPPER.readTree(Files.readString(file)), file.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("LLM_PRICES_FILE " + file + " unreadable: " + e.getMessage());
            }
        }
        return new PriceTable(all);
    }

    private static Map<String, Price> parse(JsonNode root, String source) {
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject()) {
            throw new IllegalArgumentException(source + ": expected {\"models\": {\"<model>\": {\"input\": ..., \"output\": ...}}}");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = models.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(e.getKey(), new Price(new BigDecimal(e.getValue().path("input").asText()),
                        new BigDecimal(e.getValue().path("output").asText())));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException(source + ": model " + e.getKey() + " needs input and output prices >= 0");
            }
        }
        return out;
    }

    /** The price of a model: exact name, else the longest listed prefix followed by '-'. */
    public Optional<Price> priceOf(String model) {
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String name : prices.keySet()) {
            if (model.startsWith(name + "-") && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /** Exact cost in USD (10 decimals, rounded up: cost is never understated); zero when unpriced. */
    public BigDecimal cost(String model, TokenUsage usage) {
        return priceOf(model).map(p -> p.inputPerMillion().multiply(BigDecimal.valueOf(usage.inputTokens()))
                        .add(p.outputPerMillion().multiply(BigDecimal.valueOf(usage.outputTokens())))
                        .divide(MILLION, SCALE, RoundingMode.UP))
                .orElse(BigDecimal.ZERO.setScale(SCALE));
    }
}
