package io.tradingstack.strategy;

import io.tradingstack.model.Candle;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.Evaluation;
import io.tradingstack.strategy.spec.FrameBuilder;
import io.tradingstack.strategy.spec.OpenTrade;
import io.tradingstack.strategy.spec.SpecDecision;
import io.tradingstack.strategy.spec.SpecSignals;
import io.tradingstack.strategy.spec.SpecValidator;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.spec.ValidationReport;

import java.time.Instant;
import java.util.List;

/**
 * The public API of strategy specs, in the order a caller uses it (the MCP tools
 * validate_strategy_spec / evaluate_strategy and the execution agent build on these):
 * <ol>
 * <li>{@link #validate}: JSON text → a report (valid + compiled spec, or coded problems); stores nothing;</li>
 * <li>{@link #compile}: a spec → a {@link CompiledSpec}, or a SpecException with every problem;</li>
 * <li>{@link #frames} and {@link #evaluate}: which rules fire on each of the last N bars;</li>
 * <li>{@link #decide}: the pure signal function (enter / exit / hold with stop, take-profit, sizing);</li>
 * <li>{@link SpecStrategy}: the same spec as a backtest {@link Strategy}.</li>
 * </ol>
 * Timeframes default to FEATURES_TIMEFRAMES' default; pass the configured ones where known.
 */
public final class StrategySpecs {
    private StrategySpecs() {
    }

    public static ValidationReport validate(String json) {
        return validate(json, RuleEnvironment.defaultTimeframes(), Instant.now());
    }

    /** @param now what valid_until is compared with (warnings only) */
    public static ValidationReport validate(String json, List<String> timeframes, Instant now) {
        return SpecValidator.validate(json, timeframes, now);
    }

    public static CompiledSpec compile(StrategySpec spec) {
        return CompiledSpec.compile(spec, RuleEnvironment.defaultTimeframes());
    }

    public static CompiledSpec compile(StrategySpec spec, List<String> timeframes) {
        return CompiledSpec.compile(spec, timeframes);
    }

    /** Frames of a window of bars of the spec's timeframe, all with {@code position}. */
    public static List<Frame> frames(CompiledSpec spec, List<Candle> bars, PositionState position) {
        return FrameBuilder.fromCandles(spec, bars, position);
    }

    /** Every trigger on each of the last {@code lastN} frames. */
    public static List<Evaluation> evaluate(CompiledSpec spec, List<Frame> frames, int lastN) {
        return spec.evaluateWindow(frames, lastN);
    }

    /** The decision on the bar of {@code current}; {@code open} holds the levels of the position the spec opened. */
    public static SpecDecision decide(CompiledSpec spec, Frame current, Frame previous, OpenTrade open) {
        return SpecSignals.decide(spec, current, previous, open);
    }

    public static String toJson(StrategySpec spec) {
        return SpecValidator.toJson(spec);
    }
}
