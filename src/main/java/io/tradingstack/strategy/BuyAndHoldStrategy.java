package io.tradingstack.strategy;

import java.util.List;

/** Enters long on the first bar of each series and holds; a baseline for comparisons. */
public final class BuyAndHoldStrategy implements Strategy {
    public static final String NAME = "buy-and-hold";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> onBar(BarView view) {
        if (view.position().signum() == 0 && view.bar(1) == null) {
            return List.of(Signal.enterLong(null, "buy and hold"));
        }
        return List.of();
    }
}
