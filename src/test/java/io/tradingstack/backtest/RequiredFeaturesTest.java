package io.tradingstack.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.features.Feature;
import io.tradingstack.strategy.BarView;
import io.tradingstack.strategy.EmaRsiAtrStrategy;
import io.tradingstack.strategy.Signal;
import io.tradingstack.strategy.Strategy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backtest keeps only a strategy's declared features current, with no effect on the result. */
class RequiredFeaturesTest {

    /** The reference strategy as it was before it declared its features: every feature kept. */
    private static Strategy withAllFeatures(Strategy s) {
        return new Strategy() {
            @Override
            public String name() {
                return s.name();
            }

            @Override
            public void init(List<String> keys) {
                s.init(keys);
            }

            @Override
            public List<Signal> onBar(BarView view) {
                return s.onBar(view);
            }
        };
    }

    @Test
    void theReducedFeatureEngineGivesTheSameReport() throws Exception {
        Dataset eth = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_ETH_USDT-1m.json"), null, null);
        Strategy reduced = new EmaRsiAtrStrategy();
        assertEquals(EnumSet.of(Feature.EMA12, Feature.EMA26, Feature.RSI14, Feature.ATR14), reduced.requiredFeatures());
        Strategy full = withAllFeatures(new EmaRsiAtrStrategy());
        assertEquals(Feature.all(), full.requiredFeatures());
        JsonNode a = BacktestEngineTest.reportJson(BacktestEngineTest.run(List.of(eth), reduced));
        JsonNode b = BacktestEngineTest.reportJson(BacktestEngineTest.run(List.of(eth), full));
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("throughput");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("throughput");
        assertEquals(ReportMapper.MAPPER.writeValueAsString(b), ReportMapper.MAPPER.writeValueAsString(a));
    }

    @Test
    void readingAnUndeclaredFeatureFailsLoudly() {
        Dataset eth = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_ETH_USDT-1m.json"), null, null);
        Strategy sloppy = new Strategy() {
            @Override
            public String name() {
                return "sloppy";
            }

            @Override
            public Set<Feature> requiredFeatures() {
                return EnumSet.of(Feature.RSI14);
            }

            @Override
            public List<Signal> onBar(BarView view) {
                return view.ema12() > 0 && view.rsi14() < 0 ? List.of(Signal.exit("never")) : List.of();
            }
        };
        assertThrows(IllegalStateException.class, () -> BacktestEngineTest.run(List.of(eth), sloppy));
    }
}
