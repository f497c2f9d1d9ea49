package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An engine reduced to a few features computes exactly what the full engine computes for them. */
class FeatureSubsetTest {

    private static final Set<Feature> STRATEGY = EnumSet.of(Feature.EMA12, Feature.EMA26, Feature.RSI14, Feature.ATR14);

    @Test
    void reducedEngineGivesBitIdenticalValuesOnRealData() {
        List<Candle> candles = MarketFiles.eth1m();
        FeatureEngine full = new FeatureEngine("ETH-USD", "1m", 512, false);
        FeatureEngine reduced = FeatureEngine.of("ETH-USD", "1m", 512, STRATEGY);
        FeatureEngine rsiOnly = FeatureEngine.of("ETH-USD", "1m", 512, EnumSet.of(Feature.RSI14));
        FeatureEngine macdOnly = FeatureEngine.of("ETH-USD", "1m", 512, EnumSet.of(Feature.MACD));
        int defined = 0;
        for (Candle c : candles) {
            assertEquals(full.accept(c), reduced.accept(c));
            rsiOnly.accept(c);
            macdOnly.accept(c);
            same(full.ema12(), reduced.ema12());
            same(full.ema26(), reduced.ema26());
            same(full.rsi14(), reduced.rsi14());
            same(full.atr14(), reduced.atr14());
            same(full.rsi14(), rsiOnly.rsi14());
            // MACD keeps the EMAs it is computed from
            same(full.ema12(), macdOnly.ema12());
            same(full.ema26(), macdOnly.ema26());
            if (!Double.isNaN(reduced.atr14())) {
                defined++;
            }
        }
        assertEquals(candles.size() - 13, defined, "values compared after warm-up on every bar");
        assertEquals(full.bars(), reduced.bars());
    }

    @Test
    void anEngineOfAllFeaturesIsTheFullEngine() {
        FeatureEngine full = new FeatureEngine("BTC-USD", "1m", 512, false);
        FeatureEngine all = FeatureEngine.of("BTC-USD", "1m", 512, Feature.all());
        for (Candle c : MarketFiles.btc1m().subList(0, 3000)) {
            FeatureVector a = full.onCandle(c);
            FeatureVector b = all.onCandle(c);
            assertEquals(a, b);
        }
    }

    @Test
    void readingAFeatureOutsideTheSubsetThrows() {
        FeatureEngine reduced = FeatureEngine.of("ETH-USD", "1m", 512, EnumSet.of(Feature.RSI14));
        MarketFiles.eth1m().subList(0, 100).forEach(reduced::accept);
        assertThrows(IllegalStateException.class, reduced::latest);
        assertThrows(IllegalStateException.class, reduced::ema12);
        assertThrows(IllegalStateException.class, reduced::atr14);
        assertEquals(EnumSet.of(Feature.RSI14), reduced.computed());
    }

    private static void same(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> expected + " != " + actual);
    }
}
