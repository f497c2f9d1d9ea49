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
import java.util.Objects;
import java.util.TreeMap;

/**
 * Deterministic: time is the workflow's, every effect is an activity (observation, the model,
 * orders, the decision record, the state), and state changes only through signals and nudges.
 * Continues as new after {@link ExecutionSettings#nudgesPerRun()} nudges or when Temporal suggests it.
 */
public final class ExecutionAgentWorkflowImpl implements ExecutionAgentWorkflow {
    static final int MAX_PROMPTS = 20;
    static final int MAX_FEEDBACK = 20;
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
    private final Map<String, Object> preferences = new LinkedHashMap<>();
    private final List<PromptSignals.Version> prompts = new ArrayList<>();
    private final List<String> feedback = new ArrayList<>();
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
        ExecutionState start = state != null ? state : store.loadState();
        if (start != null) {
            apply(start);
        } else {
            paused = !settings.enabled();
            prompts.add(new PromptSignals.Version(1, ExecutionPrompt.DEFAULT_TEXT, "system", "built-in prompt", now()));
        }
        saved = revision;
        loaded = true;
        early.forEach(Runnable::run);
        early.clear();
        int nudges = 0;
        while (nudges < settings.nudgesPerRun() && !Workflow.getInfo().isContinueAsNewSuggested()) {
            if (!paused) {
                new Nudge(this).run();
            }
            nudges++;
            save();
            waitForNextNudge();
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        save();
        Workflow.continueAsNew(settings, snapshot());
    }

    /** Sleeps until the timer is due or a nudge is asked for, saving state changed by signals meanwhile. */
    private void waitForNextNudge() {
        long due = Workflow.currentTimeMillis() + settings.nudgeSeconds() * 1000L;
        while (!nudgeAsked) {
            long left = due - Workflow.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            Workflow.await(Duration.ofMillis(left), () -> nudgeAsked || revision > saved);
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
        prompts.addAll(s.prompts());
        feedback.addAll(s.feedback());
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
        return new ExecutionState(paused, seq, new LinkedHashMap<>(preferences), promptVersion, prompts, feedback, memory,
                openTrades, decisions, revision);
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

    List<String> feedback() {
        return List.copyOf(feedback);
    }

    void feedbackConsumed(int count) {
        feedback.subList(0, Math.min(count, feedback.size())).clear();
        changed();
    }

    int promptVersion() {
        return promptVersion;
    }

    String promptText() {
        return prompts.stream().filter(p -> p.version() == promptVersion).map(PromptSignals.Version::text).findFirst()
                .orElse(ExecutionPrompt.DEFAULT_TEXT);
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
        whenLoaded(() -> {
            if (change == null || change.text() == null || change.text().isBlank() || change.text().equals(promptText())) {
                return;
            }
            int next = prompts.stream().mapToInt(PromptSignals.Version::version).max().orElse(0) + 1;
            prompts.add(new PromptSignals.Version(next, change.text(), Objects.requireNonNullElse(change.author(), "user"),
                    change.reason(), now()));
            while (prompts.size() > MAX_PROMPTS) {
                prompts.remove(prompts.get(0).version() == promptVersion ? 1 : 0);
            }
            promptVersion = next;
            changed();
        });
    }

    @Override
    public void rollbackPrompt(PromptSignals.Rollback rollback) {
        whenLoaded(() -> {
            if (rollback != null && prompts.stream().anyMatch(p -> p.version() == rollback.version())) {
                promptVersion = rollback.version();
                changed();
            }
        });
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
        whenLoaded(() -> {
            if (message != null && !message.isBlank()) {
                feedback.add(message.length() > 2000 ? message.substring(0, 2000) : message);
                while (feedback.size() > MAX_FEEDBACK) {
                    feedback.remove(0);
                }
                changed();
            }
        });
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
                settings == null ? List.of() : settings.symbols(), seq, decisions, promptVersion, promptText(),
                prompts.stream().map(PromptSignals.Version::version).toList(), new LinkedHashMap<>(preferences),
                List.copyOf(feedback), new TreeMap<>(memory), List.copyOf(last));
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
