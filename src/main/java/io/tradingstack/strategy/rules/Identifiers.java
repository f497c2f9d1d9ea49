package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Feature;
import io.tradingstack.features.Timeframe;
import io.tradingstack.model.FeatureVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a rule may use, each mapped to a {@link FeatureVector} field or a state derived from
 * one. The list is fixed here: a rule never widens it (the reference compiler added every name a
 * rule used to that rule's whitelist, which disabled the check).
 */
public final class Identifiers {
    /** A numeric feature: its name, how to read it, the feature group that computes it, and its meaning. */
    public record Numeric(String name, Function<FeatureVector, Double> read, Feature group, String meaning) {
    }

    private static final Map<String, Numeric> NUMERIC = new LinkedHashMap<>();
    private static final Map<String, StateDomain> STATES = new LinkedHashMap<>();
    private static final Map<String, PositionState> FLAGS = new LinkedHashMap<>();
    private static final Pattern CROSS = Pattern.compile("tf_(\\d{1,5}[smhd])_([a-z0-9_]+)");

    static {
        num("close", FeatureVector::lastPrice, null, "close of the bar (last price)");
        num("price", FeatureVector::lastPrice, null, "same as close");
        num("return_1", FeatureVector::return1, Feature.RETURNS, "close / close 1 bar ago - 1 (fraction)");
        num("return_5", FeatureVector::return5, Feature.RETURNS, "close / close 5 bars ago - 1");
        num("return_15", FeatureVector::return15, Feature.RETURNS, "close / close 15 bars ago - 1");
        num("return_60", FeatureVector::return60, Feature.RETURNS, "close / close 60 bars ago - 1");
        num("rolling_high_20", FeatureVector::rollingHigh20, Feature.ROLLING_HIGH_LOW, "highest high of 20 bars");
        num("rolling_low_20", FeatureVector::rollingLow20, Feature.ROLLING_HIGH_LOW, "lowest low of 20 bars");
        num("atr_14", FeatureVector::atr14, Feature.ATR14, "Wilder ATR(14), price units");
        num("rsi_14", FeatureVector::rsi14, Feature.RSI14, "Wilder RSI(14), 0..100");
        num("ema_12", FeatureVector::ema12, Feature.EMA12, "EMA(12) of close");
        num("ema_26", FeatureVector::ema26, Feature.EMA26, "EMA(26) of close");
        num("sma_20", FeatureVector::sma20, Feature.SMA20, "SMA(20) of close");
        num("sma_50", FeatureVector::sma50, Feature.SMA50, "SMA(50) of close");
        num("bb_upper", FeatureVector::bbUpper, Feature.BOLLINGER, "Bollinger(20, 2) upper band");
        num("bb_middle", FeatureVector::bbMiddle, Feature.BOLLINGER, "Bollinger middle band (SMA 20)");
        num("bb_lower", FeatureVector::bbLower, Feature.BOLLINGER, "Bollinger lower band");
        num("bb_percent_b", FeatureVector::bbPercentB, Feature.BOLLINGER, "(close - lower) / (upper - lower)");
        num("macd", FeatureVector::macd, Feature.MACD, "EMA12 - EMA26");
        num("macd_signal", FeatureVector::macdSignal, Feature.MACD, "EMA(9) of macd");
        num("macd_hist", FeatureVector::macdHistogram, Feature.MACD, "macd - macd_signal");
        num("volume_multiple_20", FeatureVector::volumeMultiple20, Feature.VOLUME_MULTIPLE, "volume / SMA(20) of volume");
        num("realized_vol_20", FeatureVector::realizedVol20, Feature.REALIZED_VOL, "std of 20 log returns (per bar)");
        num("vwap", FeatureVector::vwap, Feature.VWAP, "session VWAP since 00:00 UTC");
        STATES.put("position", StateDomain.POSITION);
        STATES.put("vol_state", StateDomain.VOL_STATE);
        STATES.put("trend_state", StateDomain.TREND_STATE);
        FLAGS.put("is_flat", PositionState.FLAT);
        FLAGS.put("is_long", PositionState.LONG);
        FLAGS.put("is_short", PositionState.SHORT);
    }

    private Identifiers() {
    }

    private static void num(String name, Function<FeatureVector, Double> read, Feature group, String meaning) {
        NUMERIC.put(name, new Numeric(name, read, group, meaning));
    }

    /** Numeric feature names, in documentation order. */
    public static Map<String, Numeric> numeric() {
        return Collections.unmodifiableMap(NUMERIC);
    }

    /** State names and their values. */
    public static Map<String, StateDomain> states() {
        return Collections.unmodifiableMap(STATES);
    }

    /** Position flags (reference names for position == 'flat' etc.). */
    public static Map<String, PositionState> flags() {
        return Collections.unmodifiableMap(FLAGS);
    }

    /** A resolved name: what it reads and in which timeframe (null = the spec's own). */
    sealed interface Ref {
        String name();
    }

    record NumericRef(String name, String timeframe, Numeric feature) implements Ref {
    }

    record StateRef(String name, String timeframe, int timeframeSeconds, StateDomain domain) implements Ref {
    }

    record FlagRef(String name, PositionState state) implements Ref {
    }

    static Ref resolve(String name, RuleEnvironment env, int pos) {
        Numeric n = NUMERIC.get(name);
        if (n != null) {
            return new NumericRef(name, null, n);
        }
        StateDomain d = STATES.get(name);
        if (d != null) {
            return new StateRef(name, null, env.base().seconds(), d);
        }
        PositionState p = FLAGS.get(name);
        if (p != null) {
            return new FlagRef(name, p);
        }
        Matcher m = CROSS.matcher(name);
        if (m.matches()) {
            return crossTimeframe(name, m.group(1), m.group(2), env, pos);
        }
        List<String> accepted = accepted(env);
        throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_IDENTIFIER, pos, "unknown name '" + name + "'; accepted: "
                + String.join(", ", accepted), accepted, Suggest.closest(name, accepted));
    }

    private static Ref crossTimeframe(String name, String tfText, String feature, RuleEnvironment env, int pos) {
        List<String> tfs = env.crossTimeframes().stream().map(Timeframe::label).toList();
        Timeframe tf = parse(tfText);
        Timeframe match = tf == null ? null : tf.seconds() == env.base().seconds() ? env.base()
                : env.crossTimeframes().stream().filter(t -> t.seconds() == tf.seconds()).findFirst().orElse(null);
        if (match == null) {
            throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, pos, "timeframe " + tfText + " in '" + name
                    + "' is not available for a " + env.base().label() + " spec; accepted: "
                    + (tfs.isEmpty() ? "none (no coarser timeframe is computed)" : String.join(", ", tfs))
                    + " (coarser than " + env.base().label() + ", a multiple of it, and in FEATURES_TIMEFRAMES)",
                    tfs, Suggest.closest(tfText, tfs));
        }
        String label = match == env.base() ? null : match.label();
        Numeric n = NUMERIC.get(feature);
        if (n != null) {
            return new NumericRef(name, label, n);
        }
        StateDomain d = STATES.get(feature);
        if (d != null && d != StateDomain.POSITION) {
            return new StateRef(name, label, match.seconds(), d);
        }
        List<String> names = new ArrayList<>(NUMERIC.keySet());
        names.add("vol_state");
        names.add("trend_state");
        throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_IDENTIFIER, pos, "unknown feature '" + feature + "' in '" + name
                + "'; a cross-timeframe name is tf_<timeframe>_<feature> with a feature among: " + String.join(", ", names),
                names, Suggest.closest(feature, names));
    }

    private static Timeframe parse(String text) {
        try {
            return Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every accepted name for a spec in {@code env}, cross-timeframe forms written with their timeframes. */
    public static List<String> accepted(RuleEnvironment env) {
        List<String> out = new ArrayList<>(NUMERIC.keySet());
        out.addAll(STATES.keySet());
        out.addAll(FLAGS.keySet());
        for (Timeframe t : env.crossTimeframes()) {
            out.add("tf_" + t.label() + "_<feature>");
        }
        return out;
    }
}
