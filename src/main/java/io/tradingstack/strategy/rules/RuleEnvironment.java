package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Timeframe;
import io.tradingstack.runtime.ConfigKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a rule may refer to: the spec's own timeframe and the timeframes the features engine
 * computes (FEATURES_TIMEFRAMES). Cross-timeframe names must name a coarser available timeframe
 * that is a whole multiple of the spec's: a backtest derives those bars from the spec's own, so
 * the same rule means the same thing live and in a backtest.
 */
public record RuleEnvironment(Timeframe base, List<Timeframe> available) {

    public RuleEnvironment {
        available = List.copyOf(available);
    }

    /** The default FEATURES_TIMEFRAMES (1m, 5m, 15m, 1h). */
    public static List<String> defaultTimeframes() {
        return Arrays.stream(ConfigKey.FEATURES_TIMEFRAMES.defaultValue().split(",")).map(String::trim).toList();
    }

    /** A spec of {@code timeframe} under the default timeframes. */
    public static RuleEnvironment of(String timeframe) {
        return of(timeframe, defaultTimeframes());
    }

    /**
     * @throws RuleException STRATEGY_UNKNOWN_TIMEFRAME when {@code timeframe} is malformed or not
     *                       among {@code available}
     */
    public static RuleEnvironment of(String timeframe, List<String> available) {
        List<Timeframe> tfs = new ArrayList<>();
        for (String a : available) {
            tfs.add(Timeframe.parse(a));
        }
        List<String> labels = tfs.stream().map(Timeframe::label).toList();
        Timeframe base;
        try {
            base = Timeframe.parse(timeframe);
        } catch (IllegalArgumentException e) {
            throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, 0, e.getMessage(), labels, null);
        }
        Timeframe found = tfs.stream().filter(t -> t.seconds() == base.seconds()).findFirst().orElse(null);
        if (found == null) {
            throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, 0, "timeframe " + timeframe
                    + " is not computed by the features engine (FEATURES_TIMEFRAMES); accepted: " + String.join(", ", labels),
                    labels, Suggest.closest(timeframe, labels));
        }
        return new RuleEnvironment(found, tfs);
    }

    /** Timeframes a cross-timeframe name may use here: coarser than the base and a multiple of it. */
    public List<Timeframe> crossTimeframes() {
        return available.stream().filter(t -> t.seconds() > base.seconds() && t.seconds() % base.seconds() == 0).toList();
    }
}
