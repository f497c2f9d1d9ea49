package io.tradingstack.bus;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.temporal.failure.ApplicationFailure;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Machine-readable failure codes, one numeric range per component. Business rejections and
 * validation failures carry one of these across the bus, Temporal (as the failure type), MCP and
 * HTTP; the numbers never change once published. Whether a code is retried is stated here and
 * nowhere else: only unavailability (storage, transport, Temporal, the exchange) is; a failure
 * without a code is {@link #INTERNAL}, which is not.
 */
public enum ErrorCode {
    // 1000-1099 app: configuration, deployment, health
    CONFIG_INVALID(1000, "invalid configuration value"),
    NOT_READY(1003, "component not ready"),
    STATE_STORAGE(1020, "workflow state storage unavailable", Retry.RETRIED),
    // 1100-1199 bus: transport-level problems
    BUS_TIMEOUT(1100, "no reply in time", Retry.RETRIED),
    BUS_NO_HANDLER(1101, "no handler for address", Retry.RETRIED),
    BUS_BAD_MESSAGE(1102, "malformed message"),
    /** The one default for a failure without a code (a plain bug): never retried. */
    @JsonEnumDefaultValue
    INTERNAL(1199, "internal error"),
    // 1200-1299 durable: Temporal
    TEMPORAL_UNAVAILABLE(1200, "Temporal service unavailable", Retry.RETRIED),
    WORKFLOW_NOT_FOUND(1201, "workflow not found"),
    // 2000-2099 market
    MARKET_UNKNOWN_SYMBOL(2000, "unknown symbol"),
    MARKET_NO_DATA(2002, "no market data yet"),
    MARKET_EXCHANGE_ERROR(2004, "exchange request failed", Retry.RETRIED),
    MARKET_BAD_REQUEST(2005, "invalid market request"),
    // 3000-3099 features
    FEATURES_UNKNOWN_INDICATOR(3000, "unknown indicator"),
    FEATURES_BAD_PARAMETER(3001, "invalid indicator parameter"),
    FEATURES_NOT_WARM(3002, "not enough data yet"),
    // 4000-4099 ledger
    LEDGER_UNBALANCED(4000, "journal entry does not balance"),
    LEDGER_STORAGE(4002, "ledger storage unavailable", Retry.RETRIED),
    LEDGER_DATA_REJECTED(4010, "the database refused the data (invalid text, too long, constraint); not retried"),
    // 5000-5099 execution
    ORDER_INVALID(5000, "invalid order"),
    ORDER_INSUFFICIENT_CASH(5001, "insufficient cash"),
    ORDER_INSUFFICIENT_HOLDINGS(5002, "insufficient holdings"),
    ORDER_UNKNOWN_SYMBOL(5003, "unknown symbol"),
    ORDER_NOT_FOUND(5005, "order not found"),
    ORDER_NOT_CANCELLABLE(5006, "order cannot be cancelled"),
    ORDER_PRICE_UNREASONABLE(5007, "price far from market"),
    ORDER_CLOSED(5010, "order is already closed"),
    ORDER_CANCELLED_BY_RECOVERY(5011, "order was in flight when the process stopped and no fill was committed"),
    ORDER_BAD_STOP(5050, "stop price on the wrong side of the order's price"),
    // 6000-6099 risk
    RISK_LIMIT(6000, "risk limit reached"),
    RISK_BAD_CONFIG(6001, "invalid risk configuration"),
    RISK_TRADES_PER_DAY(6010, "max trades per day reached"),
    RISK_DAILY_LOSS(6011, "max daily loss reached"),
    RISK_SYMBOL_VETO(6012, "symbol vetoed"),
    RISK_DIRECTION_VETO(6013, "direction vetoed"),
    RISK_POSITION_RISK(6014, "risk at the stop above max_position_risk_pct"),
    RISK_SYMBOL_EXPOSURE(6015, "above max_symbol_exposure_pct"),
    RISK_PORTFOLIO_EXPOSURE(6016, "above max_portfolio_exposure_pct"),
    RISK_DAILY_BUDGET(6017, "daily risk budget used up"),
    RISK_SIZE_TOO_SMALL(6018, "below the minimum order size once capped"),
    RISK_CATEGORY(6019, "trigger category not allowed by execution_caps"),
    RISK_STORAGE(6020, "risk store unavailable", Retry.RETRIED),
    RISK_BAD_ADJUSTMENT(6021, "invalid risk adjustment"),
    RISK_PLAN_LIMIT(6022, "max_triggers_per_symbol_per_day reached"),
    RISK_TRIGGER_BUDGET(6023, "the symbol's trigger budget for the day is used up"),
    RISK_SESSION(6024, "no new entries in this session (multiplier 0)"),
    // 7000-7099 mcp
    MCP_BAD_ARGUMENTS(7000, "invalid tool arguments"),
    MCP_RATE_LIMITED(7004, "rate limited"),
    // 7070-7089 web: the dashboard's HTTP API
    WEB_BAD_REQUEST(7070, "invalid dashboard request"),
    WEB_CSRF(7071, "missing or wrong CSRF token on a write request"),
    WEB_NOT_AVAILABLE(7072, "not available on this node"),
    WEB_BUSY(7073, "too many open dashboard chats"),
    // 8000-8099 backtest
    BACKTEST_BAD_DATA(8000, "invalid backtest data"),
    BACKTEST_BAD_ARGUMENTS(8001, "invalid backtest arguments"),
    BACKTEST_NOT_FOUND(8002, "backtest not found"),
    BACKTEST_LOOK_AHEAD(8003, "strategy read data after its decision time"),
    BACKTEST_INTERRUPTED(8010, "backtest interrupted by a restart"),
    // 8020-8039 backtest sweeps
    SWEEP_BAD_GRID(8020, "invalid sweep grid"),
    SWEEP_NOT_FOUND(8021, "sweep not found"),
    SWEEP_NO_WINDOW(8022, "the walk-forward windows do not fit the data"),
    SWEEP_INTERRUPTED(8023, "sweep interrupted by a restart"),
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
    STRATEGY_STORAGE(9109, "strategy store unavailable", Retry.RETRIED),
    // 9110-9119 strategy: the planner (plan_strategy)
    STRATEGY_PLAN_INVALID(9110, "the planned spec did not validate after one repair round"),
    STRATEGY_PLAN_NO_ANSWER(9111, "the planner's model gave no usable answer"),
    STRATEGY_PLAN_NO_DATA(9112, "not enough market data to plan"),
    STRATEGY_PLAN_BAD_REQUEST(9113, "invalid planning request"),
    // 9120-9139 agents: prompt versions and the user's feedback (agents.prompts)
    PROMPT_BAD_REQUEST(9120, "invalid prompt or feedback request"),
    PROMPT_NOT_FOUND(9121, "no such prompt version"),
    PROMPT_STORAGE(9122, "prompt store unavailable", Retry.RETRIED),

    BROKER_BAD_TURN(9150, "invalid broker chat turn"),
    BROKER_NO_SUCH_TURN(9151, "no such broker turn waiting for tool results"),
    BROKER_TOO_MANY_ROUNDS(9152, "the model kept calling tools past the round bound"),
    BROKER_STACK_UNREACHABLE(9153, "the stack's MCP server cannot be reached"),
    // 9160-9179 the execution agent
    EXECUTION_BAD_INTENT(9160, "the model's intents could not be used"),
    EXECUTION_NO_SPEC(9161, "no strategy spec for the symbol"),
    EXECUTION_NO_MARKET_DATA(9162, "no bars or price for the symbol yet"),
    EXECUTION_STORAGE(9163, "execution decision store unavailable", Retry.RETRIED),
    // 9180-9219 the judge agent
    JUDGE_BAD_PHRASE(9180, "risk instruction not understood"),
    JUDGE_ADJUSTMENT_REFUSED(9181, "risk adjustment refused: the judge never switches trading off"),
    JUDGE_BAD_REQUEST(9182, "invalid judge request"),
    JUDGE_STORAGE(9183, "judge store unavailable", Retry.RETRIED),
    JUDGE_NO_SUCH_VERSION(9184, "no such prompt version"),
    JUDGE_AGENT_UNREACHABLE(9185, "the execution agent could not be signalled", Retry.RETRIED);

    private static final Map<String, ErrorCode> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));
    private final int code;
    private final String summary;
    private final boolean retryable;

    ErrorCode(int code, String summary) {
        this(code, summary, false);
    }

    ErrorCode(int code, String summary, Retry retry) {
        this(code, summary, retry == Retry.RETRIED);
    }

    private ErrorCode(int code, String summary, boolean retryable) {
        this.code = code;
        this.summary = summary;
        this.retryable = retryable;
    }

    public int code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    /** True for unavailability, which a bounded retry may overcome; business and validation codes are final. */
    public boolean retryable() {
        return retryable;
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
            case 70 -> code >= 7070 && code < 7090 ? "web" : "mcp";
            case 80 -> "backtest";
            case 91 -> code < 9120 ? "strategy" : "agents";
            default -> "agents";
        };
    }

    /** The one lookup by name: the code of this name, if it is one of ours. */
    public static Optional<ErrorCode> named(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The code of this name, or {@link #INTERNAL} for anything else (null included). */
    public static ErrorCode ofName(String name) {
        return named(name).orElse(INTERNAL);
    }

    public static Optional<ErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }

    /**
     * The code a failure carries: a {@link CodedException}'s, or the type of a Temporal
     * {@link ApplicationFailure} (whose type is the code's name) anywhere in the cause chain;
     * {@link #INTERNAL} when there is none. A query's failure reaches a client of the embedded
     * Temporal server only as the failure's rendering ({@code ...ApplicationFailure: message='…',
     * type='NOT_READY', …}); its type is read from that rendering.
     */
    public static ErrorCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CodedException coded) {
                return coded.code();
            }
            if (t instanceof ApplicationFailure app) {
                return ofName(app.getType());
            }
            Matcher rendered = t.getMessage() == null ? null : RENDERED_FAILURE.matcher(t.getMessage());
            if (rendered != null && rendered.find()) {
                return ofName(rendered.group(1));
            }
        }
        return INTERNAL;
    }

    /** How {@link ApplicationFailure#toString()} renders a failure's type. */
    private static final Pattern RENDERED_FAILURE = Pattern.compile(
            ApplicationFailure.class.getName() + ": message='.*', type='([A-Z0-9_]+)'", Pattern.DOTALL);

    /** Marks the codes that are retried (see {@link #retryable()}). */
    enum Retry {
        RETRIED
    }
}
