package io.tradingstack.agents.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's market, ledger and stores reduced to a script, for workflow tests that need exact
 * inputs (the stack test runs the real ones): observations in order (the last one repeats), orders
 * keyed by client_order_id as the ledger keys them, decisions and state kept in memory.
 */
final class ScriptedActivities implements ExecutionActivities {
    final ConcurrentLinkedDeque<Observation.Batch> script = new ConcurrentLinkedDeque<>();
    final List<DecisionRecord> decisions = new CopyOnWriteArrayList<>();
    final Map<String, OrderOutcome> orders = new ConcurrentHashMap<>();
    final List<String> placements = new CopyOnWriteArrayList<>();
    final List<PromptSignals.Note> feedback = new CopyOnWriteArrayList<>();
    private volatile ExecutionState saved;

    static Observation.Batch batch(String symbol, String price, String bar, Proposal rules, String held) {
        BigDecimal qty = new BigDecimal(held);
        Observation o = new Observation(symbol, new BigDecimal(price), bar, "spec-1", 1, "5m", rules, Map.of("fired", List.of()),
                Map.of("rsi_14", 55.5, "close", Double.parseDouble(price)), qty, qty, null, "digest-" + bar);
        return new Observation.Batch(List.of(o), Map.of("cash", 1000, "equity", 1000), new BigDecimal("1000"));
    }

    @Override
    public ExecutionState loadState() {
        return saved;
    }

    @Override
    public void saveState(ExecutionState state, long revision) {
        if (saved == null || saved.revision() <= revision) {
            saved = state;
        }
    }

    @Override
    public Observation.Batch observe(ObserveRequest request) {
        return script.size() > 1 ? script.poll() : script.peek();
    }

    @Override
    public OrderOutcome place(String clientOrderId, Intent intent) {
        placements.add(clientOrderId + " " + intent.side() + " " + intent.qty().toPlainString());
        return orders.computeIfAbsent(clientOrderId, id -> new OrderOutcome(id, "ord-" + id, "FILLED", null, null, false));
    }

    @Override
    public PromptSignals.Version currentPrompt() {
        return new PromptSignals.Version(1, ExecutionPrompt.DEFAULT_TEXT, "system", "built-in");
    }

    @Override
    public PromptSignals.Version changePrompt(PromptSignals.Change change) {
        return new PromptSignals.Version(2, change.text(), change.author(), change.reason());
    }

    @Override
    public PromptSignals.Version rollbackPrompt(PromptSignals.Rollback rollback) {
        return currentPrompt();
    }

    @Override
    public void addFeedback(String message) {
    }

    @Override
    public List<PromptSignals.Note> pendingFeedback() {
        return List.copyOf(feedback);
    }

    @Override
    public void consumeFeedback(List<Long> ids) {
        feedback.removeIf(n -> ids.contains(n.id()));
    }

    @Override
    public void record(DecisionRecord decision) {
        if (decisions.stream().noneMatch(d -> d.id().equals(decision.id()))) {
            decisions.add(decision);
        }
    }
}
