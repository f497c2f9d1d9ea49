package io.tradingstack.agents.judge;

import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.DecisionRecord;
import io.tradingstack.agents.execution.ExecutionAgentWorkflow;
import io.tradingstack.agents.execution.ExecutionPrompt;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.agents.execution.OrderOutcome;
import io.tradingstack.agents.prompts.PromptChange;
import io.tradingstack.agents.prompts.PromptRollback;
import io.tradingstack.agents.prompts.PromptStoreClient;
import io.tradingstack.agents.prompts.PromptVersion;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.ledger.EquitySample;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.LedgerReport;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.BusBridge;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.failure.ApplicationFailure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The judge's effects over the bus and Temporal: the ledger's window (equity samples, fills), the
 * risk gate's daily decisions and adjustments, the prompt store, the execution agent's signals,
 * and the judge store. Prompt versions are only ever made by signalling the execution agent, and
 * the version in force is read from the running agent (what its decisions carry), from the prompt
 * store only when the agent does not run.
 */
public final class JudgeActivitiesImpl implements JudgeActivities {
    /** Most equity samples or fills one window reads (7 days of 60 s samples is 10 080). */
    static final int MAX_ROWS = 200_000;
    private final AppContext ctx;
    private final BusBridge bus;
    private final PromptStoreClient prompts;
    private final Clock clock;

    public JudgeActivitiesImpl(AppContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    JudgeActivitiesImpl(AppContext ctx, Clock clock) {
        this.ctx = ctx;
        this.bus = new BusBridge(ctx.vertx(), Duration.ofSeconds(20));
        this.prompts = new PromptStoreClient(ctx.vertx());
        this.clock = clock;
        Codecs.register(ctx.vertx(), JudgeMessages.TYPES);
        Codecs.register(ctx.vertx(), LedgerMessages.TYPES);
        Codecs.register(ctx.vertx(), RiskMessages.TYPES);
        Codecs.register(ctx.vertx(), DecisionMessages.TYPES);
    }

    @Override
    public JudgeMemory restore(String judgeId) {
        return bus.request(Addresses.JUDGE_MEMORY, new JudgeMessages.MemoryQuery(judgeId,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString()), JudgeMemory.class);
    }

    @Override
    public JudgeInputs gather(int windowDays) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(windowDays));
        List<EquitySample> samples = equity(since);
        List<io.tradingstack.ledger.PostedFill> fills = bus.request(Addresses.LEDGER_QUERY,
                LedgerQuery.history(since, MAX_ROWS, null), LedgerReport.History.class).fills();
        long attempts = 0;
        long executed = 0;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(since, ZoneOffset.UTC); !d.isAfter(today); d = d.plusDays(1)) {
            RiskMessages.Enforcement e = bus.request(Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(d),
                    RiskMessages.Enforcement.class);
            attempts += count(e.day().get("trades_attempted"));
            executed += count(e.day().get("trades_executed"));
        }
        long[] intents = agentIntents(since);
        JudgeFigures figures = FigureReducer.reduce(windowDays, samples, fills, attempts, Math.max(0, attempts - executed),
                intents[0], intents[1]);
        List<JudgeInputs.FeedbackItem> feedback = prompts.pending(ExecutionPrompt.AGENT).stream()
                .map(f -> new JudgeInputs.FeedbackItem(f.id(), f.message())).toList();
        ExecutionView agent = agentView();
        if (agent != null) {
            return new JudgeInputs(figures, agent.promptVersion(), agent.promptText(), feedback);
        }
        PromptVersion current = prompts.current(ExecutionPrompt.AGENT, ExecutionPrompt.DEFAULT_TEXT);
        return new JudgeInputs(figures, current.version(), current.text(), feedback);
    }

    /**
     * The execution agent's intents of the window that reached the gate, and those it refused (a
     * RISK_ code); zeros on a node without the agent's store.
     */
    private long[] agentIntents(Instant since) {
        List<DecisionRecord> decisions;
        try {
            decisions = bus.request(Addresses.AGENT_DECISIONS, new DecisionMessages.RecentQuery(DecisionMessages.MAX_LIMIT, null,
                    since), DecisionMessages.Recent.class).decisions();
        } catch (ApplicationFailure noStore) {
            if (!ErrorCode.BUS_NO_HANDLER.name().equals(noStore.getType())) {
                throw noStore;
            }
            return new long[] {0, 0};
        }
        long intents = 0;
        long blocked = 0;
        for (DecisionRecord d : decisions) {
            for (OrderOutcome o : d.verdicts()) {
                intents++;
                if (o.rejected() && o.code() != null && o.code().startsWith("RISK_")) {
                    blocked++;
                }
            }
        }
        return new long[] {intents, blocked};
    }

    /** The running execution agent's view (the prompt version its decisions carry), or null when it does not run. */
    private ExecutionView agentView() {
        try {
            ExecutionView v = ctx.temporal().result().client().newWorkflowStub(ExecutionAgentWorkflow.class,
                    DurableNames.ExecutionAgent.id(ctx.config().taskQueue())).getExecutionState();
            return v != null && v.loaded() ? v : null;
        } catch (WorkflowNotFoundException | WorkflowQueryException notRunning) {
            return null;
        }
    }

    @Override
    public List<JudgeAction> settleAdjustments() {
        Instant now = clock.instant();
        RiskMessages.Adjustments all = bus.request(Addresses.RISK_ADJUSTMENTS, new RiskMessages.AdjustmentsQuery(500),
                RiskMessages.Adjustments.class);
        List<JudgeAction> out = new ArrayList<>();
        for (RiskAdjustment a : all.adjustments()) {
            if (!AdjustmentPolicy.AUTHOR.equals(a.author()) || a.untilWinningDays() == null || !a.activeAt(now)) {
                continue;
            }
            int won = FigureReducer.winningDaysSince(equity(a.createdAt()), a.createdAt(), LocalDate.ofInstant(now, ZoneOffset.UTC));
            if (won >= a.untilWinningDays()) {
                RiskAdjustment ended = bus.request(Addresses.RISK_REVOKE, new RiskMessages.Revoke(a.id(),
                        won + " winning days reached"), RiskAdjustment.class);
                out.add(new JudgeAction("adjustment_ended", ended.reason() + ": " + won + " winning days", null, ended.id(), null));
            }
        }
        return out;
    }

    @Override
    public JudgeAction changePrompt(JudgeRequests.PromptRequest r) {
        PromptPlan plan = r.plan();
        WorkflowClient client = ctx.temporal().result().client();
        String queue = ctx.config().taskQueue();
        ExecutionAgentWorkflow.ensureStarted(client, queue, ExecutionSettings.from(ctx.config()));
        var agent = client.newUntypedWorkflowStub(DurableNames.ExecutionAgent.id(queue));
        String reason = "evaluation " + r.evaluationId() + ": " + plan.reason();
        if (plan.kind() == PromptPlan.Kind.ROLLBACK) {
            agent.signal(DurableNames.ExecutionAgent.ROLLBACK_PROMPT,
                    new PromptRollback(ExecutionPrompt.AGENT, plan.version(), "judge", clip(reason)));
            return new JudgeAction("prompt_rollback", reason, plan.version(), null, null);
        }
        agent.signal(DurableNames.ExecutionAgent.UPDATE_SYSTEM_PROMPT, new PromptChange(ExecutionPrompt.AGENT, plan.text(),
                plan.author(), clip(reason), BigDecimal.valueOf(r.score())));
        if (!r.feedbackIds().isEmpty()) {
            prompts.consume(r.feedbackIds(), "judge");
        }
        return new JudgeAction("prompt_version", reason + (r.feedbackIds().isEmpty() ? ""
                : " (feedback " + r.feedbackIds() + " consumed)"), null, null, null);
    }

    @Override
    public List<JudgeAction> adjust(JudgeRequests.AdjustRequest r) {
        RiskMessages.Adjustments all = bus.request(Addresses.RISK_ADJUSTMENTS, new RiskMessages.AdjustmentsQuery(500),
                RiskMessages.Adjustments.class);
        Instant now = clock.instant();
        List<JudgeAction> out = new ArrayList<>();
        for (int i = 0; i < r.adjustments().size(); i++) {
            RiskAdjustment a = r.adjustments().get(i);
            RiskAdjustment stored = bus.request(Addresses.RISK_ADJUST, new RiskMessages.Adjust(a, r.evaluationId() + ":" + i),
                    RiskAdjustment.class);
            for (RiskAdjustment old : all.adjustments()) {
                boolean replaced = AdjustmentPolicy.AUTHOR.equals(old.author()) && old.activeAt(now) && old.scope() == a.scope()
                        && Objects.equals(old.symbol(), a.symbol()) && old.id() != stored.id()
                        && !old.reason().contains(r.evaluationId());
                if (replaced) {
                    bus.request(Addresses.RISK_REVOKE, new RiskMessages.Revoke(old.id(), "replaced by evaluation "
                            + r.evaluationId()), RiskAdjustment.class);
                }
            }
            out.add(new JudgeAction("adjustment", (stored.symbol() == null ? "global" : stored.symbol()) + " x"
                    + stored.multiplier().stripTrailingZeros().toPlainString() + ": " + stored.reason(), null, stored.id(), null));
        }
        return out;
    }

    @Override
    public void record(JudgeMessages.Store store) {
        bus.request(Addresses.JUDGE_RECORD, store, Boolean.class);
    }

    private List<EquitySample> equity(Instant since) {
        return bus.request(Addresses.LEDGER_QUERY, LedgerQuery.equity(since, MAX_ROWS), LedgerReport.Equity.class).samples();
    }

    private static long count(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static String clip(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
