package io.tradingstack.agents.execution;

import io.temporal.activity.Activity;
import io.tradingstack.agents.prompts.PromptChange;
import io.tradingstack.agents.prompts.PromptRollback;
import io.tradingstack.agents.prompts.PromptStoreClient;
import io.tradingstack.agents.prompts.PromptVersion;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.execution.OrderService;
import io.tradingstack.execution.PlaceOrderRequest;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.DecisionTrace;
import io.tradingstack.runtime.StateBridge;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The execution agent's activities: state through the workflow-state store, observations through
 * the strategy store, features and ledger endpoints ({@link Observer}), orders through
 * PlaceOrderWorkflow (id from the client_order_id, so a repeat finds the original), decisions
 * through the execution agent's verticle. Each decision is one trace and one INFO line.
 */
public final class ExecutionActivitiesImpl implements ExecutionActivities {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionActivitiesImpl.class);
    private final AppContext ctx;
    private final StateBridge state;
    private final BusBridge bus;
    private final Observer observer;
    private final PromptStoreClient prompts;
    private final Supplier<io.temporal.client.WorkflowClient> client;

    public ExecutionActivitiesImpl(AppContext ctx) {
        this.ctx = ctx;
        Vertx vertx = ctx.vertx();
        this.state = new StateBridge(vertx);
        this.bus = new BusBridge(vertx);
        this.observer = new Observer(bus, ctx.config());
        this.prompts = new PromptStoreClient(vertx);
        this.client = () -> ctx.temporal().result().client();
        Codecs.register(vertx, DecisionMessages.TYPES);
    }

    private static String workflowId() {
        return Activity.getExecutionContext().getInfo().getWorkflowId();
    }

    @Override
    public ExecutionState loadState() {
        return state.load(workflowId(), ExecutionState.class);
    }

    @Override
    public void saveState(ExecutionState s, long revision) {
        state.save(workflowId(), DurableNames.ExecutionAgent.TYPE, revision, s);
    }

    @Override
    public Observation.Batch observe(ObserveRequest request) {
        return observer.observe(request);
    }

    @Override
    public OrderOutcome place(String clientOrderId, Intent intent) {
        OrderIntent order = new OrderIntent(intent.symbol(), Side.valueOf(intent.side().toUpperCase(Locale.ROOT)), intent.qty(),
                null, OrderType.MARKET, clientOrderId, null, intent.stopPrice(), intent.triggerId(), intent.triggerCategory());
        PlaceOrderRequest request = new PlaceOrderRequest(OrderService.requestIdOf(order, clientOrderId), List.of(order), false);
        OrderResult r = new OrderService(client.get(), ctx.config().taskQueue()).place(request).get(0);
        boolean duplicate = r.original() != null;
        OrderResult shown = duplicate ? r.original() : r;
        return new OrderOutcome(clientOrderId, shown.orderId(), shown.status().name(),
                shown.code() == null ? null : shown.code().name(), shown.message(), duplicate);
    }

    @Override
    public void record(DecisionRecord d) {
        try (DecisionTrace trace = DecisionTrace.start(ctx.telemetry(), ExecutionPrompt.AGENT, d.workflowId(), d.id())) {
            trace.outcome(d.outcome());
            if (d.fallback() != null) {
                trace.failed(d.fallback().split(":", 2)[0]);
            }
            bus.request(Addresses.AGENT_DECISION_RECORD, d, Boolean.class);
        }
        LOG.info("Decision {} {} mode={} by={} gate={} llm={} prompt=v{} intents={} outcome={}{}", d.id(), d.symbol(), d.mode(),
                d.decidedBy(), d.gateReason(), d.llmCallId() == null ? "-" : d.llmCallId(), d.promptVersion(),
                d.intents().stream().map(i -> i.side() + " " + i.qty().toPlainString()).toList(), d.outcome(),
                d.fallback() == null ? "" : " fallback=" + d.fallback());
    }

    @Override
    public PromptSignals.Version currentPrompt() {
        return version(prompts.current(ExecutionPrompt.AGENT, ExecutionPrompt.DEFAULT_TEXT));
    }

    @Override
    public PromptSignals.Version changePrompt(PromptSignals.Change c) {
        return version(prompts.createVersion(build(() -> new PromptChange(ExecutionPrompt.AGENT, c.text(),
                c.author() == null ? "user" : c.author(), c.reason() == null ? "prompt change signalled" : c.reason(), c.score()))));
    }

    @Override
    public PromptSignals.Version rollbackPrompt(PromptSignals.Rollback r) {
        return version(prompts.rollback(build(() -> new PromptRollback(ExecutionPrompt.AGENT, r.version(),
                r.author() == null ? "user" : r.author(), r.reason() == null ? "rollback signalled" : r.reason()))));
    }

    @Override
    public void addFeedback(String message) {
        prompts.addFeedback(ExecutionPrompt.AGENT, message, "user");
    }

    @Override
    public List<PromptSignals.Note> pendingFeedback() {
        return prompts.pending(ExecutionPrompt.AGENT).stream().map(f -> new PromptSignals.Note(f.id(), f.message())).toList();
    }

    @Override
    public void consumeFeedback(List<Long> ids) {
        prompts.consume(ids, workflowId());
    }

    private static PromptSignals.Version version(PromptVersion v) {
        return new PromptSignals.Version(v.version(), v.text(), v.author(), v.reason());
    }

    /** A request the store's records refuse is a coded, final failure (the agent shows it, nothing is stored). */
    private static <T> T build(Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BusBridge.failure(ErrorCode.PROMPT_BAD_REQUEST, e.getMessage());
        }
    }
}
