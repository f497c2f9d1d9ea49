package io.tradingstack.strategy;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Feature;
import io.tradingstack.risk.Direction;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.FrameBuilder;
import io.tradingstack.strategy.spec.OpenTrade;
import io.tradingstack.strategy.spec.SpecDecision;
import io.tradingstack.strategy.spec.SpecSignals;
import io.tradingstack.strategy.spec.StrategySpec;

import java.util.List;
import java.util.Set;

/**
 * A compiled spec as a backtest strategy: on each close of the spec's market and timeframe it
 * builds the frame (coarser timeframes rolled up from the same bars), asks the pure
 * {@link SpecSignals#decide} and turns the decision into a signal sized by the spec's sizing rule
 * on the current equity. It keeps the open trade's stop and take-profit between bars, so they are
 * honoured bar by bar. Bars of other series are ignored.
 */
public final class SpecStrategy implements Strategy {
    public static final String PREFIX = "spec:";
    private final CompiledSpec compiled;
    private FrameBuilder frames;
    private int target = -1;
    private Frame previous;
    private OpenTrade open;
    private OpenTrade pending;

    public SpecStrategy(CompiledSpec compiled) {
        this.compiled = compiled;
    }

    public StrategySpec spec() {
        return compiled.spec();
    }

    @Override
    public String name() {
        return PREFIX + compiled.spec().id();
    }

    /** Rules read the whole vector (and states derived from several fields). */
    @Override
    public Set<Feature> requiredFeatures() {
        return Feature.all();
    }

    @Override
    public void init(List<String> seriesKeys) {
        String key = compiled.spec().market() + ":" + compiled.environment().base().label();
        target = seriesKeys.indexOf(key);
        if (target < 0) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "spec " + compiled.spec().id() + " trades "
                    + compiled.spec().market() + " on " + compiled.spec().timeframe() + " bars but the run has " + seriesKeys
                    + "; pass --pair " + compiled.spec().market() + " and data of that timeframe or finer");
        }
        frames = new FrameBuilder(compiled);
        previous = null;
        open = null;
        pending = null;
    }

    @Override
    public List<Signal> onBar(BarView view) {
        if (view.series() != target) {
            return List.of();
        }
        PositionState position = PositionState.of(view.position());
        track(position);
        Frame current = frames.next(view.bar(), view.features(), position);
        SpecDecision d = SpecSignals.decide(compiled, current, previous, open);
        previous = current;
        return switch (d.action()) {
            case HOLD -> List.of();
            case EXIT -> List.of((d.emergency() ? Signal.emergencyExit(d.reason()) : Signal.exit(d.reason()))
                    .fromTrigger(d.triggerId(), d.category() == null ? null : d.category().key()));
            case ENTER_LONG, ENTER_SHORT -> {
                pending = d.openTrade();
                yield List.of(new Signal(d.action() == SpecDecision.Action.ENTER_LONG ? Direction.LONG : Direction.SHORT,
                        d.quantity(view.equity()), d.stopDistance(), false, d.reason(),
                        d.triggerId(), d.category() == null ? null : d.category().key()));
            }
        };
    }

    /** The levels of an entry apply once its order has filled; a flat book has none. */
    private void track(PositionState position) {
        if (position == PositionState.FLAT) {
            open = null;
            return;
        }
        if (pending != null && pending.side() == position) {
            open = pending;
            pending = null;
        }
        if (open != null && open.side() != position) {
            open = null;
        }
    }
}
