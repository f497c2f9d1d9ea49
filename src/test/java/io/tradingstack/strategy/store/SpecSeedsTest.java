package io.tradingstack.strategy.store;

import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.strategy.DefaultSpecs;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the replay market a fresh store holds the 5-minute shipped spec and, stored after it, the
 * 1-minute demo spec: the newest active spec of the market, which the execution agent trades. A
 * second start adds nothing; without the demo only the 5-minute specs are stored.
 */
class SpecSeedsTest {

    @Test
    void theReplayDemoIsTheNewestSpecOfItsMarketAndSeedsNeverRepeat() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            SpecRepository repo = new SpecRepository(LedgerDb.fresh().pool(vertx, 2));
            List<String> markets = List.of("BTC-USD", "ETH-USD", "SOL-USD");
            SpecSeeds.seed(repo, markets, true).await(20, TimeUnit.SECONDS);
            SpecSeeds.seed(repo, markets, true).await(20, TimeUnit.SECONDS);
            List<StoredSpec> active = repo.active().await(10, TimeUnit.SECONDS);
            assertEquals(4, active.size(), "two specs each for the two markets with shipped specs, none twice: " + active);
            for (String m : List.of("BTC-USD", "ETH-USD")) {
                StoredSpec newest = active.stream().filter(s -> s.market().equals(m))
                        .max(Comparator.comparing(StoredSpec::storedAt)).orElseThrow();
                assertEquals(DefaultSpecs.replayDemo(m).id(), newest.specId());
                assertEquals("1m", newest.timeframe());
            }

            SpecRepository other = new SpecRepository(LedgerDb.fresh().pool(vertx, 2));
            SpecSeeds.seed(other, markets, false).await(20, TimeUnit.SECONDS);
            assertEquals(List.of("5m", "5m"), other.active().await(10, TimeUnit.SECONDS).stream().map(StoredSpec::timeframe).toList());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
