package io.tradingstack.strategy;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.spec.StrategySpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a {@link SpecStrategy} from a spec file or the shipped spec of a market. */
final class SpecStrategies {
    static final String DEFAULT = "default";

    private SpecStrategies() {
    }

    static SpecStrategy load(String source, String market) {
        if (DEFAULT.equals(source)) {
            StrategySpec spec = DefaultSpecs.forMarket(market);
            if (spec == null) {
                throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "no shipped spec for market " + market
                        + "; shipped: " + String.join(", ", DefaultSpecs.MARKETS) + " (or give spec:FILE)");
            }
            return new SpecStrategy(StrategySpecs.compile(spec));
        }
        String json;
        try {
            json = Files.readString(Path.of(source));
        } catch (IOException | RuntimeException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "cannot read spec file '" + source + "': " + e.getMessage());
        }
        return new SpecStrategy(StrategySpecs.validate(json, RuleEnvironment.defaultTimeframes(), null).orThrow());
    }
}
