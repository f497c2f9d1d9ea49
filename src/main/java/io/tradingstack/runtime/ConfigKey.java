package io.tradingstack.runtime;

import io.tradingstack.bus.DurableNames;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key: its default, what it accepts and whether it is a secret. The
 * documentation in {@code .env.example} is checked against this list by a test.
 */
public enum ConfigKey {
    DATA_DIR("./data", Parsers.TEXT, "where the embedded PostgreSQL, caches and reports live"),
    BIND_HOST("127.0.0.1", Parsers.HOST, "interface every server binds to; non-loopback needs MCP_AUTH_TOKEN"),
    HTTP_PORT("8081", Parsers.PORT, "health, readiness, WebSocket ticker and dashboard"),
    MCP_PORT("8080", Parsers.PORT, "MCP Streamable HTTP endpoint (/mcp) and /healthz"),
    PG_URL("", Parsers.PG_URL, "external PostgreSQL (postgresql://user:pass@host:port/db); empty = embedded", true),
    PG_POOL_SIZE("8", Parsers.positiveInt(64), "connections in the reactive PostgreSQL pool"),
    TEMPORAL_ADDRESS("", Parsers.HOST_PORT_OR_EMPTY, "external Temporal frontend host:port; empty = embedded test server"),
    TEMPORAL_NAMESPACE("default", Parsers.NAME, "Temporal namespace"),
    TASK_QUEUE(DurableNames.DEFAULT_TASK_QUEUE, Parsers.NAME, "Temporal task queue of the worker"),
    INITIAL_PORTFOLIO_BALANCE("1000", Parsers.decimalBetween("0", "1000000000000"), "paper cash (USD) funded into a new ledger"),
    MARKET_SOURCE("replay", Parsers.oneOf("replay", "coinbase"), "replay = bundled real data served as the Coinbase API; coinbase = Coinbase Exchange"),
    MARKET_SYMBOLS("BTC-USD,ETH-USD", Parsers.SYMBOLS, "products to stream, comma-separated"),
    COINBASE_REST_URL("https://api.exchange.coinbase.com", Parsers.URL, "Coinbase Exchange REST base URL (used when MARKET_SOURCE=coinbase)"),
    COINBASE_WS_URL("wss://ws-feed.exchange.coinbase.com", Parsers.URL, "Coinbase Exchange WebSocket feed (used when MARKET_SOURCE=coinbase)"),
    REPLAY_SPEED("1", Parsers.SPEED, "replay exchange pace: 1 = real time, N = N times faster, max"),
    REPLAY_AT_END("loop", Parsers.oneOf("loop", "stop"), "what the replay exchange does when its data runs out"),
    REPLAY_PORT("8082", Parsers.PORT, "port of the replay exchange (Coinbase REST + WebSocket shape), bound to BIND_HOST"),
    MARKET_TICKS_LOCAL_ONLY("true", Parsers.oneOf("true", "false"), "true = ticks stay on the node that received them; false = published cluster-wide"),
    MARKET_HEARTBEAT_TIMEOUT_MS("5000", Parsers.positiveInt(600_000), "feed silence (ms) after which the adapter reconnects"),
    MARKET_MAX_TICK_AGE_MS("30000", Parsers.positiveInt(86_400_000), "ticks older than this (ms) are dropped as stale; newer than 5 s ahead as future"),
    TICKER_MAX_CONNECTIONS("2000", Parsers.positiveInt(100_000), "WebSocket ticker connection cap"),
    TICKER_BUFFER_BYTES("65536", Parsers.positiveInt(64 * 1024 * 1024), "per-connection outbound buffer of the WebSocket ticker before conflation"),
    TICKER_SLOW_DISCONNECT_MS("5000", Parsers.positiveInt(600_000), "a ticker client over its buffer for this long (ms) is disconnected"),
    OPENAI_API_KEY("", Parsers.TEXT, "key for an OpenAI-compatible endpoint; empty = deterministic offline provider", true),
    OPENAI_BASE_URL("", Parsers.URL_OR_EMPTY, "OpenAI-compatible base URL; empty = api.openai.com when a key is set"),
    OPENAI_MODEL("gpt-4o-mini", Parsers.NAME, "model name for the agents"),
    MCP_AUTH_TOKEN("", Parsers.TEXT, "bearer token for /mcp; mandatory when BIND_HOST is not loopback", true),
    MCP_TIERS("market,read,trade", Parsers.TIERS, "enabled MCP capability tiers (market, read, trade)"),
    MCP_ALLOWED_ORIGINS("", Parsers.TEXT, "extra allowed Origin values for /mcp, comma-separated (loopback origins always allowed)"),
    MCP_RATE_LIMIT_PER_MINUTE("600", Parsers.positiveInt(1_000_000), "tool calls per MCP session per minute"),
    FEE_BPS("60", Parsers.decimalBetween("0", "1000"), "paper taker fee in basis points (Coinbase Advanced tier 1 taker: 60 bps)"),
    MAKER_FEE_BPS("40", Parsers.decimalBetween("0", "1000"), "paper maker fee in basis points (Coinbase Advanced tier 1 maker: 40 bps)"),
    SLIPPAGE_BPS("5", Parsers.decimalBetween("0", "1000"), "paper slippage in basis points added to market fills"),
    LEDGER_SAMPLE_SECONDS("60", Parsers.positiveInt(86_400), "equity-curve sampling interval (seconds) for performance metrics"),
    PRICE_BAND_PCT("20", Parsers.PERCENT, "pre-trade check: reject order prices further than this from the market mid (percent)"),
    PROFIT_SCRAPE_PCT("20", Parsers.PERCENT, "share of each realized profit moved to the untradeable reserve (percent)"),
    FEATURES_TIMEFRAMES("1m,5m,15m,1h", Parsers.of("comma-separated bar lengths <n>s|m|h|d, e.g. 1m,5m,15m,1h",
            s -> {
                java.util.List<String> list = Parsers.split(s);
                if (list.isEmpty() || !list.stream().allMatch(t -> t.matches("[1-9]\\d{0,4}[smhd]"))) {
                    throw new IllegalArgumentException(s);
                }
                return list;
            }),
            "candle timeframes aggregated from ticks; the first is answered when a request names none"),
    FEATURES_MAX_BARS("1000", Parsers.positiveInt(100_000), "bars kept per symbol and timeframe (bounded ta4j series)"),
    FEATURES_WARMUP_BARS("300", Parsers.positiveInt(100_000), "historical candles requested per symbol and timeframe at start"),
    FEATURES_CLOSE_GRACE_MS("2000", Parsers.positiveInt(600_000), "wait after a bar's end for late ticks before closing it without a next tick"),
    CLUSTER_HOST("127.0.0.1", Parsers.HOST, "address the clustered event bus and Hazelcast bind to"),
    CLUSTER_PORT("5701", Parsers.PORT, "Hazelcast member port of this node"),
    CLUSTER_MEMBERS("127.0.0.1:5701,127.0.0.1:5702", Parsers.MEMBERS, "Hazelcast TCP-IP members, host:port comma-separated"),
    LOG_FORMAT("text", Parsers.oneOf("text", "json"), "log output: readable text or one JSON object per line"),
    LOG_LEVEL("INFO", Parsers.oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), "root log level"),
    LLM_PROVIDER("auto", Parsers.oneOf("auto", "openai", "offline"),
            "auto = the OpenAI-compatible endpoint when OPENAI_API_KEY is set, else the deterministic offline provider"),
    LLM_TIMEOUT_SECONDS("60", Parsers.positiveInt(600), "timeout of one request to the OpenAI-compatible endpoint (seconds)"),
    LLM_MAX_RETRIES("2", Parsers.of("an integer 0-5", s -> {
        int v = Integer.parseInt(s);
        if (v < 0 || v > 5) {
            throw new IllegalArgumentException(s);
        }
        return v;
    }), "retries of one LLM request after 429, 5xx, timeouts or connection failures (exponential backoff)"),
    LLM_RETRY_MAX_WAIT_SECONDS("30", Parsers.positiveInt(120),
            "longest wait before a retry; a longer Retry-After ends the call as LLM_UNAVAILABLE instead of waiting"),
    LLM_MAX_CALLS_PER_DAY("2000", Parsers.positiveInt(10_000_000), "model calls per agent per UTC day before LLM_CAP_REACHED"),
    LLM_MAX_TOKENS_PER_DAY("2000000", Parsers.positiveInt(2_000_000_000),
            "input + output tokens per agent per UTC day before LLM_CAP_REACHED"),
    LLM_AGENT_CAPS("", Parsers.of("empty or agent=calls/tokens pairs, comma-separated, e.g. judge=100/300000", s -> {
        for (String pair : Parsers.split(s)) {
            if (!pair.matches("[A-Za-z0-9_.-]{1,64}=[1-9]\\d{0,9}/[1-9]\\d{0,9}")) {
                throw new IllegalArgumentException(pair);
            }
        }
        return s;
    }), "per-agent caps overriding LLM_MAX_CALLS_PER_DAY / LLM_MAX_TOKENS_PER_DAY"),
    LLM_PRICES_FILE("", Parsers.TEXT, "JSON price table (USD per 1M input/output tokens per model) merged over the built-in one"),
    HTTP_AUTH_TOKEN("", Parsers.TEXT, "bearer token for HTTP_PORT (dashboard, /health, /api, /ws/ticker; /ready stays open); empty = none", true),
    RISK_CONFIG_FILE("", Parsers.TEXT, "JSON risk limits for every order (the backtest's --risk-config format); empty = the live defaults"),
    RISK_MAX_POSITION_RISK_PCT("", Parsers.PERCENT_OR_EMPTY, "live gate: percent of equity at risk per trade at its declared stop; empty = file or 2"),
    RISK_MAX_SYMBOL_EXPOSURE_PCT("", Parsers.PERCENT_OR_EMPTY, "live gate: percent of equity in one symbol; empty = file or 60"),
    RISK_MAX_PORTFOLIO_EXPOSURE_PCT("", Parsers.PERCENT_OR_EMPTY, "live gate: percent of equity in all positions; empty = file or 95"),
    RISK_MAX_DAILY_LOSS_PCT("", Parsers.PERCENT_OR_EMPTY, "live gate: no new entries once equity is this percent below the day's anchor; empty = file or 5"),
    RISK_MAX_DAILY_RISK_BUDGET_PCT("", Parsers.PERCENT_OR_EMPTY, "live gate: percent of the day's anchor that entries may risk in a day; empty = file or off"),
    RISK_MAX_TRADES_PER_DAY("", Parsers.INT_OR_EMPTY, "live gate: approved orders per UTC day (exits exempt); empty = file or 500"),
    JUDGE_ENABLED("true", Parsers.oneOf("true", "false"), "true = the judge agent runs (offline rules without a model key)"),
    JUDGE_EVAL_MINUTES("240", Parsers.positiveInt(10_080), "judge: minutes between scheduled evaluations (durable timer)"),
    JUDGE_COOLDOWN_MINUTES("60", Parsers.positiveInt(10_080), "judge: least minutes between an evaluation and an unforced on-demand one"),
    JUDGE_MAX_EVALUATIONS_PER_DAY("12", Parsers.positiveInt(1_000), "judge: evaluations per UTC day, forced ones included; more are skipped and counted"),
    JUDGE_WINDOW_DAYS("7", Parsers.positiveInt(90), "judge: days of ledger an evaluation scores"),
    JUDGE_SCORE_THRESHOLD("50", Parsers.PERCENT, "judge: a score under it asks for a new execution prompt version"),
    JUDGE_ROLLBACK_DELTA("5", Parsers.decimalBetween("0.01", "100"),
            "judge: a new prompt version whose next evaluation scores this much under its predecessor is rolled back"),
    JUDGE_WEIGHTS("", Parsers.of("empty or component=weight pairs (returns, drawdown, decisions, costs, hit_rate, consistency)",
            s -> Parsers.require(s, s.isEmpty() || s.matches("\\s*[a-z_]+\\s*=\\s*[0-9.]+\\s*(,\\s*[a-z_]+\\s*=\\s*[0-9.]+\\s*)*"))),
            "judge: score weights, normalized; empty = returns=0.25,drawdown=0.20,decisions=0.15,costs=0.10,hit_rate=0.15,consistency=0.15"),
    JUDGE_RETURN_TARGET("0.05", Parsers.decimalBetween("0.001", "10"), "judge: window return (fraction) worth a full returns score"),
    JUDGE_DRAWDOWN_LIMIT("0.10", Parsers.decimalBetween("0.001", "1"), "judge: max drawdown (fraction) worth a zero drawdown score"),
    JUDGE_MIN_MULTIPLIER("0.5", Parsers.decimalBetween("0.25", "3"), "judge: lowest risk multiplier it may set (the floor; the gate's own is 0.25)"),
    JUDGE_MAX_MULTIPLIER("1.0", Parsers.decimalBetween("0.25", "3"), "judge: highest risk multiplier it may set"),
    JUDGE_ADJUSTMENT_DAYS("3", Parsers.positiveInt(30), "judge: days an adjustment lasts when it names no end"),
    STRATEGY_REPLAY_DEMO_SPECS("true", Parsers.oneOf("true", "false"), "true = with MARKET_SOURCE=replay, also store the 1-minute demo specs (an entry every ~15 min) that the execution agent then trades; false = only the 5-minute shipped specs"),
    EXECUTION_AGENT_ENABLED("true", Parsers.oneOf("true", "false"), "true = the execution agent runs on this stack (nudged by a durable timer)"),
    EXECUTION_MODE("llm", Parsers.oneOf("rules", "llm", "hybrid"),
            "rules = the compiled spec decides; llm = the model proposes intents; hybrid = rules propose, the model may veto or resize"),
    EXECUTION_NUDGE_SECONDS("25", Parsers.positiveInt(86_400), "seconds between two nudges of the execution agent"),
    EXECUTION_MIN_MOVE_PCT("0.15", Parsers.PERCENT, "gate: price move (percent) since the last consultation that consults the model again"),
    EXECUTION_MAX_STALE_SECONDS("300", Parsers.positiveInt(86_400), "gate: seconds without a consultation after which the model is consulted"),
    EXECUTION_LLM_CALLS_PER_WINDOW("12", Parsers.positiveInt(100_000), "gate: model consultations allowed per symbol in the rolling window"),
    EXECUTION_LLM_WINDOW_SECONDS("3600", Parsers.positiveInt(86_400), "gate: length of the rolling window of EXECUTION_LLM_CALLS_PER_WINDOW"),
    EXECUTION_SYMBOLS("", Parsers.of("empty or comma-separated products like BTC-USD,ETH-USD", s -> s.isBlank() ? s
            : Parsers.SYMBOLS.parse(s)), "products the execution agent trades; empty = MARKET_SYMBOLS"),
    OTEL_EXPORTER_OTLP_ENDPOINT("", Parsers.URL_OR_EMPTY,
            "OTLP/HTTP base URL for traces (spans go to <url>/v1/traces); empty = no tracing, nothing exported"),
    OTEL_EXPORTER_OTLP_HEADERS("", Parsers.of("empty or key=value pairs, comma-separated, values percent-encoded",
            s -> {
                OtlpSettings.parseHeaders(s);
                return s;
            }), "headers sent with every export, e.g. Authorization=Basic%20<base64> for Langfuse", true),
    OTEL_SERVICE_NAME("trading-stack", Parsers.NAME, "service.name of the exported spans"),
    OTEL_CAPTURE_CONTENT("false", Parsers.oneOf("true", "false"),
            "true = LLM prompt and answer text recorded as span events; false = never in spans");

    private final String defaultValue;
    private final Parsers.Parser parser;
    private final String description;
    private final boolean secret;

    ConfigKey(String defaultValue, Parsers.Parser parser, String description) {
        this(defaultValue, parser, description, false);
    }

    ConfigKey(String defaultValue, Parsers.Parser parser, String description, boolean secret) {
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.description = description;
        this.secret = secret;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    public String accepted() {
        return parser.accepted();
    }

    /** Validates a raw value; throws {@link ConfigException} naming the key, the value and what is accepted. */
    public Object parse(String raw) {
        try {
            return parser.parse(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(this, raw, parser.accepted());
        }
    }

    public static Optional<ConfigKey> named(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
