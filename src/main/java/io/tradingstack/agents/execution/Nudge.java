package io.tradingstack.agents.execution;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One nudge of the execution agent, run inside its workflow (deterministic: workflow time, effects
 * only through the workflow's activity stubs). Observes every symbol, gates each, consults the
 * model once for the symbols the gate let through, decides per symbol, places the intents and
 * records one decision per symbol. A model that failed or answered unusable intents leaves the
 * decision to the rules, and the record says why.
 */
final class Nudge {
    private final ExecutionAgentWorkflowImpl agent;
    private final ExecutionSettings settings;
    private final String workflowId = Workflow.getInfo().getWorkflowId();
    private final long now = Workflow.currentTimeMillis();
    private final String at = ExecutionAgentWorkflowImpl.now();
    private long seq;

    /** One symbol between the gate and the decision. */
    private record Gated(Observation obs, ExecutionGate.Verdict verdict, boolean fresh) {
    }

    /** What the model said for the symbols it was asked about, or why its answer is not used. */
    private record Consultation(LlmResult result, Map<String, IntentRules.ModelIntent> intents, String fallback) {
    }

    Nudge(ExecutionAgentWorkflowImpl agent) {
        this.agent = agent;
        this.settings = agent.settings();
    }

    void run() {
        seq = agent.nextSeq();
        Observation.Batch batch;
        try {
            batch = agent.observer().observe(new ObserveRequest(settings.symbols(), agent.openTrades()));
        } catch (ActivityFailure e) {
            String why = "OBSERVE_FAILED:" + ErrorCode.of(e).name();
            settings.symbols().forEach(s -> record(Observation.unusable(s, why), why, false, "skipped", null, null, null, null));
            return;
        }
        List<Gated> gated = new ArrayList<>();
        Map<String, Observation> asked = new LinkedHashMap<>();
        for (Observation o : batch.symbols()) {
            Gated g = gate(o);
            gated.add(g);
            if (g.verdict() != null && g.verdict().consult() && !"rules".equals(settings.mode())) {
                asked.put(o.symbol(), o);
            }
        }
        Consultation c = asked.isEmpty() ? null : consult(asked, gated, batch);
        for (Gated g : gated) {
            decide(g, c != null && asked.containsKey(g.obs().symbol()) ? c : null);
        }
    }

    private Gated gate(Observation o) {
        if (o.problem() != null) {
            return new Gated(o, null, false);
        }
        SymbolMemory m = agent.memory().getOrDefault(o.symbol(), SymbolMemory.NEW);
        boolean fresh = o.rules() != null && o.rules().acts() && !Objects.equals(o.bar(), m.lastActedBar());
        ExecutionGate.Verdict v = ExecutionGate.decide(settings, m, o.price(), now, fresh);
        SymbolMemory next = v.consult() ? m.consulted(o.price(), now, settings.windowSeconds() * 1000L) : m;
        agent.memory().put(o.symbol(), fresh ? next.actedOn(o.bar()) : next);
        return new Gated(o, v, fresh);
    }

    private Consultation consult(Map<String, Observation> asked, List<Gated> gated, Observation.Batch batch) {
        List<PromptSignals.Note> feedback = feedback();
        LlmRequest request;
        try {
            request = LlmRequest.builder(ExecutionPrompt.AGENT, ExecutionPrompt.TASK)
                    .promptVersion("v" + agent.promptVersion())
                    .system(agent.promptText())
                    .user("Nudge " + seq + " at " + at + ": decide one intent for each of " + String.join(", ", asked.keySet()) + ".")
                    .responseSchema(ExecutionPrompt.schema())
                    .context("symbols", gated.stream().filter(g -> asked.containsKey(g.obs().symbol())).map(Nudge::context).toList())
                    .context("portfolio", batch.portfolio())
                    .context("preferences", agent.preferences())
                    .context("feedback", feedback.stream().map(PromptSignals.Note::message).toList())
                    .context("prompt_version", agent.promptVersion())
                    .temperature(0)
                    .build();
        } catch (IllegalArgumentException e) {
            return new Consultation(null, null, ErrorCode.LLM_BAD_REQUEST.name() + ": " + e.getMessage());
        }
        LlmResult r = agent.ask(request);
        if (!r.ok()) {
            return new Consultation(r, null, r.code().name() + ": " + r.message());
        }
        try {
            Map<String, IntentRules.ModelIntent> intents = IntentRules.parse(r.structured(), asked);
            if (!feedback.isEmpty()) {
                consumed(feedback);
            }
            return new Consultation(r, intents, null);
        } catch (IllegalArgumentException e) {
            return new Consultation(r, null, ErrorCode.EXECUTION_BAD_INTENT.name() + ": " + e.getMessage());
        }
    }

    /** The user's pending messages; unreadable ones leave the consultation without feedback (it stays pending). */
    private List<PromptSignals.Note> feedback() {
        try {
            return agent.store().pendingFeedback();
        } catch (ActivityFailure e) {
            return List.of();
        }
    }

    private void consumed(List<PromptSignals.Note> shown) {
        try {
            agent.store().consumeFeedback(shown.stream().map(PromptSignals.Note::id).toList());
        } catch (ActivityFailure e) {
            // stays pending: shown again with the next consultation
        }
    }

    /** What the model sees of a symbol; a proposal on a bar already acted on is shown as a hold. */
    private static Map<String, Object> context(Gated g) {
        Observation o = g.obs();
        Proposal rules = g.fresh() ? o.rules() : Proposal.hold(o.rules() == null ? "none" : "acted on bar " + o.bar());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", o.symbol());
        m.put("price", o.price());
        m.put("bar", o.bar());
        m.put("timeframe", o.timeframe());
        m.put("spec_id", o.specId());
        m.put("spec_version", o.specVersion());
        m.put("gate_reason", g.verdict().reason());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("action", rules.action());
        r.put("reason", rules.reason());
        r.put("trigger_id", rules.triggerId());
        r.put("qty", rules.qty());
        r.put("stop_price", rules.stopPrice());
        r.put("take_profit_price", rules.takeProfitPrice());
        r.put("emergency", rules.emergency());
        m.put("rules", r);
        m.put("evaluation", o.evaluation());
        m.put("features", o.features());
        m.put("position_qty", o.positionQty());
        m.put("available_qty", o.availableQty());
        return m;
    }

    private void decide(Gated g, Consultation c) {
        Observation o = g.obs();
        if (g.verdict() == null) {
            record(o, "NO_DATA", false, "skipped", null, null, null, null);
            return;
        }
        Intent rules = IntentRules.rules(o, g.fresh(), "rules");
        String mode = settings.mode();
        if (!g.verdict().consult()) {
            if (rules != null) {
                record(o, g.verdict().reason(), false, "rules_fallback", g.verdict().reason(), null, rules, null);
            } else {
                record(o, g.verdict().reason(), false, "skipped", null, null, null, null);
            }
        } else if ("rules".equals(mode)) {
            record(o, g.verdict().reason(), false, "rules", null, null, rules, null);
        } else if (c.intents() == null) {
            record(o, g.verdict().reason(), true, "rules_fallback", c.fallback(), c.result(), rules, null);
        } else {
            IntentRules.ModelIntent m = c.intents().get(o.symbol());
            Intent intent = "llm".equals(mode) ? IntentRules.fromModel(m, o) : IntentRules.hybrid(rules, m);
            record(o, g.verdict().reason(), true, mode, null, c.result(), intent, m);
        }
    }

    private void record(Observation o, String gateReason, boolean consulted, String decidedBy, String fallback, LlmResult llm,
                        Intent intent, IntentRules.ModelIntent model) {
        String id = DecisionRecord.idOf(workflowId, seq, o.symbol());
        List<Intent> intents = intent == null ? List.of() : List.of(intent);
        List<OrderOutcome> verdicts = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        String outcome = o.problem() != null ? "unusable: " + o.problem() : "hold";
        if (intent != null) {
            OrderOutcome r = place(id, intent);
            verdicts.add(r);
            if (r.orderId() != null) {
                orderIds.add(r.orderId());
            }
            outcome = r.rejected() || r.orderId() == null ? "rejected:" + r.code() : intent.side() + ":" + r.status();
            if ("FILLED".equals(r.status())) {
                agent.filled(o, intent);
            }
        } else if (model != null && !"hold".equals(model.action())) {
            outcome = "ignored: model " + model.action() + " (hybrid places only what the rules propose)";
        }
        if ("skipped".equals(decidedBy) && o.problem() == null) {
            outcome = "skipped";
        }
        DecisionRecord d = new DecisionRecord(id, workflowId, seq, o.symbol(), settings.mode(), decidedBy, gateReason, consulted,
                fallback, o.digest() == null ? "-" : o.digest(), llm == null ? null : llm.callId(),
                llm == null ? null : llm.provider(), agent.promptVersion(), o.price(), o.rules(), intents, verdicts, orderIds,
                outcome, at);
        agent.store().record(d);
        agent.decided(d);
    }

    private OrderOutcome place(String clientOrderId, Intent intent) {
        try {
            return agent.orders().place(clientOrderId, intent);
        } catch (ActivityFailure e) {
            ErrorCode code = ErrorCode.of(e);
            return new OrderOutcome(clientOrderId, null, "FAILED", code.name(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), false);
        }
    }
}
