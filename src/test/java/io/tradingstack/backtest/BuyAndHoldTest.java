package io.tradingstack.backtest;

import io.tradingstack.model.Candle;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;
import io.tradingstack.testing.MarketData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** buy-and-hold is the benchmark: fully invested at the first open, so its return is the market's less the costs. */
class BuyAndHoldTest {

    @Test
    void investsAllTheCashAtTheFirstOpenAndFollowsTheMarket(@TempDir Path dir) {
        Path data = MarketData.file("binance_ETH_USDT-1m.json");
        BacktestRequest req = new BacktestRequest(List.of(data.toString()), List.of("ETH-USD"), null, null, null, "buy-and-hold",
                null, null, null, null, null, null, null, dir.toString());
        BacktestRunner.Outcome outcome = BacktestRunner.run(req, ProgressListener.NONE);
        BacktestResult r = outcome.result();

        assertEquals(1, r.fills().size(), "one entry, never sold");
        Fill buy = r.fills().get(0);
        assertEquals(Side.BUY, buy.side());
        BigDecimal spent = buy.qty().multiply(buy.price()).add(buy.fee());
        BigDecimal initial = BacktestConfig.defaults().initialCash();
        assertTrue(spent.compareTo(initial.multiply(new BigDecimal("0.99"))) >= 0 && spent.compareTo(initial) <= 0,
                "spent " + spent + " of " + initial);

        List<Candle> bars = r.datasets().get(0).candles();
        double market = bars.get(bars.size() - 1).close() / bars.get(1).open() - 1;
        double strategy = r.finalEquity().divide(initial, MathContext.DECIMAL64).doubleValue() - 1;
        assertEquals(market, strategy, 0.01, "strategy " + strategy + " vs market " + market);
        Map<?, ?> limits = (Map<?, ?>) outcome.report().get("risk_limits");
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) limits.get("max_symbol_exposure_pct")), "the report states the lifted caps");
    }
}
