package io.tradingstack.bus;

/**
 * Every durable name of the system, as {@link Addresses} is for the bus: Temporal workflow types,
 * workflow ids (constants for singletons, builders for ids derived from a task queue or a key),
 * and signal, query and update names. Workflow interfaces reference these in their annotations;
 * tools, activities and tests use the same constants, so no name is spelled twice. The values are
 * part of recorded histories and of what MCP clients see: they never change once published. Names
 * that are the reference design's (snake_case) stay as they are; the others are the Java defaults
 * Temporal derived before they were written down here.
 */
public final class DurableNames {
    /** The task queue of a stack without TASK_QUEUE; singletons on it keep their bare ids. */
    public static final String DEFAULT_TASK_QUEUE = "mcp-tools";

    private DurableNames() {
    }

    /**
     * A singleton's id on {@code taskQueue}: the bare id on the default queue (what MCP clients
     * address), {@code <id>-<queue>} on another, so stacks on different queues of one namespace
     * never share a singleton.
     */
    static String onQueue(String id, String taskQueue) {
        return DEFAULT_TASK_QUEUE.equals(taskQueue) ? id : id + "-" + taskQueue;
    }

    /** The durable system check (asks the node's health over the bus). */
    public static final class SystemCheck {
        public static final String TYPE = "SystemCheckWorkflow";

        private SystemCheck() {
        }
    }

    /** The long-running ledger workflow: records fills, answers portfolio queries. */
    public static final class Ledger {
        public static final String TYPE = "ExecutionLedgerWorkflow";
        /** The id on the default task queue. */
        public static final String ID = "mock-ledger";
        public static final String RECORD_FILL = "record_fill";
        public static final String PORTFOLIO_STATUS = "get_portfolio_status";
        public static final String TRANSACTION_HISTORY = "get_transaction_history";
        public static final String PERFORMANCE_METRICS = "get_performance_metrics";
        public static final String RISK_METRICS = "get_risk_metrics";
        public static final String LOADED = "loaded";

        private Ledger() {
        }

        /** {@value #ID} on the default task queue, {@code mock-ledger-<queue>} on another. */
        public static String id(String taskQueue) {
            return onQueue(ID, taskQueue);
        }
    }

    /** One order or a batch: checks, holds, paper fills, hand-off to the ledger. */
    public static final class PlaceOrder {
        public static final String TYPE = "PlaceOrderWorkflow";

        private PlaceOrder() {
        }

        /** One workflow per placement request (a repeated request id finds the original). */
        public static String id(String requestId) {
            return "place-" + requestId;
        }
    }

    /** A GTC limit order resting until the market touches it. */
    public static final class RestingOrder {
        public static final String TYPE = "RestingOrderWorkflow";
        public static final String TOUCHED = "touched";
        public static final String CANCEL = "cancel";
        public static final String GET_ORDER = "get_order";

        private RestingOrder() {
        }

        public static String id(String orderId) {
            return "order-" + orderId;
        }
    }

    /** Durable control of the market stream (symbols streamed, counter snapshots). */
    public static final class MarketStream {
        public static final String TYPE = "MarketStreamWorkflow";
        public static final String ID = "market-stream";
        public static final String SET_SYMBOLS = "setSymbols";
        public static final String STOP = "stop";
        public static final String SYMBOLS = "symbols";
        public static final String STATS = "stats";
        public static final String GENERATION = "generation";

        private MarketStream() {
        }
    }

    /** Loads history of several products into the candle cache. */
    public static final class HistoricalLoader {
        public static final String TYPE = "HistoricalDataLoaderWorkflow";

        private HistoricalLoader() {
        }

        /** A load started by the stream's subscription ({@code suffix}: a short random key). */
        public static String id(String suffix) {
            return "historical-loader-" + suffix;
        }

        /** A cache load asked for by a tool ({@code suffix}: a short random key). */
        public static String cacheLoadId(String suffix) {
            return "cache-load-" + suffix;
        }
    }

    /** A backtest run durably, with progress signalled back by its activity. */
    public static final class Backtest {
        public static final String TYPE = "BacktestWorkflow";
        /** A backtest whose strategy is the LLM strategist ({@code strategy=llm}): same request, signal and query. */
        public static final String LLM_TYPE = "LLMBacktestWorkflow";
        /** Prefix of the ids of runs started through MCP. */
        public static final String MCP_ID_PREFIX = "backtest-mcp-";
        public static final String REPORT_PROGRESS = "reportProgress";
        public static final String PROGRESS = "progress";

        private Backtest() {
        }

        /** True for both backtest workflow types. */
        public static boolean isBacktest(String workflowType) {
            return TYPE.equals(workflowType) || LLM_TYPE.equals(workflowType);
        }

        /** The workflow type that runs a backtest of {@code strategy}. */
        public static String typeFor(String strategy) {
            return "llm".equals(strategy) ? LLM_TYPE : TYPE;
        }
    }

    /**
     * A sweep of backtests: the workflow on the node's task queue, every run an activity on the runs
     * queue that every node polls (so the runs spread over the cluster).
     */
    public static final class Sweep {
        public static final String TYPE = "SweepWorkflow";
        /** Prefix of the ids of sweeps started through MCP. */
        public static final String MCP_ID_PREFIX = "sweep-mcp-";
        /** Prefix of the ids of sweeps started by {@code backtest sweep --temporal}. */
        public static final String CLI_ID_PREFIX = "sweep-cli-";
        public static final String PROGRESS = "sweep_progress";

        private Sweep() {
        }

        /** The queue the runs of sweeps started on {@code taskQueue} are scheduled on. */
        public static String runQueue(String taskQueue) {
            return taskQueue + "-sweep-runs";
        }
    }

    /** The broker agent's durable state: symbols, user preferences and the chat transcript. */
    public static final class Broker {
        public static final String TYPE = "BrokerAgentWorkflow";
        public static final String ID = "broker-agent";
        public static final String SET_SYMBOLS = "set_symbols";
        public static final String SET_PREFERENCES = "set_user_preferences";
        public static final String UPDATE_PREFERENCES = "update_user_preferences";
        public static final String GET_SYMBOLS = "get_symbols";
        public static final String GET_PREFERENCES = "get_user_preferences";
        /** Update: one step of a chat turn (a user message, or the results of the tool calls asked for). */
        public static final String CHAT = "broker_chat";
        /** Query: the last lines of the conversation. */
        public static final String GET_TRANSCRIPT = "get_broker_transcript";

        private Broker() {
        }
    }

    /** The durable store of strategy specs. */
    public static final class StrategyStore {
        public static final String TYPE = "StrategySpecWorkflow";
        /** The id on the default task queue. */
        public static final String ID = "strategy-spec-store";
        public static final String UPDATE = "update_strategy_spec";
        public static final String DELETE = "delete_strategy_spec";
        public static final String GET = "get_strategy_spec";
        public static final String GET_BY_ID = "get_strategy_by_id";
        public static final String LIST = "list_strategy_specs";
        public static final String EVENTS = "get_store_events";
        /** Update: plan a spec with the model (or the offline planner), validate, store; answers the outcome. */
        public static final String PLAN = "plan_strategy";

        private StrategyStore() {
        }

        /** {@value #ID} on the default task queue, {@code strategy-spec-store-<queue>} on another. */
        public static String id(String taskQueue) {
            return onQueue(ID, taskQueue);
        }
    }

    /** The judge agent: scores the trading, versions the execution agent's prompt, tapers risk. */
    public static final class JudgeAgent {
        public static final String TYPE = "JudgeAgentWorkflow";
        /** The id on the default task queue. */
        public static final String ID = "judge-agent";
        /** Update: an on-demand evaluation (answers accepted, or skipped and why). */
        public static final String TRIGGER = "trigger_immediate_evaluation";
        /** Query: pacing counters, the last score and the version on probation. */
        public static final String GET_STATE = "get_judge_state";

        private JudgeAgent() {
        }

        /** {@value #ID} on the default task queue, {@code judge-agent-<queue>} on another. */
        public static String id(String taskQueue) {
            return onQueue(ID, taskQueue);
        }
    }

    /** The execution agent: nudged by a durable timer, decides per symbol, places orders through PlaceOrder. */
    public static final class ExecutionAgent {
        public static final String TYPE = "ExecutionAgentWorkflow";
        /** The id on the default task queue. */
        public static final String ID = "execution-agent";
        public static final String UPDATE_SYSTEM_PROMPT = "update_system_prompt";
        public static final String ROLLBACK_PROMPT = "rollback_prompt";
        public static final String SET_PREFERENCES = "set_user_preferences";
        public static final String ADD_FEEDBACK = "add_user_feedback";
        public static final String PAUSE = "pause";
        public static final String RESUME = "resume";
        public static final String NUDGE = "nudge";
        public static final String GET_STATE = "get_execution_state";

        private ExecutionAgent() {
        }

        /** {@value #ID} on the default task queue, {@code execution-agent-<queue>} on another. */
        public static String id(String taskQueue) {
            return onQueue(ID, taskQueue);
        }
    }
}
