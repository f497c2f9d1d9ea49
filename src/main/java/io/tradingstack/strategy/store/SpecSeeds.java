package io.tradingstack.strategy.store;

import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.spec.StrategySpec;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The specs a store starts with: the shipped 5-minute spec of each configured market that has never
 * had a spec for that timeframe, then, on the replay market, its 1-minute demo spec. One after the
 * other, so the demo is the newest active spec of its market and is what the execution agent trades
 * (it takes a market's most recently stored active spec). Seeds never overwrite: a spec stored for
 * the same market and timeframe (planned, saved, or an earlier seed) stays.
 */
final class SpecSeeds {
    private static final Logger LOG = LoggerFactory.getLogger(SpecSeeds.class);

    private SpecSeeds() {
    }

    static Future<Void> seed(SpecRepository repository, List<String> markets, boolean replayDemo) {
        List<StrategySpec> specs = new ArrayList<>();
        for (String market : markets) {
            add(specs, DefaultSpecs.forMarket(market));
        }
        if (replayDemo) {
            for (String market : markets) {
                add(specs, DefaultSpecs.replayDemo(market));
            }
        }
        Future<Void> chain = Future.succeededFuture();
        for (StrategySpec spec : specs) {
            chain = chain.compose(v -> repository.seedIfAbsent(spec, Instant.now()).map(added -> {
                if (added) {
                    LOG.info("Stored the shipped spec {} for {}", spec.id(), spec.key());
                }
                return null;
            }));
        }
        return chain;
    }

    private static void add(List<StrategySpec> specs, StrategySpec spec) {
        if (spec != null) {
            specs.add(spec);
        }
    }
}
