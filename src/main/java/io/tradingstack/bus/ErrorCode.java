package io.tradingstack.bus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Machine-readable failure codes, one numeric range per component. Business rejections and
 * validation failures carry one of these across the bus, MCP and HTTP; the numbers never change
 * once published.
 */
public enum ErrorCode {
    // 1000-1099 app: configuration, deployment, health
    CONFIG_INVALID(1000, "invalid configuration value"),
    CONFIG_UNKNOWN_KEY(1001, "unknown configuration key"),
    DEPLOYMENT_FAILED(1002, "deployment failed"),
    NOT_READY(1003, "component not ready"),
    STATE_STORAGE(1020, "workflow state storage unavailable"),
    // 1100-1199 bus: transport-level problems
    BUS_TIMEOUT(1100, "no reply in time"),
    BUS_NO_HANDLER(1101, "no handler for address"),
    BUS_BAD_MESSAGE(1102, "malformed message"),
    INTERNAL(1199, "internal error"),
    // 1200-1299 durable: Temporal
    TEMPORAL_UNAVAILABLE(1200, "Temporal service unavailable"),
    WORKFLOW_NOT_FOUND(1201, "workflow not found"),
    // 2000-2099 market
    MARKET_UNKNOWN_SYMBOL(2000, "unknown symbol"),
    MARKET_BAD_TICK(2001, "invalid tick"),
    MARKET_NO_DATA(2002, "no market data yet"),
    MARKET_STALE(2003, "market data is stale"),
    MARKET_EXCHANGE_ERROR(2004, "exchange request failed"),
    MARKET_BAD_REQUEST(2005, "invalid market request"),
    // 3000-3099 features
    FEATURES_UNKNOWN_INDICATOR(3000, "unknown indicator"),
    FEATURES_BAD_PARAMETER(3001, "invalid indicator parameter"),
    FEATURES_NOT_WARM(3002, "not enough data yet"),
    // 4000-4099 ledger
    LEDGER_UNBALANCED(4000, "journal entry does not balance"),
    LEDGER_DUPLICATE(4001, "duplicate idempotency key"),
    LEDGER_STORAGE(4002, "ledger storage unavailable"),
    LEDGER_INVARIANT(4003, "ledger invariant violated"),
    LEDGER_DATA_REJECTED(4010, "the database refused the data (invalid text, too long, constraint); not retried"),
    // 5000-5099 execution
    ORDER_INVALID(5000, "invalid order"),
    ORDER_INSUFFICIENT_CASH(5001, "insufficient cash"),
    ORDER_INSUFFICIENT_HOLDINGS(5002, "insufficient holdings"),
    ORDER_UNKNOWN_SYMBOL(5003, "unknown symbol"),
    ORDER_NO_PRICE(5004, "no current price for symbol"),
    ORDER_NOT_FOUND(5005, "order not found"),
    ORDER_NOT_CANCELLABLE(5006, "order cannot be cancelled"),
    ORDER_PRICE_UNREASONABLE(5007, "price far from market"),
    ORDER_CLOSED(5010, "order is already closed"),
    ORDER_CANCELLED_BY_RECOVERY(5011, "order was in flight when the process stopped and no fill was committed"),
    // 6000-6099 risk
    RISK_LIMIT(6000, "risk limit reached"),
    RISK_BAD_CONFIG(6001, "invalid risk configuration"),
    // 7000-7099 mcp
    MCP_BAD_ARGUMENTS(7000, "invalid tool arguments"),
    MCP_UNKNOWN_TOOL(7001, "unknown tool"),
    MCP_UNAUTHORIZED(7002, "unauthorized"),
    MCP_FORBIDDEN(7003, "forbidden"),
    MCP_RATE_LIMITED(7004, "rate limited"),
    MCP_TIER_DISABLED(7005, "capability tier disabled"),
    // 8000-8099 backtest
    BACKTEST_BAD_DATA(8000, "invalid backtest data"),
    BACKTEST_BAD_ARGUMENTS(8001, "invalid backtest arguments"),
    BACKTEST_NOT_FOUND(8002, "backtest not found"),
    BACKTEST_LOOK_AHEAD(8003, "strategy read data after its decision time"),
    BACKTEST_INTERRUPTED(8010, "backtest interrupted by a restart"),
    // 9000-9099 agents and llm
    LLM_UNAVAILABLE(9000, "LLM endpoint unavailable"),
    LLM_BAD_RESPONSE(9001, "LLM response could not be used"),
    AGENT_BAD_REQUEST(9002, "invalid agent request"),
    LLM_CAP_REACHED(9003, "daily LLM cap reached"),
    LLM_BAD_REQUEST(9004, "invalid LLM request"),
    // 9100-9149 strategy: specs, the rule language, the spec store
    STRATEGY_RULE_SYNTAX(9100, "rule is not well formed"),
    STRATEGY_UNKNOWN_IDENTIFIER(9101, "unknown identifier in rule"),
    STRATEGY_UNKNOWN_TIMEFRAME(9102, "unknown or unavailable timeframe"),
    STRATEGY_UNKNOWN_FUNCTION(9103, "unknown function in rule"),
    STRATEGY_TYPE_ERROR(9104, "rule mixes incompatible types"),
    STRATEGY_RULE_TOO_LARGE(9105, "rule too long or too deeply nested"),
    STRATEGY_SPEC_INVALID(9106, "invalid strategy spec"),
    STRATEGY_SPEC_NOT_FOUND(9107, "strategy spec not found"),
    STRATEGY_SPEC_CONFLICT(9108, "strategy spec conflicts with a stored one"),
    STRATEGY_STORAGE(9109, "strategy store unavailable");

    private final int code;
    private final String summary;

    ErrorCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public int code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    /** The component that owns this code, derived from its range. */
    public String component() {
        int range = code / 100;
        return switch (range) {
            case 10 -> "app";
            case 11 -> "bus";
            case 12 -> "durable";
            case 20 -> "market";
            case 30 -> "features";
            case 40 -> "ledger";
            case 50 -> "execution";
            case 60 -> "risk";
            case 70 -> "mcp";
            case 80 -> "backtest";
            case 91 -> "strategy";
            default -> "agents";
        };
    }

    /** The code of this name, if it is one of ours. */
    public static Optional<ErrorCode> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }

    public static Optional<ErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
