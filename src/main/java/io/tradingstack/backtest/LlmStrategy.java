package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.strategy.Signal;
import io.tradingstack.strategy.SpecStrategy;
import io.tradingstack.strategy.Strategy;
import io.tradingstack.strategy.BarView;
import io.tradingstack.strategy.plan.OfflinePlanner;
import io.tradingstack.strategy.plan.PlanRequest;
import io.tradingstack.strategy.plan.PlannerPrompt;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.store.SpecPlanning;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --strategy llm}: the strategist plans a strategy spec per simulated day (or every N bars)
 * from the feature vectors of the bars up to then, through the planner of plan_strategy
 * ({@link SpecPlanning} with {@link PlannerPrompt}); the compiled spec trades bar by bar. Requests
 * are deterministic, so the call log answers a re-run without the model. Beyond the day's request
 * cap, or when a plan fails, the last plan stays in force and the day's entry says why. At each
 * day's end the {@link BacktestJudge} reviews the day. Never reused between runs.
 */
public final class LlmStrategy implements Strategy, DayListener {
    public static final String NAME = "llm";
    private final LlmOptions options;
    private final SpecPlanning planning;
    private final BacktestJudge judge;
    private final Deque<FeatureVector> recent = new ArrayDeque<>();
    private final List<Map<String, Object>> days = new ArrayList<>();
    private List<Map<String, Object>> plansToday = new ArrayList<>();
    private List<String> keys;
    private int target = -1;
    private String market;
    private String timeframe;
    private SpecStrategy current;
    private long bars;
    private long plannedPeriod = Long.MIN_VALUE;
    private int requestsToday;
    private long requests;
    private long modelCalls;
    private long cacheHits;

    /**
     * @param chat         the llm service (the CLI's over a file call log, the worker's over PgCallLog)
     * @param base         the adjustments of the risk configuration; the judge's combine with them
     */
    public LlmStrategy(LlmOptions options, Function<LlmRequest, LlmResult> chat, RiskAdjustments base) {
        this.options = options;
        LlmActivities counted = request -> count(chat.apply(request.asDeterministic()));
        this.planning = new SpecPlanning(counted);
        this.judge = new BacktestJudge(counted, base);
    }

    private LlmResult count(LlmResult r) {
        requests++;
        requestsToday++;
        modelCalls += r.modelCalls();
        cacheHits += r.cached() ? 1 : 0;
        return r;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The plan in force tightens the gate's limits with its risk overrides, as the live execution gate does. */
    @Override
    public java.util.function.UnaryOperator<io.tradingstack.risk.RiskLimits> limits() {
        return current == null ? null : current.spec().riskOverrides()::tighten;
    }

    @Override
    public void init(List<String> seriesKeys) {
        keys = List.copyOf(seriesKeys);
        target = 0;
        String[] key = seriesKeys.get(0).split(":");
        market = key[0];
        timeframe = key[1];
        if (!RuleEnvironment.defaultTimeframes().contains(timeframe)) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "the LLM strategist plans on "
                    + RuleEnvironment.defaultTimeframes() + " bars; pass --timeframe one of them (the data is " + timeframe + ")");
        }
    }

    @Override
    public List<Signal> onBar(BarView view) {
        if (view.series() != target) {
            return List.of();
        }
        recent.addLast(view.features());
        if (recent.size() > PlanRequest.VECTORS) {
            recent.removeFirst();
        }
        long period = options.barsBetweenPlans() == 0 ? Math.floorDiv(view.bar().start().getEpochSecond(), 86_400L)
                : bars / options.barsBetweenPlans();
        bars++;
        if (period != plannedPeriod && OfflinePlanner.ready(List.copyOf(recent), timeframe)) {
            plannedPeriod = period;
            plan(view.time());
        }
        return current == null ? List.of() : current.onBar(view);
    }

    private void plan(Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", at.toString());
        if (requestsToday >= options.callsPerDay()) {
            kept(entry, "cap of " + options.callsPerDay() + " LLM requests per simulated day reached");
            return;
        }
        PlanRequest request = new PlanRequest(market, timeframe, options.riskProfile(), "", false,
                RuleEnvironment.defaultTimeframes(), List.copyOf(recent), judge.plannerPrompt(), judge.plannerVersion(), List.of());
        request.check();
        SpecPlanning.Planned planned = planning.plan(request, at);
        if (planned.failure() != null) {
            kept(entry, planned.failure().code().name() + " (" + planned.failure().code().code() + "): "
                    + planned.failure().message());
            return;
        }
        CompiledSpec compiled = planned.report().compiled();
        current = new SpecStrategy(compiled);
        current.init(keys);
        entry.put("outcome", "planned");
        entry.put("spec_id", compiled.spec().id());
        entry.put("planner_prompt_version", judge.plannerVersion());
        entry.put("rationale", compiled.spec().rationale());
        plansToday.add(entry);
    }

    private void kept(Map<String, Object> entry, String why) {
        entry.put("outcome", current == null ? "no_plan" : "kept_last_plan");
        entry.put("spec_id", current == null ? null : current.spec().id());
        entry.put("reason", why);
        plansToday.add(entry);
    }

    @Override
    public RiskAdjustments dayEnded(DayFigures day, boolean last) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("date", day.date().toString());
        entry.put("plans", plansToday);
        entry.put("spec_in_force", current == null ? null : current.spec().id());
        entry.put("adjustments_in_force", BacktestJudge.describe(judge.inForce()));
        entry.put("start_equity", day.startEquity());
        entry.put("end_equity", day.endEquity());
        entry.put("closed_trades", day.closedTrades());
        entry.put("entry_qtys", day.entryQtys());
        boolean mayAsk = requestsToday < options.callsPerDay();
        entry.put("judge", options.judge() ? judge.review(day, mayAsk, options.callsPerDay()) : null);
        entry.put("llm_requests", requestsToday);
        days.add(entry);
        plansToday = new ArrayList<>();
        requestsToday = 0;
        return last ? null : judge.inForce();
    }

    /** The report's {@code llm} section: the options and one entry per simulated day. */
    public Map<String, Object> reportSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan_every", options.planEvery());
        m.put("llm_calls_per_day", options.callsPerDay());
        m.put("risk_profile", options.riskProfile());
        m.put("judge", options.judge());
        m.put("requests", requests);
        m.put("days", days);
        return m;
    }

    /** What this run cost in model calls (not in the report: a re-run answered from the cache differs only here). */
    public Map<String, Object> usage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("model_calls", modelCalls);
        m.put("cache_hits", cacheHits);
        return m;
    }
}
