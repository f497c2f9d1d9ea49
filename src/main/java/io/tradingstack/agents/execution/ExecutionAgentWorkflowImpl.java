package io.tradingstack.agents.execution;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmActivityOptions;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.spec.OpenTrade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic: time is the workflow's, every effect is an activity (observation, the model,
 * orders, the decision record, the state), and state changes only through signals and nudges.
 * Continues as new after {@link ExecutionSettings#nudgesPerRun()} nudges or when Temporal suggests it.
 */
public final class ExecutionAgentWorkflowImpl implements ExecutionAgentWorkflow {
    static final int LAST_DECISIONS = 20;

    private final ExecutionActivities store = stub(Duration.ofSeconds(10), 30);
    private final ExecutionActivities observer = stub(Duration.ofSeconds(30), 3);
    private final ExecutionActivities orders = stub(Duration.ofMinutes(2), 5);
    private final LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, LlmActivityOptions.options());
    private ExecutionSettings settings;
    private boolean loaded;
    private boolean paused;
    private boolean nudgeAsked;
    private long seq;
    private long decisions;
    private long revision;
    private long saved;
    private int promptVersion = 1;
    private String promptText = ExecutionPrompt.DEFAULT_TEXT;
    private String promptProblem;
    private final Map<String, Object> preferences = new LinkedHashMap<>();
    /** Prompt signals and feedback waiting for the main loop to store them (activities run there, not in handlers). */
    private final List<Object> inbox = new ArrayList<>();
    private final Map<String, SymbolMemory> memory = new TreeMap<>();
    private final Map<String, OpenTrade> openTrades = new TreeMap<>();
    private final Deque<Map<String, Object>> last = new ArrayDeque<>();
    private final List<Runnable> early = new ArrayList<>();

    private static ExecutionActivities stub(Duration timeout, int attempts) {
        return Workflow.newActivityStub(ExecutionActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(timeout)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10))
                        .setMaximumAttempts(attempts).build())
                .build());
    }

    @Override
    public void run(ExecutionSettings runSettings, ExecutionState state) {
        settings = runSettings;
        paused = !settings.enabled();
        ExecutionState start = state != null ? state : store.loadState();
        if (start != null) {
            apply(start);
        }
        saved = revision;
        if (state == null) {
            inForce(store.currentPrompt());
        }
        loaded = true;
        early.forEach(Runnable::run);
        early.clear();
        int nudges = 0;
        while (nudges < settings.nudgesPerRun() && !Workflow.getInfo().isContinueAsNewSuggested()) {
            handleInbox();
            if (!paused) {
                new Nudge(this).run();
            }
            nudges++;
            save();
            waitForNextNudge();
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        handleInbox();
        save();
        Workflow.continueAsNew(settings, snapshot());
    }

    /** Stores what the signals asked for, in arrival order: prompt versions through the prompt store, feedback. */
    private void handleInbox() {
        while (!inbox.isEmpty()) {
            Object item = inbox.remove(0);
            try {
                if (item instanceof PromptSignals.Change c) {
                    inForce(store.changePrompt(c));
                } else if (item instanceof PromptSignals.Rollback r) {
                    inForce(store.rollbackPrompt(r));
                } else if (item instanceof String message) {
                    store.addFeedback(message);
                }
                promptProblem = null;
            } catch (ActivityFailure e) {
                promptProblem = ErrorCode.of(e).name() + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            changed();
        }
    }

    private void inForce(PromptSignals.Version v) {
        if (v.version() != promptVersion || !v.text().equals(promptText)) {
            promptVersion = v.version();
            promptText = v.text();
            changed();
        }
    }

    /** Sleeps until the timer is due or a nudge is asked for, saving state changed by signals meanwhile. */
    private void waitForNextNudge() {
        long due = Workflow.currentTimeMillis() + settings.nudgeSeconds() * 1000L;
        while (!nudgeAsked) {
            long left = due - Workflow.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            Workflow.await(Duration.ofMillis(left), () -> nudgeAsked || revision > saved || !inbox.isEmpty());
            handleInbox();
            save();
        }
        nudgeAsked = false;
    }

    private void apply(ExecutionState s) {
        paused = s.paused();
        seq = s.seq();
        decisions = s.decisions();
        revision = s.revision();
        preferences.putAll(s.preferences());
        promptVersion = s.promptVersion();
        promptText = s.promptText() == null ? ExecutionPrompt.DEFAULT_TEXT : s.promptText();
        memory.putAll(s.memory());
        openTrades.putAll(s.openTrades());
    }

    void save() {
        if (revision > saved) {
            long at = revision;
            store.saveState(snapshot(), at);
            saved = Math.max(saved, at);
        }
    }

    private ExecutionState snapshot() {
        return new ExecutionState(paused, seq, new LinkedHashMap<>(preferences), promptVersion, promptText, memory, openTrades,
                decisions, revision);
    }

    void changed() {
        revision++;
    }

    // ---- what a nudge reads and writes (Nudge) ----

    ExecutionSettings settings() {
        return settings;
    }

    ExecutionActivities observer() {
        return observer;
    }

    ExecutionActivities orders() {
        return orders;
    }

    ExecutionActivities store() {
        return store;
    }

    LlmActivities llm() {
        return llm;
    }

    long nextSeq() {
        seq++;
        changed();
        return seq;
    }

    Map<String, SymbolMemory> memory() {
        return memory;
    }

    Map<String, OpenTrade> openTrades() {
        return openTrades;
    }

    Map<String, Object> preferences() {
        return new LinkedHashMap<>(preferences);
    }

    int promptVersion() {
        return promptVersion;
    }

    String promptText() {
        return promptText;
    }

    void decided(DecisionRecord d) {
        decisions++;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("decided_by", d.decidedBy());
        row.put("gate_reason", d.gateReason());
        row.put("outcome", d.outcome());
        row.put("decided_at", d.decidedAt());
        last.addFirst(row);
        while (last.size() > LAST_DECISIONS) {
            last.removeLast();
        }
        changed();
    }

    static String now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    }

    // ---- signals and the query ----

    private void whenLoaded(Runnable r) {
        if (loaded) {
            r.run();
        } else {
            early.add(r);
        }
    }

    @Override
    public void updateSystemPrompt(PromptSignals.Change change) {
        if (change != null) {
            inbox.add(change);
        }
    }

    @Override
    public void rollbackPrompt(PromptSignals.Rollback rollback) {
        if (rollback != null) {
            inbox.add(rollback);
        }
    }

    @Override
    public void setUserPreferences(Map<String, Object> update) {
        whenLoaded(() -> {
            if (update != null && !update.isEmpty()) {
                preferences.putAll(update);
                changed();
            }
        });
    }

    @Override
    public void addUserFeedback(String message) {
        if (message != null && !message.isBlank()) {
            inbox.add(message);
        }
    }

    @Override
    public void pause() {
        whenLoaded(() -> {
            paused = true;
            changed();
        });
    }

    @Override
    public void resume() {
        whenLoaded(() -> {
            paused = false;
            nudgeAsked = true;
            changed();
        });
    }

    @Override
    public void nudge() {
        nudgeAsked = true;
    }

    @Override
    public ExecutionView getExecutionState() {
        String mode = settings == null ? null : settings.mode();
        return new ExecutionView(loaded, paused, mode, settings == null ? 0 : settings.nudgeSeconds(),
                settings == null ? List.of() : settings.symbols(), seq, decisions, promptVersion, promptText, promptProblem,
                new LinkedHashMap<>(preferences), new TreeMap<>(memory), List.copyOf(last));
    }

    /** The held trade's levels after a filled order: kept on a filled buy with a stop, dropped on a filled sell. */
    void filled(Observation o, Intent intent) {
        if ("sell".equals(intent.side())) {
            openTrades.remove(o.symbol());
        } else if (intent.stopPrice() != null && o.price() != null) {
            openTrades.put(o.symbol(), new OpenTrade(PositionState.LONG, o.rules() == null ? null : o.rules().triggerId(),
                    o.price(), intent.stopPrice(), o.rules() == null ? null : o.rules().takeProfitPrice()));
        }
        changed();
    }

    /** The model's answer for a nudge; a transport failure of the LLM component is a coded result too. */
    LlmResult ask(LlmRequest request) {
        try {
            return llm.chat(request);
        } catch (ActivityFailure e) {
            ErrorCode code = ErrorCode.of(e);
            return failed(code == ErrorCode.INTERNAL ? ErrorCode.LLM_UNAVAILABLE : code,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    private static LlmResult failed(ErrorCode code, String message) {
        return new LlmResult(null, code, message, null, null, null, null, null, null, 0, 0, false, false);
    }
}
