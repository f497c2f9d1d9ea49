package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One backtest as the CLI and the workflow describe it. Either {@code data} files, or {@code pairs}
 * with {@code start}/{@code end} (YYYY-MM-DD) loaded from {@code exchangeUrl} (Coinbase Exchange REST
 * shape; null = COINBASE_REST_URL's default) through the DATA_DIR/backtesting cache.
 * {@code riskOverrides} uses the risk config keys (e.g. max_position_risk_pct → "0.75"); null values
 * are ignored. Null numbers take the defaults of {@link BacktestConfig}. {@code llm} holds the
 * options of {@code strategy=llm} (null: {@link LlmOptions#DEFAULTS}).
 */
public record BacktestRequest(List<String> data, List<String> pairs, String start, String end, String timeframe,
                              String strategy, String riskConfig, Map<String, String> riskOverrides,
                              BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, String dataDir,
                              String exchangeUrl, String outDir, LlmOptions llm) {

    /** A request without LLM options (every strategy but llm). */
    public BacktestRequest(List<String> data, List<String> pairs, String start, String end, String timeframe,
                           String strategy, String riskConfig, Map<String, String> riskOverrides,
                           BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, String dataDir,
                           String exchangeUrl, String outDir) {
        this(data, pairs, start, end, timeframe, strategy, riskConfig, riskOverrides, initialCash, feeBps, slippageBps,
                dataDir, exchangeUrl, outDir, null);
    }

    public BacktestRequest {
        data = data == null ? List.of() : List.copyOf(data);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        riskOverrides = riskOverrides == null ? Map.of() : riskOverrides;
    }
}
