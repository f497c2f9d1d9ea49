package io.tradingstack.features;

import static io.tradingstack.features.MetricParam.intParam;
import static io.tradingstack.features.MetricParam.realParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.AwesomeOscillatorIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.ChandelierExitLongIndicator;
import org.ta4j.core.indicators.ChandelierExitShortIndicator;
import org.ta4j.core.indicators.ChopIndicator;
import org.ta4j.core.indicators.CoppockCurveIndicator;
import org.ta4j.core.indicators.DPOIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.FisherIndicator;
import org.ta4j.core.indicators.HMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.MassIndexIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.UlcerIndexIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.ZLEMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/** The ta4j indicators of the technical-metrics catalogue, with their parameters and defaults. */
final class MetricDefinitions {
    private static final int MAX_N = 1000;

    private MetricDefinitions() {
    }

    private static MetricParam period(int def) {
        return intParam("period", def, 1, MAX_N, "look-back in bars");
    }

    private static Map<String, Indicator<Num>> one(Indicator<Num> i) {
        return Map.of("", i);
    }

    private static Map<String, Indicator<Num>> many(Object... keyThenIndicator) {
        Map<String, Indicator<Num>> m = new LinkedHashMap<>();
        for (int k = 0; k < keyThenIndicator.length; k += 2) {
            @SuppressWarnings("unchecked")
            Indicator<Num> ind = (Indicator<Num>) keyThenIndicator[k + 1];
            m.put((String) keyThenIndicator[k], ind);
        }
        return m;
    }

    private static ClosePriceIndicator close(BarSeries s) {
        return new ClosePriceIndicator(s);
    }

    private static int i(double v) {
        return (int) v;
    }

    private static MetricDef closeMa(String name, String description, int def,
                                     java.util.function.BiFunction<ClosePriceIndicator, Integer, Indicator<Num>> f) {
        return new MetricDef(name, "trend", description, List.of(period(def)), List.of(""),
                (s, p) -> one(f.apply(close(s), i(p[0]))));
    }

    static List<MetricDef> all() {
        return List.of(
                closeMa("SMA", "simple moving average of close", 20, SMAIndicator::new),
                closeMa("EMA", "exponential moving average of close (alpha 2/(n+1))", 20, EMAIndicator::new),
                closeMa("WMA", "linearly weighted moving average of close (weights 1..n)", 20, WMAIndicator::new),
                closeMa("DEMA", "double exponential moving average", 20, DoubleEMAIndicator::new),
                closeMa("TEMA", "triple exponential moving average", 20, TripleEMAIndicator::new),
                closeMa("HMA", "Hull moving average", 20, HMAIndicator::new),
                closeMa("ZLEMA", "zero-lag exponential moving average", 20, ZLEMAIndicator::new),
                new MetricDef("KAMA", "trend", "Kaufman adaptive moving average",
                        List.of(period(10), intParam("fast", 2, 1, MAX_N, "fast EMA bars"),
                                intParam("slow", 30, 1, MAX_N, "slow EMA bars")), List.of(""),
                        (s, p) -> one(new KAMAIndicator(close(s), i(p[0]), i(p[1]), i(p[2])))),
                new MetricDef("MACD", "momentum", "EMA(fast) - EMA(slow), its EMA signal and the histogram",
                        List.of(intParam("fast", 12, 1, MAX_N, "short EMA"), intParam("slow", 26, 2, MAX_N, "long EMA"),
                                intParam("signal", 9, 1, MAX_N, "signal EMA")), List.of("", "signal", "hist"),
                        (s, p) -> {
                            MACDIndicator macd = new MACDIndicator(close(s), i(p[0]), i(p[1]));
                            return many("", macd, "signal", macd.getSignalLine(i(p[2])), "hist", macd.getHistogram(i(p[2])));
                        }),
                new MetricDef("RSI", "momentum", "Wilder relative strength index, 0..100", List.of(period(14)), List.of(""),
                        (s, p) -> one(new RSIIndicator(close(s), i(p[0])))),
                new MetricDef("STOCH", "momentum", "stochastic oscillator %K and its 3-bar SMA %D, 0..100",
                        List.of(period(14)), List.of("k", "d"),
                        (s, p) -> {
                            StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(s, i(p[0]));
                            return many("k", k, "d", new StochasticOscillatorDIndicator(k));
                        }),
                new MetricDef("STOCHRSI", "momentum", "stochastic of RSI, 0..1", List.of(period(14)), List.of(""),
                        (s, p) -> one(new StochasticRSIIndicator(s, i(p[0])))),
                new MetricDef("CCI", "momentum", "commodity channel index", List.of(period(20)), List.of(""),
                        (s, p) -> one(new CCIIndicator(s, i(p[0])))),
                new MetricDef("CMO", "momentum", "Chande momentum oscillator, -100..100", List.of(period(9)), List.of(""),
                        (s, p) -> one(new CMOIndicator(close(s), i(p[0])))),
                new MetricDef("ROC", "momentum", "rate of change c/c[-n] - 1 as a fraction", List.of(period(12)), List.of(""),
                        (s, p) -> one(NumericIndicator.of(new ROCIndicator(close(s), i(p[0]))).dividedBy(100))),
                new MetricDef("PPO", "momentum", "percentage price oscillator",
                        List.of(intParam("fast", 12, 1, MAX_N, "short EMA"), intParam("slow", 26, 2, MAX_N, "long EMA")),
                        List.of(""), (s, p) -> one(new PPOIndicator(close(s), i(p[0]), i(p[1])))),
                new MetricDef("WILLR", "momentum", "Williams %R, -100..0", List.of(period(14)), List.of(""),
                        (s, p) -> one(new WilliamsRIndicator(s, i(p[0])))),
                new MetricDef("AO", "momentum", "awesome oscillator: SMA(fast) - SMA(slow) of the median price",
                        List.of(intParam("fast", 5, 1, MAX_N, "short SMA"), intParam("slow", 34, 2, MAX_N, "long SMA")),
                        List.of(""), (s, p) -> one(new AwesomeOscillatorIndicator(
                                new org.ta4j.core.indicators.helpers.MedianPriceIndicator(s), i(p[0]), i(p[1])))),
                new MetricDef("FISHER", "momentum", "Fisher transform of the median price", List.of(period(10)), List.of(""),
                        (s, p) -> one(new FisherIndicator(new org.ta4j.core.indicators.helpers.MedianPriceIndicator(s), i(p[0])))),
                new MetricDef("COPPOCK", "momentum", "Coppock curve: WMA of the sum of two ROCs",
                        List.of(intParam("long_roc", 14, 1, MAX_N, "long ROC"), intParam("short_roc", 11, 1, MAX_N, "short ROC"),
                                intParam("wma", 10, 1, MAX_N, "WMA bars")), List.of(""),
                        (s, p) -> one(new CoppockCurveIndicator(close(s), i(p[0]), i(p[1]), i(p[2])))),
                new MetricDef("DPO", "momentum", "detrended price oscillator", List.of(period(20)), List.of(""),
                        (s, p) -> one(new DPOIndicator(s, i(p[0])))),
                new MetricDef("ATR", "volatility", "Wilder average true range", List.of(period(14)), List.of(""),
                        (s, p) -> one(new ATRIndicator(s, i(p[0])))),
                new MetricDef("STDDEV", "volatility", "population standard deviation of close", List.of(period(20)), List.of(""),
                        (s, p) -> one(new StandardDeviationIndicator(close(s), i(p[0])))),
                bollinger(),
                new MetricDef("KELTNER", "volatility", "Keltner channel: EMA(period) +/- k * ATR(atr_period)",
                        List.of(period(20), realParam("k", 2.0, 0.1, 10, "ATR multiple"),
                                intParam("atr_period", 10, 1, MAX_N, "ATR bars")), List.of("middle", "upper", "lower"),
                        (s, p) -> {
                            KeltnerChannelMiddleIndicator mid = new KeltnerChannelMiddleIndicator(s, i(p[0]));
                            return many("middle", mid, "upper", new KeltnerChannelUpperIndicator(mid, p[1], i(p[2])),
                                    "lower", new KeltnerChannelLowerIndicator(mid, p[1], i(p[2])));
                        }),
                new MetricDef("DONCHIAN", "volatility", "Donchian channel: highest high, lowest low and their middle",
                        List.of(period(20)), List.of("upper", "middle", "lower"),
                        (s, p) -> many("upper", new DonchianChannelUpperIndicator(s, i(p[0])),
                                "middle", new DonchianChannelMiddleIndicator(s, i(p[0])),
                                "lower", new DonchianChannelLowerIndicator(s, i(p[0])))),
                new MetricDef("ULCER", "volatility", "Ulcer index (depth and duration of drawdowns)", List.of(period(14)),
                        List.of(""), (s, p) -> one(new UlcerIndexIndicator(close(s), i(p[0])))),
                new MetricDef("CHOP", "volatility", "choppiness index, 0..100", List.of(period(14)), List.of(""),
                        (s, p) -> one(new ChopIndicator(s, i(p[0]), 100))),
                new MetricDef("MASS", "volatility", "mass index",
                        List.of(intParam("ema", 9, 1, MAX_N, "EMA bars"), intParam("period", 25, 1, MAX_N, "sum bars")),
                        List.of(""), (s, p) -> one(new MassIndexIndicator(s, i(p[0]), i(p[1])))),
                new MetricDef("ADX", "trend", "average directional index with +DI and -DI",
                        List.of(period(14)), List.of("", "plus_di", "minus_di"),
                        (s, p) -> many("", new ADXIndicator(s, i(p[0])), "plus_di", new PlusDIIndicator(s, i(p[0])),
                                "minus_di", new MinusDIIndicator(s, i(p[0])))),
                new MetricDef("AROON", "trend", "Aroon up, down and oscillator, 0..100", List.of(period(25)),
                        List.of("up", "down", "osc"),
                        (s, p) -> many("up", new AroonUpIndicator(s, i(p[0])), "down", new AroonDownIndicator(s, i(p[0])),
                                "osc", new AroonOscillatorIndicator(s, i(p[0])))),
                new MetricDef("PSAR", "trend", "parabolic stop and reverse",
                        List.of(realParam("af", 0.02, 0.001, 1, "start acceleration"),
                                realParam("max_af", 0.2, 0.001, 1, "maximum acceleration"),
                                realParam("step", 0.02, 0.001, 1, "acceleration increment")), List.of(""),
                        (s, p) -> one(new ParabolicSarIndicator(s, s.numOf(p[0]), s.numOf(p[1]), s.numOf(p[2])))),
                new MetricDef("SUPERTREND", "trend", "SuperTrend line",
                        List.of(period(10), realParam("k", 3.0, 0.1, 10, "ATR multiple")), List.of(""),
                        (s, p) -> one(new SuperTrendIndicator(s, i(p[0]), p[1]))),
                new MetricDef("CHANDELIER", "trend", "Chandelier exits: highest high - k*ATR, lowest low + k*ATR",
                        List.of(period(22), realParam("k", 3.0, 0.1, 10, "ATR multiple")), List.of("long", "short"),
                        (s, p) -> many("long", new ChandelierExitLongIndicator(s, i(p[0]), p[1]),
                                "short", new ChandelierExitShortIndicator(s, i(p[0]), p[1]))),
                new MetricDef("OBV", "volume", "on-balance volume: cumulative sign(change) * volume", List.of(), List.of(""),
                        (s, p) -> one(new OnBalanceVolumeIndicator(s))),
                new MetricDef("ADL", "volume", "accumulation/distribution line", List.of(), List.of(""),
                        (s, p) -> one(new AccumulationDistributionIndicator(s))),
                new MetricDef("CMF", "volume", "Chaikin money flow", List.of(period(20)), List.of(""),
                        (s, p) -> one(new ChaikinMoneyFlowIndicator(s, i(p[0])))),
                new MetricDef("MFI", "volume", "money flow index, 0..100", List.of(period(14)), List.of(""),
                        (s, p) -> one(new MoneyFlowIndexIndicator(s, i(p[0])))),
                new MetricDef("VWAP", "volume", "rolling volume-weighted average of the typical price", List.of(period(20)),
                        List.of(""), (s, p) -> one(new VWAPIndicator(s, i(p[0])))));
    }

    private static MetricDef bollinger() {
        return new MetricDef("BBANDS", "volatility",
                "Bollinger bands: SMA +/- k population std; bandwidth = (u-l)/basis, pct_b = (c-l)/(u-l)",
                List.of(period(20), realParam("k", 2.0, 0.1, 10, "standard deviations")),
                List.of("basis", "upper", "lower", "bandwidth", "pct_b"),
                (s, p) -> {
                    ClosePriceIndicator c = close(s);
                    BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(c, i(p[0])));
                    StandardDeviationIndicator sd = new StandardDeviationIndicator(c, i(p[0]));
                    BollingerBandsUpperIndicator up = new BollingerBandsUpperIndicator(mid, sd, s.numOf(p[1]));
                    BollingerBandsLowerIndicator low = new BollingerBandsLowerIndicator(mid, sd, s.numOf(p[1]));
                    NumericIndicator width = NumericIndicator.of(up).minus(low);
                    return many("basis", mid, "upper", up, "lower", low,
                            "bandwidth", width.dividedBy(mid), "pct_b", NumericIndicator.of(c).minus(low).dividedBy(width));
                });
    }
}
