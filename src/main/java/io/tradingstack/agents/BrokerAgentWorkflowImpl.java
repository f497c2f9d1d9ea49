package io.tradingstack.agents;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmActivityOptions;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic: state changes only through signals and updates, is saved by an activity after
 * each change (revision-ordered, so a late save never rolls back), and is loaded by an activity
 * on a fresh start. Chat turns call the model through the LLM activity (answers recorded in the
 * history) and keep a bounded transcript ({@link BrokerConversation}). Continues as new after
 * {@link #SIGNALS_PER_RUN} changes, {@link #TURNS_PER_RUN} chat turns (each round carries the tool
 * list) or when Temporal suggests it, once no handler runs and no turn waits, so history stays small.
 */
public final class BrokerAgentWorkflowImpl implements BrokerAgentWorkflow {
    static final int SIGNALS_PER_RUN = 500;
    static final int TURNS_PER_RUN = 25;
    /** A turn whose client never sends its tool results back is closed after this long. */
    static final Duration PENDING_TTL = Duration.ofMinutes(15);
    /** Time without a chat step before the run continues as new. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** Preference keys whose merge counts as the user choosing; the reserved key is never stored. */
    private static final Set<String> CHOICES = Set.of("experience_level", "risk_tolerance", "trading_style");
    private static final String SET_FLAG = "preferences_set";

    private final BrokerActivities store = Workflow.newActivityStub(BrokerActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10)).setMaximumAttempts(30).build())
            .build());
    private final LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, LlmActivityOptions.options());
    private List<String> symbols = new ArrayList<>();
    private final Map<String, Object> preferences = new LinkedHashMap<>(BrokerState.defaultPreferences());
    private boolean preferencesSet;
    private BrokerConversation conversation = new BrokerConversation(List.of());
    private long turns;
    private int turnsThisRun;
    private boolean chatting;
    private long revision;
    private long saved;
    private int signals;
    private boolean loaded;
    /** Changes signalled while the stored state was still loading: they win over it. */
    private final Map<String, Object> early = new LinkedHashMap<>();
    private List<String> earlySymbols;

    @Override
    public void run(BrokerState state) {
        BrokerState start = state != null ? state : store.loadState();
        if (start != null) {
            apply(start);
        }
        saved = start == null ? 0 : start.revision();
        loaded = true;
        while (!runIsFull()) {
            if (conversation.hasPending()) {
                Workflow.await(PENDING_TTL, () -> revision > saved || runIsFull() || !conversation.hasPending());
                closeStaleTurn();
            } else {
                Workflow.await(() -> revision > saved || runIsFull());
            }
            save();
        }
        drainBeforeContinuing();
        save();
        Workflow.continueAsNew(snapshot());
    }

    private boolean runIsFull() {
        return signals >= SIGNALS_PER_RUN || turnsThisRun >= TURNS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested();
    }

    /**
     * Continue-as-new carries no handler in flight and no half-done turn. It also waits for a quiet
     * moment ({@link #QUIET}) after the last step: an update answered in the same workflow task that
     * closes the run can lose its answer (the caller's poll finds a completed run), and a message
     * arriving in that moment is taken by this run instead.
     */
    private void drainBeforeContinuing() {
        do {
            if (!idle()) {
                Workflow.await(PENDING_TTL, this::idle);
                Workflow.await(() -> !chatting && Workflow.isEveryHandlerFinished());
                closeStaleTurn();
            }
            long before = turns;
            Workflow.sleep(QUIET);
            if (turns == before && idle()) {
                return;
            }
        } while (true);
    }

    private boolean idle() {
        return !chatting && !conversation.hasPending() && Workflow.isEveryHandlerFinished();
    }

    private void closeStaleTurn() {
        if (!chatting && Workflow.currentTimeMillis() - conversation.pendingSince() >= PENDING_TTL.toMillis()
                && conversation.abandon(now())) {
            changed();
        }
    }

    private void apply(BrokerState s) {
        if (s.symbols() != null) {
            symbols = new ArrayList<>(earlySymbols != null ? earlySymbols : s.symbols());
        }
        if (s.preferences() != null) {
            preferences.putAll(s.preferences());
            preferences.remove(SET_FLAG);
            preferences.putAll(early);
        }
        preferencesSet = preferencesSet || s.userChosePreferences();
        conversation = new BrokerConversation(s.transcript());
        turns = s.turns() == null ? 0 : s.turns();
        revision = s.revision() + revision;
    }

    private void save() {
        if (revision > saved) {
            long at = revision;
            store.saveState(snapshot(), at);
            saved = Math.max(saved, at);
        }
    }

    private BrokerState snapshot() {
        return new BrokerState(List.copyOf(symbols), new LinkedHashMap<>(preferences), revision, conversation.transcript(),
                preferencesSet, turns);
    }

    @Override
    public void setSymbols(List<String> newSymbols) {
        symbols = newSymbols == null ? new ArrayList<>() : new ArrayList<>(newSymbols);
        if (!loaded) {
            earlySymbols = List.copyOf(symbols);
        }
        changed();
    }

    @Override
    public void setUserPreferences(Map<String, Object> update) {
        if (update != null) {
            Map<String, Object> merge = new LinkedHashMap<>(update);
            merge.remove(SET_FLAG);
            preferences.putAll(merge);
            preferencesSet = preferencesSet || merge.keySet().stream().anyMatch(CHOICES::contains);
            if (!loaded) {
                early.putAll(merge);
            }
        }
        changed();
    }

    @Override
    public Map<String, Object> updateUserPreferences(Map<String, Object> update) {
        Workflow.await(() -> loaded);
        if (update != null && !update.isEmpty()) {
            setUserPreferences(update);
            save();
        }
        return getUserPreferences();
    }

    @Override
    public BrokerStep chat(BrokerTurn turn) {
        Workflow.await(() -> loaded && !chatting);
        chatting = true;
        try {
            return step(turn);
        } finally {
            chatting = false;
        }
    }

    private BrokerStep step(BrokerTurn turn) {
        String problem = turn.problem();
        if (problem != null) {
            return BrokerStep.failed(turn.turnId(), ErrorCode.BROKER_BAD_TURN.name(), problem, 0);
        }
        if (turn.isMessage()) {
            turns++;
            turnsThisRun++;
            String turnId = "t" + turns + "-" + Workflow.randomUUID().toString().substring(0, 8);
            conversation.open(turnId, turn.message(), turn.tools(), Workflow.currentTimeMillis(), now());
        } else {
            BrokerConversation.Refusal refusal = conversation.accept(turn);
            if (refusal != null) {
                return BrokerStep.failed(turn.turnId(), refusal.code().name(), refusal.message(), 0);
            }
        }
        changed();
        BrokerStep step = round();
        changed();
        return step;
    }

    /** One model call; a request the client's tools made invalid, or an unreachable llm component, ends the turn with a code. */
    private BrokerStep round() {
        LlmRequest request;
        try {
            request = conversation.request(context());
        } catch (IllegalArgumentException e) {
            return conversation.fail(ErrorCode.BROKER_BAD_TURN, "the turn cannot be sent to the model: " + e.getMessage(), now());
        }
        LlmResult result;
        try {
            result = llm.chat(request);
        } catch (ActivityFailure e) {
            ErrorCode code = ErrorCode.of(e);
            return conversation.fail(code == ErrorCode.INTERNAL ? ErrorCode.LLM_UNAVAILABLE : code,
                    "the model could not be asked: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), now());
        }
        return conversation.onResult(result, now());
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("preferences", getUserPreferences());
        c.put("symbols", List.copyOf(symbols));
        return c;
    }

    private static String now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    }

    private void changed() {
        revision++;
        signals++;
    }

    @Override
    public List<String> getSymbols() {
        return List.copyOf(symbols);
    }

    @Override
    public Map<String, Object> getUserPreferences() {
        Map<String, Object> out = new LinkedHashMap<>(preferences);
        out.put(SET_FLAG, preferencesSet);
        return out;
    }

    @Override
    public TranscriptView getTranscript(int limit) {
        return loaded ? conversation.view(limit) : new TranscriptView(false, 0, List.of());
    }
}
