package io.tradingstack.strategy.spec;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.rules.CompiledRule;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.rules.RuleException;
import io.tradingstack.strategy.rules.Rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A spec whose rules are all compiled: built once (refused with every problem found), then
 * evaluated on frames any number of times. Triggers are kept in priority order: confidence grade
 * A before B before C, then the order they were written in.
 */
public final class CompiledSpec {
    private final StrategySpec spec;
    private final RuleEnvironment env;
    private final List<CompiledTrigger> triggers;
    private final Set<String> timeframes;

    private CompiledSpec(StrategySpec spec, RuleEnvironment env, List<CompiledTrigger> triggers) {
        this.spec = spec;
        this.env = env;
        this.triggers = List.copyOf(triggers);
        Set<String> tfs = new LinkedHashSet<>();
        for (CompiledTrigger t : triggers) {
            if (t.entry() != null) {
                tfs.addAll(t.entry().timeframes());
            }
            if (t.exit() != null) {
                tfs.addAll(t.exit().timeframes());
            }
        }
        this.timeframes = Set.copyOf(tfs);
    }

    /**
     * Compiles every rule of {@code spec} for the features engine's {@code availableTimeframes}.
     *
     * @throws SpecException listing every refused rule (and an unavailable timeframe)
     */
    public static CompiledSpec compile(StrategySpec spec, List<String> availableTimeframes) {
        RuleEnvironment env;
        try {
            env = RuleEnvironment.of(spec.timeframe(), availableTimeframes);
        } catch (RuleException e) {
            throw new SpecException(List.of(Problem.of(e.code(), "timeframe", e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        List<CompiledTrigger> out = new ArrayList<>();
        for (int i = 0; i < spec.triggers().size(); i++) {
            Trigger t = spec.triggers().get(i);
            CompiledRule entry = rule(t.entryRule(), env, "triggers[" + i + "].entry_rule", problems);
            CompiledRule exit = rule(t.exitRule(), env, "triggers[" + i + "].exit_rule", problems);
            if (t.category() == TriggerCategory.EMERGENCY_EXIT && exit != null && exit.constant()) {
                problems.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "triggers[" + i + "].exit_rule",
                        "emergency_exit_tautology: an emergency exit must depend on the market, not be constant"));
            }
            out.add(new CompiledTrigger(t, entry, exit));
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        out.sort(Comparator.comparing((CompiledTrigger t) -> t.trigger().confidenceGrade()));
        return new CompiledSpec(spec, env, out);
    }

    private static CompiledRule rule(String source, RuleEnvironment env, String path, List<Problem> problems) {
        if (source == null) {
            return null;
        }
        try {
            return Rules.compile(source, env);
        } catch (RuleException e) {
            problems.add(Problem.of(path, e));
            return null;
        }
    }

    public StrategySpec spec() {
        return spec;
    }

    public RuleEnvironment environment() {
        return env;
    }

    /** Triggers in priority order. */
    public List<CompiledTrigger> triggers() {
        return triggers;
    }

    /** Coarser timeframes the rules read (labels of FEATURES_TIMEFRAMES). */
    public Set<String> timeframes() {
        return timeframes;
    }

    /** Every trigger's rules on {@code current}; {@code previous} is the bar before (null on the first). */
    public Evaluation evaluate(Frame current, Frame previous) {
        List<TriggerResult> results = new ArrayList<>(triggers.size());
        for (CompiledTrigger t : triggers) {
            results.add(new TriggerResult(t.id(), t.trigger().category(), t.trigger().direction(),
                    t.entry() == null ? null : t.entry().evaluate(current, previous),
                    t.exit() == null ? null : t.exit().evaluate(current, previous)));
        }
        double close = current == null ? Double.NaN : current.close();
        return new Evaluation(current == null ? null : current.time(), Double.isNaN(close) ? null : close, results);
    }

    /** The evaluations of the last {@code lastN} frames of a window (oldest first), each against the frame before it. */
    public List<Evaluation> evaluateWindow(List<Frame> frames, int lastN) {
        int from = Math.max(0, frames.size() - Math.max(0, lastN));
        List<Evaluation> out = new ArrayList<>(frames.size() - from);
        for (int i = from; i < frames.size(); i++) {
            out.add(evaluate(frames.get(i), i == 0 ? null : frames.get(i - 1)));
        }
        return out;
    }
}
