package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.PaperFillModel;
import io.tradingstack.model.Candle;
import io.tradingstack.model.Side;
import io.tradingstack.strategy.BarView;
import io.tradingstack.strategy.EmaRsiAtrStrategy;
import io.tradingstack.strategy.Signal;
import io.tradingstack.strategy.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestEngineTest {
    static Dataset btcHourly;
    static Dataset btcMinute;
    static Dataset ethMinute;

    @BeforeAll
    static void load() {
        btcHourly = DatasetLoader.load(io.tradingstack.testing.MarketData.file("Coinbase_BTCUSD_1h.csv"), null, null);
        btcMinute = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_BTC_USDT-1m.json"), null, null);
        ethMinute = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_ETH_USDT-1m.json"), null, null);
    }

    static BacktestResult run(List<Dataset> data, Strategy s) {
        return new BacktestEngine(BacktestConfig.defaults()).run(data, s, ProgressListener.NONE);
    }

    static JsonNode reportJson(BacktestResult r) throws Exception {
        Map<String, Object> report = BacktestReport.build(r, BacktestConfig.defaults(), EmaRsiAtrStrategy.NAME);
        return ReportMapper.MAPPER.readTree(ReportJson.toJson(report));
    }

    @Test
    void cashPositionsAndEquityRecomputedFromFillsAloneMatchTheReport() throws Exception {
        BacktestResult r = run(List.of(btcMinute, ethMinute), new EmaRsiAtrStrategy());
        JsonNode report = reportJson(r);
        assertTrue(report.get("fills").size() > 100);
        BigDecimal cash = new BigDecimal(report.get("initial_cash").asText());
        Map<String, BigDecimal> positions = new HashMap<>();
        for (JsonNode f : report.get("fills")) {
            BigDecimal notional = new BigDecimal(f.get("qty").asText()).multiply(new BigDecimal(f.get("price").asText()));
            BigDecimal fee = new BigDecimal(f.get("fee").asText());
            BigDecimal qty = new BigDecimal(f.get("qty").asText());
            boolean buy = f.get("side").asText().equals("buy");
            cash = buy ? cash.subtract(notional).subtract(fee) : cash.add(notional).subtract(fee);
            positions.merge(f.get("symbol").asText(), buy ? qty : qty.negate(), BigDecimal::add);
        }
        JsonNode state = report.get("final_state");
        assertEquals(0, cash.compareTo(new BigDecimal(state.get("cash").asText())), "cash");
        BigDecimal equity = cash;
        for (Map.Entry<String, BigDecimal> p : positions.entrySet()) {
            JsonNode reported = state.get("positions").get(p.getKey());
            BigDecimal held = reported == null ? BigDecimal.ZERO : new BigDecimal(reported.asText());
            assertEquals(0, p.getValue().compareTo(held), "position " + p.getKey());
            Dataset d = p.getKey().startsWith("BTC") ? btcMinute : ethMinute;
            equity = equity.add(p.getValue().multiply(BigDecimal.valueOf(d.candles().get(d.candles().size() - 1).close())));
        }
        assertEquals(0, equity.compareTo(new BigDecimal(state.get("equity").asText())), "final equity");
        JsonNode curve = report.get("equity_curve");
        assertEquals(0, equity.setScale(8, RoundingMode.HALF_EVEN)
                .compareTo(new BigDecimal(curve.get(curve.size() - 1).get("equity").asText())));
        assertEquals(0, equity.setScale(8, RoundingMode.HALF_EVEN)
                .compareTo(new BigDecimal(report.get("metrics").get("final_equity").asText())));
        BigDecimal tradePnl = BigDecimal.ZERO;
        for (JsonNode t : report.get("trades")) {
            tradePnl = tradePnl.add(new BigDecimal(t.get("pnl").asText()));
        }
        assertEquals(0, tradePnl.compareTo(r.realizedPnl().subtract(r.fees())), "all trades closed: pnl = realized − fees");
    }

    @Test
    void maxDrawdownRecomputedFromTheEquityCurveMatches() throws Exception {
        JsonNode report = reportJson(run(List.of(btcHourly), new EmaRsiAtrStrategy()));
        BigDecimal peak = null;
        BigDecimal worst = BigDecimal.ZERO;
        for (JsonNode p : report.get("equity_curve")) {
            BigDecimal v = new BigDecimal(p.get("equity").asText());
            peak = peak == null || v.compareTo(peak) > 0 ? v : peak;
            worst = worst.max(peak.subtract(v).divide(peak, MathContext.DECIMAL64));
        }
        BigDecimal reported = new BigDecimal(report.get("metrics").get("max_drawdown").asText());
        assertTrue(reported.signum() > 0);
        assertEquals(0, worst.setScale(8, RoundingMode.HALF_EVEN).compareTo(reported));
    }

    @Test
    void twoRunsGiveIdenticalReportsExceptThroughput() throws Exception {
        JsonNode a = reportJson(run(List.of(btcHourly), new EmaRsiAtrStrategy()));
        JsonNode b = reportJson(run(List.of(btcHourly), new EmaRsiAtrStrategy()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("throughput");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("throughput");
        assertEquals(ReportMapper.MAPPER.writeValueAsString(a), ReportMapper.MAPPER.writeValueAsString(b));
    }

    @Test
    void ordersDecidedOnACloseFillAtTheNextOpenWithSlippage() {
        BacktestResult r = run(List.of(btcHourly), new EmaRsiAtrStrategy());
        Map<Instant, Candle> byStart = new HashMap<>();
        btcHourly.candles().forEach(c -> byStart.put(c.start(), c));
        PaperFillModel model = new PaperFillModel(BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("5"));
        for (io.tradingstack.model.Fill f : r.fills()) {
            Candle bar = byStart.get(f.time());
            BigDecimal open = BigDecimal.valueOf(bar.open());
            assertEquals(0, model.marketPrice(f.side(), open, open).compareTo(f.price()), f.toString());
            assertTrue(f.side() == Side.BUY ? f.price().compareTo(open) > 0 : f.price().compareTo(open) < 0);
        }
        long decisionsBeforeFills = r.decisions().stream()
                .filter(d -> byStart.containsKey(Instant.ofEpochSecond(Long.parseLong(d.substring(0, d.indexOf('|'))))))
                .count();
        assertTrue(decisionsBeforeFills >= r.fills().size() - 1, "each fill opens the bar after a decision");
    }

    /** Reads the next bar through the view: refused. */
    static final class PeekingStrategy implements Strategy {
        @Override
        public String name() {
            return "peek";
        }

        @Override
        public List<Signal> onBar(BarView view) {
            Candle next = view.bar(-1);
            return next != null && next.close() > view.bar().close() ? List.of(Signal.enterLong(null, "peek")) : List.of();
        }
    }

    /** Reaches around the view by reflection to read the next bar: caught by the audit. */
    static final class ReflectiveCheat implements Strategy {
        @Override
        public String name() {
            return "cheat";
        }

        @Override
        public List<Signal> onBar(BarView view) {
            try {
                Field candles = view.getClass().getDeclaredField("candles");
                Field index = view.getClass().getDeclaredField("index");
                candles.setAccessible(true);
                index.setAccessible(true);
                List<?> all = (List<?>) candles.get(view);
                int i = index.getInt(view);
                if (i + 1 >= all.size()) {
                    return List.of();
                }
                boolean up = ((Candle) all.get(i + 1)).close() > view.bar().close();
                if (up && view.position().signum() == 0) {
                    return List.of(Signal.enterLong(null, "knows the future"));
                }
                return !up && view.position().signum() > 0 ? List.of(Signal.exit("knows the future")) : List.of();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aStrategyThatPeeksAtTheNextBarIsCaught() {
        CodedException e = assertThrows(CodedException.class, () -> run(List.of(btcHourly), new PeekingStrategy()));
        assertEquals(ErrorCode.BACKTEST_LOOK_AHEAD, e.code());
        Optional<String> audit = LookAheadAudit.audit(List.of(btcHourly), PeekingStrategy::new, BacktestConfig.defaults(), 3);
        assertTrue(audit.isPresent());
    }

    @Test
    void aStrategyThatReadsAheadAroundTheViewIsCaughtByTheAudit() {
        BacktestResult cheat = run(List.of(btcHourly), new ReflectiveCheat());
        assertTrue(cheat.equity().last().compareTo(new BigDecimal("1400")) > 0, "the future pays");
        Optional<String> audit = LookAheadAudit.audit(List.of(btcHourly), ReflectiveCheat::new, BacktestConfig.defaults(), 3);
        assertTrue(audit.isPresent(), "cheat not detected");
        assertTrue(audit.get().contains("differs"), audit.get());
    }

    @Test
    void theReferenceStrategyPassesTheAudit() {
        Optional<String> audit = LookAheadAudit.audit(List.of(btcMinute, ethMinute), EmaRsiAtrStrategy::new,
                BacktestConfig.defaults(), 3);
        assertFalse(audit.isPresent(), audit.orElse(""));
    }

    @Test
    void severalSymbolsAndTimeframesShareOneBook() {
        Dataset btc15 = Resampler.resample(btcMinute, "15m");
        BacktestResult r = run(List.of(btcMinute, ethMinute, btc15), new EmaRsiAtrStrategy());
        assertEquals(btcMinute.candles().size() + ethMinute.candles().size() + btc15.candles().size(), r.bars());
        assertTrue(r.fills().stream().anyMatch(f -> f.symbol().equals("BTC-USDT")));
        assertTrue(r.fills().stream().anyMatch(f -> f.symbol().equals("ETH-USDT")));
        assertNotEquals(0, r.limitEnforcement().toJson().size());
    }

    @Test
    void blockedTradesOfARunAreInTheDailyTelemetry() throws Exception {
        io.tradingstack.risk.RiskLimits limits = new io.tradingstack.risk.RiskLimits(new BigDecimal("2"), new BigDecimal("25"),
                new BigDecimal("80"), new BigDecimal("3"), null, 1, java.util.Set.of(), java.util.Set.of());
        BacktestConfig config = BacktestConfig.defaults().withLimits(limits, null);
        BacktestResult r = new BacktestEngine(config).run(List.of(btcHourly), new EmaRsiAtrStrategy(), ProgressListener.NONE);
        JsonNode report = ReportMapper.MAPPER.valueToTree(BacktestReport.build(r, config, EmaRsiAtrStrategy.NAME));
        long blocked = 0;
        for (JsonNode day : report.get("limit_enforcement")) {
            long n = day.get("trades_blocked_by_max_trades_per_day").asLong();
            blocked += n;
            long allBlocked = 0;
            for (io.tradingstack.risk.BlockReason reason : io.tradingstack.risk.BlockReason.values()) {
                allBlocked += day.get("trades_blocked_by_" + reason.key()).asLong();
            }
            assertEquals(day.get("trades_attempted").asLong(), day.get("trades_executed").asLong() + allBlocked);
            assertEquals(n, day.get("blocked_details").size());
            for (JsonNode d : day.get("blocked_details")) {
                assertEquals("Reached max trades per day (1)", d.get("detail").asText());
            }
        }
        assertTrue(blocked > 0, "the cap binds on a 1h crossover strategy");
        assertEquals(r.limitEnforcement().totalBlocked(), blocked);
    }

    @Test
    void mixedQuoteCurrenciesAreRefused() {
        CodedException e = assertThrows(CodedException.class, () -> run(List.of(btcHourly, ethMinute), new EmaRsiAtrStrategy()));
        assertEquals(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.code());
    }
}
