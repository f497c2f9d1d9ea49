package io.tradingstack.bus;

/**
 * Every event-bus address of the system. Topics (publish, many consumers) are
 * {@code ts.<domain>.<event>[.<SYMBOL>]}; endpoints (request/reply, one handler) are
 * {@code ts.<component>.<verb>}. No address literal appears anywhere else.
 */
public final class Addresses {
    private Addresses() {
    }

    // app
    /** Endpoint: the node's health report (JsonObject). */
    public static final String APP_HEALTH = "ts.app.health";

    // market
    private static final String MARKET_TICK = "ts.market.tick.";
    /** Endpoint: latest validated tick of a symbol (body: symbol string). */
    public static final String MARKET_LATEST_TICK = "ts.market.latest-tick";
    /** Endpoint: the market feed's statistics (JsonObject). */
    public static final String MARKET_STATS = "ts.market.stats";
    /** Endpoint: set the streamed symbols (JsonObject {symbols:[...]}). */
    public static final String MARKET_SET_SYMBOLS = "ts.market.set-symbols";
    /** Endpoint: fetch candles through the exchange adapter (market.CandleFetch → JsonObject {report, candles}). */
    public static final String MARKET_FETCH_CANDLES = "ts.market.fetch-candles";

    // features
    private static final String FEATURES_VECTOR = "ts.features.vector.";
    /** Endpoint: latest feature vector of a symbol (body: symbol string). */
    public static final String FEATURES_LATEST_VECTOR = "ts.features.latest-vector";
    /** Endpoint: list the technical-metrics catalogue. */
    public static final String FEATURES_LIST_METRICS = "ts.features.list-metrics";
    /** Endpoint: the candle history of a symbol and timeframe (features.CandleHistory.Request → CandleHistory). */
    public static final String FEATURES_CANDLES = "ts.features.candles";
    /** Endpoint: compute technical metrics (features.MetricsRequest → JsonObject). */
    public static final String FEATURES_COMPUTE_METRICS = "ts.features.compute-metrics";

    // backtest
    /** Endpoint: store a sweep's state and, once done, its runs (backtest.sweep.SweepMessages.Save → Saved). */
    public static final String SWEEP_SAVE = "ts.backtest.sweep-save";
    /** Endpoint: a stored sweep's progress (backtest.sweep.SweepMessages.Load → Loaded). */
    public static final String SWEEP_LOAD = "ts.backtest.sweep-load";
    /** The newest sweeps for the dashboard ({@code SweepMessages.ListSweeps} → {@code Listed}). */
    public static final String SWEEP_LIST = "ts.backtest.sweep-list";

    // ledger
    /** Endpoint: persist a fill as a balanced journal entry (idempotent on the fill id). */
    public static final String LEDGER_POST_FILL = "ts.ledger.post-fill";
    /** Topic: a fill was recorded. */
    public static final String LEDGER_FILL_RECORDED = "ts.ledger.fill-recorded";
    /** Endpoint: record accepted orders and hold their funds (JsonObject {orders, allOrNothing}). */
    public static final String LEDGER_RESERVE = "ts.ledger.reserve";
    /** Endpoint: close an order and release its hold (JsonObject {orderId, status}). */
    public static final String LEDGER_CLOSE_ORDER = "ts.ledger.close-order";
    /** Endpoint: portfolio status, history, order, performance and risk queries (JsonObject {query, ...}). */
    public static final String LEDGER_QUERY = "ts.ledger.query";

    // durable
    /** Endpoint: a workflow's stored state (JsonObject {workflowId}) → {workflowId, workflowType, revision, state} or {}. */
    public static final String STATE_LOAD = "ts.durable.state-load";
    /** Endpoint: the stored states of one workflow type, newest first (WorkflowState.ListRequest → Listed). */
    public static final String STATE_LIST = "ts.durable.state-list";
    /** Endpoint: store a workflow's state if newer (JsonObject {workflowId, workflowType, revision, state}). */
    public static final String STATE_SAVE = "ts.durable.state-save";

    // execution
    /** Endpoint: pre-trade checks and paper fill of an order. */
    public static final String EXECUTION_PLACE = "ts.execution.place";
    /** Endpoint: cancel a resting order (JsonObject {orderId}). */
    public static final String EXECUTION_CANCEL = "ts.execution.cancel";
    /** Endpoint: start or stop watching a resting limit order (JsonObject {orderId, symbol, side, limitPrice, watch}). */
    public static final String EXECUTION_WATCH = "ts.execution.watch";

    // risk (the live gate, execution.RiskGateVerticle)
    /** Endpoint: judge orders with the risk engine, then hold the approved ones at the ledger (execution.RiskMessages.AdmitRequest → ledger.ReserveReply). */
    public static final String RISK_ADMIT = "ts.risk.admit";
    /** Endpoint: one UTC day's limit_enforcement (RiskMessages.EnforcementQuery → RiskMessages.Enforcement). */
    public static final String RISK_ENFORCEMENT = "ts.risk.enforcement";
    /** Endpoint: the stored risk adjustments and the multipliers in force (RiskMessages.AdjustmentsQuery → RiskMessages.Adjustments). */
    public static final String RISK_ADJUSTMENTS = "ts.risk.adjustments";
    /** Endpoint: store a risk adjustment, idempotent on its key (RiskMessages.Adjust → risk.RiskAdjustment). */
    public static final String RISK_ADJUST = "ts.risk.adjust";
    /** Endpoint: end a risk adjustment now (RiskMessages.Revoke → risk.RiskAdjustment). */
    public static final String RISK_REVOKE = "ts.risk.revoke";

    // strategy
    /** Endpoint: validate and store a spec as the active one of its market and timeframe (JsonObject {spec: JSON text}). */
    public static final String STRATEGY_SAVE = "ts.strategy.save";
    /** Endpoint: deactivate the spec of a market and timeframe (JsonObject {market, timeframe}). */
    public static final String STRATEGY_DELETE = "ts.strategy.delete";
    /** Endpoint: every active spec (JsonObject {specs: [...]}), for the store workflow's rebuild. */
    public static final String STRATEGY_LOAD = "ts.strategy.load";

    // prompts (agents.prompts.PromptStoreVerticle): the agents' prompt versions and the user's feedback
    /** Endpoint: the prompt version in force, seeded from the built-in text on first use (PromptMessages.Current → PromptVersion). */
    public static final String PROMPTS_CURRENT = "ts.prompts.current";
    /** Endpoint: store the next prompt version and put it in force; the text in force is a no-op (PromptChange → PromptVersion). */
    public static final String PROMPTS_CREATE = "ts.prompts.create";
    /** Endpoint: put a stored version back in force (PromptRollback → PromptVersion). */
    public static final String PROMPTS_ROLLBACK = "ts.prompts.rollback";
    /** Endpoint: the version in force and the latest versions and switches (PromptMessages.HistoryQuery → PromptHistory). */
    public static final String PROMPTS_HISTORY = "ts.prompts.history";
    /** Endpoint: store a user's message to an agent (PromptMessages.FeedbackAdd → Feedback). */
    public static final String PROMPTS_FEEDBACK_ADD = "ts.prompts.feedback-add";
    /** Endpoint: the messages an agent has not consumed, oldest first (PromptMessages.PendingQuery → PromptMessages.FeedbackList). */
    public static final String PROMPTS_FEEDBACK_PENDING = "ts.prompts.feedback-pending";
    /** Endpoint: mark messages consumed (PromptMessages.Consume → PromptMessages.Consumed). */
    public static final String PROMPTS_FEEDBACK_CONSUME = "ts.prompts.feedback-consume";

    // llm
    /** Endpoint: one chat with the configured model (body: llm.LlmCall; reply: llm.LlmResult). */
    public static final String LLM_CHAT = "ts.llm.chat";
    /** Endpoint: today's LLM usage per agent (reply: llm.LlmUsageReport). */
    public static final String LLM_USAGE = "ts.llm.usage";

    // agents
    /** Endpoint: store one execution-agent decision, idempotent on its id (agents.execution.DecisionRecord → Boolean). */
    public static final String AGENT_DECISION_RECORD = "ts.agents.decision-record";
    /** Endpoint: recent execution-agent decisions (agents.execution.DecisionMessages.RecentQuery → Recent), for the judge and MCP. */
    public static final String AGENT_DECISIONS = "ts.agents.decisions";

    // judge
    /** Endpoint: store one judge evaluation, idempotent on its id (agents.judge.JudgeMessages.Store → Boolean). */
    public static final String JUDGE_RECORD = "ts.judge.record";
    /** Endpoint: the latest judge evaluations and their trend (JudgeMessages.EvaluationsQuery → Evaluations). */
    public static final String JUDGE_EVALUATIONS = "ts.judge.evaluations";
    /** Endpoint: what a restarted judge resumes from (JudgeMessages.MemoryQuery → JudgeMemory). */
    public static final String JUDGE_MEMORY = "ts.judge.memory";

    /** Topic: validated ticks of one symbol (node-local unless configured otherwise). */
    public static String marketTick(String symbol) {
        return MARKET_TICK + symbol;
    }

    /** Topic: feature vectors of one symbol, published at every candle close. */
    public static String featuresVector(String symbol) {
        return FEATURES_VECTOR + symbol;
    }
}
