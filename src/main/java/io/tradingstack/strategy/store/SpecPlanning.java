package io.tradingstack.strategy.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.strategy.plan.PlanRequest;
import io.tradingstack.strategy.plan.PlannerPrompt;
import io.tradingstack.strategy.spec.Author;
import io.tradingstack.strategy.spec.Problem;
import io.tradingstack.strategy.spec.SpecValidator;
import io.tradingstack.strategy.spec.ValidationReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store workflow's planning steps, deterministic: the model's answer comes from the LLM activity
 * (recorded in the history), everything else is computed from it. The llm layer already repairs an
 * answer that breaks the schema; a spec whose rules do not compile goes back once more with the
 * problems and their codes. A spec that still does not validate fails STRATEGY_PLAN_INVALID and
 * nothing is stored. The LLM backtest plans through it too, with the llm service behind
 * {@link LlmActivities}.
 */
public final class SpecPlanning {
    private final LlmActivities llm;

    public SpecPlanning(LlmActivities llm) {
        this.llm = llm;
    }

    /** A validated spec as JSON with its report, or the outcome of a failure. */
    public record Planned(String json, ValidationReport report, PlanOutcome failure, List<String> calls, String provider, String model,
                   boolean repaired) {
    }

    public Planned plan(PlanRequest request, Instant now) {
        List<String> calls = new ArrayList<>();
        LlmRequest asked = PlannerPrompt.request(request);
        LlmResult first = ask(asked);
        calls.add(first.callId());
        if (!first.ok()) {
            return failed(ErrorCode.STRATEGY_PLAN_NO_ANSWER, first, List.of(), calls, first.repaired());
        }
        Checked checked = check(first, request, now);
        if (checked.report().valid()) {
            return new Planned(checked.json(), checked.report(), null, calls, first.provider(), first.model(), first.repaired());
        }
        LlmResult second = ask(PlannerPrompt.repair(asked, first.text(), checked.report().errors()));
        calls.add(second.callId());
        if (!second.ok()) {
            return failed(ErrorCode.STRATEGY_PLAN_NO_ANSWER, second, checked.report().errors(), calls, true);
        }
        Checked again = check(second, request, now);
        if (!again.report().valid()) {
            return new Planned(null, again.report(), new PlanOutcome(null, ErrorCode.STRATEGY_PLAN_INVALID,
                    "the planned spec did not validate after one repair round: " + again.report().errors(),
                    again.report().errors(), List.of(), calls, second.provider(), second.model(), true), calls,
                    second.provider(), second.model(), true);
        }
        return new Planned(again.json(), again.report(), null, calls, second.provider(), second.model(), true);
    }

    private record Checked(String json, ValidationReport report) {
    }

    /** The activity's answer; its failure after the bounded retries (the llm component unreachable) as a coded result. */
    private LlmResult ask(LlmRequest request) {
        try {
            return llm.chat(request);
        } catch (ActivityFailure e) {
            ErrorCode code = e.getCause() instanceof ApplicationFailure af ? ErrorCode.ofName(af.getType()) : ErrorCode.LLM_UNAVAILABLE;
            String why = e.getCause() instanceof ApplicationFailure af ? af.getOriginalMessage() : String.valueOf(e.getMessage());
            return new LlmResult(null, code, why, null, null, null, null, null, null, 0, 0, false, false);
        }
    }

    /**
     * The answer as the spec to store: the requested market and timeframe, the author by provider
     * (planner offline, llm otherwise), the tool's auto-execute flag, no version (the store assigns it).
     */
    private static Checked check(LlmResult answer, PlanRequest request, Instant now) {
        JsonNode node = Json.MAPPER.valueToTree(answer.structured());
        if (!(node instanceof ObjectNode spec)) {
            return new Checked(null, SpecValidator.validate("", request.timeframes(), now));
        }
        List<Problem> mismatch = new ArrayList<>();
        expect(spec, "market", request.market(), mismatch);
        expect(spec, "timeframe", request.timeframe(), mismatch);
        if (!mismatch.isEmpty()) {
            return new Checked(null, new ValidationReport(false, null, null, mismatch, List.of()));
        }
        spec.put("author", ("offline".equals(answer.provider()) ? Author.PLANNER : Author.LLM).key());
        spec.put("allow_auto_execute", request.autoExecute());
        spec.remove("version");
        if (!spec.hasNonNull("created_at")) {
            spec.put("created_at", now.toString());
        }
        String json = Json.write(spec);
        return new Checked(json, SpecValidator.validate(json, request.timeframes(), now));
    }

    private static void expect(ObjectNode spec, String field, String wanted, List<Problem> out) {
        String got = spec.path(field).asText("");
        if (!wanted.equals(got)) {
            out.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, field, field + " must be " + wanted + ", not '" + got + "'"));
        }
    }

    private static Planned failed(ErrorCode code, LlmResult r, List<Problem> problems, List<String> calls, boolean repaired) {
        String why = r.code() + " (" + r.code().code() + "): " + r.message();
        return new Planned(null, null, new PlanOutcome(null, code, "the planner's model gave no usable answer: " + why, problems,
                List.of(), calls, r.provider(), r.model(), repaired), calls, r.provider(), r.model(), repaired);
    }
}
