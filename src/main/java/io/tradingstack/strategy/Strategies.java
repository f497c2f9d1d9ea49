package io.tradingstack.strategy;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The strategies that can be chosen by name; each call returns a fresh instance. */
public final class Strategies {
    public static final String DEFAULT = EmaRsiAtrStrategy.NAME;
    private static final Map<String, Supplier<Strategy>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(EmaRsiAtrStrategy.NAME, EmaRsiAtrStrategy::new);
        BY_NAME.put(BuyAndHoldStrategy.NAME, BuyAndHoldStrategy::new);
    }

    private Strategies() {
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Strategy create(String name) {
        return create(name, null);
    }

    /**
     * A strategy by name, or a strategy spec: {@code spec:FILE} (a JSON spec) or {@code spec:default}
     * (the shipped spec of {@code market}).
     */
    public static Strategy create(String name, String market) {
        if (name != null && name.startsWith(SpecStrategy.PREFIX)) {
            return SpecStrategies.load(name.substring(SpecStrategy.PREFIX.length()), market);
        }
        Supplier<Strategy> s = BY_NAME.get(name == null ? DEFAULT : name);
        if (s == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "unknown strategy '" + name + "'; known: "
                    + String.join(", ", BY_NAME.keySet()) + ", spec:FILE, spec:default");
        }
        return s.get();
    }
}
