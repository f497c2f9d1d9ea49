package io.tradingstack.backtest;

import io.tradingstack.model.Candle;
import io.tradingstack.testing.MarketData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report compares the strategy with the market from the same data: the market change, a fully
 * invested buy-and-hold benchmark, monthly returns that compound to the total, figures per pair,
 * and a price chart with a marker per fill; the console names the data findings.
 */
class ReportForReadersTest {

    @Test
    @SuppressWarnings("unchecked")
    void comparesTheStrategyWithTheMarketAndMarksItsFills(@TempDir Path dir) throws Exception {
        BacktestRequest req = new BacktestRequest(List.of(MarketData.file("binance_ETH_USDT-1m.json").toString()), List.of("ETH-USD"),
                null, null, null, "ema-rsi-atr", null, null, null, null, null, null, null, dir.toString());
        BacktestRunner.Outcome outcome = BacktestRunner.run(req, ProgressListener.NONE);
        Map<String, Object> report = outcome.report();
        Map<String, Object> market = (Map<String, Object>) report.get("market");

        List<Candle> bars = outcome.result().datasets().get(0).candles();
        double change = bars.get(bars.size() - 1).close() / bars.get(0).open() - 1;
        BigDecimal reported = (BigDecimal) ((Map<String, Object>) market.get("market_change")).get("ETH-USD");
        assertEquals(change, reported.doubleValue(), 1e-8);

        Map<String, Object> buyAndHold = (Map<String, Object>) market.get("buy_and_hold");
        double benchmark = ((BigDecimal) buyAndHold.get("total_return")).doubleValue();
        double costs = BacktestConfig.defaults().feeBps().add(BacktestConfig.defaults().slippageBps()).doubleValue() / 10_000;
        assertEquals((1 + change) * (1 - costs), 1 + benchmark, 1e-3, "fully invested, entry costs paid once");
        List<?> curve = (List<?>) report.get("equity_curve");
        assertEquals(curve.size(), ((List<?>) buyAndHold.get("curve")).size(), "one benchmark point per curve point");
        assertEquals(curve.size(), ((List<?>) ((Map<String, Object>) market.get("price_curve")).get("ETH-USD")).size());

        Map<String, Object> months = (Map<String, Object>) market.get("monthly_returns");
        assertFalse(months.isEmpty());
        double compounded = 1;
        for (Object r : months.values()) {
            compounded *= 1 + ((BigDecimal) r).doubleValue();
        }
        double total = outcome.result().finalEquity().divide(BacktestConfig.defaults().initialCash(), MathContext.DECIMAL64)
                .doubleValue();
        assertEquals(total, compounded, 1e-6, "monthly returns compound to the total return");

        Map<String, Object> pair = (Map<String, Object>) ((Map<String, Object>) market.get("per_pair")).get("ETH-USD");
        assertEquals(outcome.result().trades().size(), ((Number) pair.get("trades")).intValue());
        BigDecimal net = outcome.result().trades().stream().map(TradeBook.Trade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, net.compareTo((BigDecimal) pair.get("closed_trades_pnl_net")));

        String html = Files.readString(Path.of(outcome.summary().reportHtml()));
        assertFalse(html.contains("<script"), "self-contained, no scripts");
        assertTrue(html.contains("Monthly returns") && html.contains("buy and hold") && html.contains("Per pair"));
        int fills = outcome.result().fills().size();
        assertTrue(fills > 0, "the strategy traded on this data");
        int step = (fills + Charts.MAX_MARKERS - 1) / Charts.MAX_MARKERS;
        assertEquals((fills + step - 1) / step, count(html, "<polygon "), "a marker per fill, every step-th beyond the cap");
        assertTrue(html.contains("%</span>"), "fractions are shown as percent");

        String findings = Summary.dataFindings(report);
        assertTrue(findings.startsWith("data ETH-USD:"), findings);
        assertNotNull(Summary.table(report));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
