package io.tradingstack.strategy;

import io.tradingstack.features.Feature;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Enters long on the first bar of each series and holds; a baseline for comparisons. */
public final class BuyAndHoldStrategy implements Strategy {
    public static final String NAME = "buy-and-hold";

    @Override
    public String name() {
        return NAME;
    }

    /** It reads only bars and the position. */
    @Override
    public Set<Feature> requiredFeatures() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override
    public List<Signal> onBar(BarView view) {
        if (view.position().signum() == 0 && view.bar(1) == null) {
            return List.of(Signal.enterLong(null, "buy and hold"));
        }
        return List.of();
    }
}
