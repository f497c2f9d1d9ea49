package io.tradingstack.strategy.spec;

import io.tradingstack.features.FeatureEngine;
import io.tradingstack.features.Timeframe;
import io.tradingstack.model.Candle;
import io.tradingstack.model.CandleRollup;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the frames of a compiled spec bar by bar from the bars of its own timeframe: the coarser
 * timeframes its rules read are rolled up from those bars and run through their own
 * {@link FeatureEngine}, so a coarse vector becomes visible only once its bar has closed (as
 * live, where the features engine publishes it at that close). Used by the backtest strategy and
 * by {@link #fromCandles} for evaluating a window.
 */
public final class FrameBuilder {
    private static final int MAX_BARS = 512;
    private final List<CandleRollup> rollups = new ArrayList<>();
    private final List<FeatureEngine> engines = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<String, FeatureVector> latest = new HashMap<>();

    public FrameBuilder(CompiledSpec spec) {
        for (Timeframe t : spec.environment().crossTimeframes()) {
            if (spec.timeframes().contains(t.label())) {
                rollups.add(new CandleRollup(spec.spec().market(), t.seconds()));
                engines.add(new FeatureEngine(spec.spec().market(), t.label(), MAX_BARS, false));
                labels.add(t.label());
            }
        }
    }

    /** The frame at the close of {@code bar}, whose features are {@code vector}. */
    public Frame next(Candle bar, FeatureVector vector, PositionState position) {
        for (int i = 0; i < rollups.size(); i++) {
            for (Candle coarse : rollups.get(i).add(bar)) {
                latest.put(labels.get(i), engines.get(i).onCandle(coarse));
            }
        }
        return new Frame(bar.end(), vector, latest, position);
    }

    /**
     * The frames of a window of bars of the spec's timeframe (oldest first), all with the same
     * {@code position}: what evaluate_strategy needs from fetched candles.
     */
    public static List<Frame> fromCandles(CompiledSpec spec, List<Candle> candles, PositionState position) {
        FrameBuilder b = new FrameBuilder(spec);
        String tf = spec.environment().base().label();
        FeatureEngine base = new FeatureEngine(spec.spec().market(), tf, MAX_BARS, false);
        List<Frame> out = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            if (!c.symbol().equals(spec.spec().market())) {
                throw Keys.invalid("candles of " + c.symbol() + " given for a " + spec.spec().market() + " spec");
            }
            if (c.granularitySec() != spec.environment().base().seconds()) {
                throw Keys.invalid("candles of " + c.granularitySec() + " s given for a " + tf + " spec");
            }
            out.add(b.next(c, base.onCandle(c), position));
        }
        return out;
    }
}
