package io.tradingstack.bench.strategy;

import io.tradingstack.bench.BenchResults;
import io.tradingstack.market.ReplaySeries;
import io.tradingstack.model.Candle;
import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.CompiledRule;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.rules.Rules;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.CompiledTrigger;
import io.tradingstack.strategy.spec.SpecSignals;
import io.tradingstack.strategy.spec.StrategySpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled rule evaluation per bar on the real bundled BTC-USD candles: compiling a rule, one
 * simple and one compound rule, every rule of the shipped spec, the spec's full evaluation (the
 * report evaluate_strategy gives) and the signal function (what the backtester and the execution
 * agent call per bar). Frames are built once, so only rule work is timed.
 * Run: mvn -B -Pbench -DskipTests test-compile exec:exec -Dbench.main=io.tradingstack.bench.strategy.RuleBench
 */
public final class RuleBench {
    private static volatile Object sink;

    private RuleBench() {
    }

    public static void main(String[] args) {
        StrategySpec spec = DefaultSpecs.forMarket("BTC-USD");
        CompiledSpec compiled = StrategySpecs.compile(spec);
        List<Frame> frames = StrategySpecs.frames(compiled, fiveMinute(), PositionState.FLAT);
        RuleEnvironment env = compiled.environment();
        String compound = spec.triggers().get(1).entryRule();
        CompiledRule simple = Rules.compile("rsi_14 < 30", env);
        CompiledRule complex = Rules.compile(compound, env);
        for (int w = 0; w < 5; w++) {
            rulePass(frames, simple, 20);
            rulePass(frames, complex, 20);
            specPass(frames, compiled, 5);
            signalPass(frames, compiled, 5);
            compileNs(compound, env, 2000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", "bundled BTC-USD 1m candles rolled up to 5m: " + frames.size() + " frames; spec " + spec.id());
        out.put("compile_compound_rule_us", compileNs(compound, env, 20_000) / 1000.0);
        out.put("simple_rule_ns_per_bar", rulePass(frames, simple, 400));
        out.put("compound_rule_ns_per_bar", rulePass(frames, complex, 400));
        out.put("all_rules_of_spec_ns_per_bar", allRulesPass(frames, compiled, 200));
        out.put("spec_evaluate_report_ns_per_bar", specPass(frames, compiled, 100));
        out.put("signal_decide_ns_per_bar", signalPass(frames, compiled, 100));
        out.put("signal_decide_bars_per_s", Math.round(1e9 / (double) out.get("signal_decide_ns_per_bar")));
        out.forEach((k, v) -> System.out.println(k + " = " + v));
        BenchResults.write("strategy-rules", out);
    }

    private static List<Candle> fiveMinute() {
        ReplaySeries s = ReplaySeries.load("BTC-USD");
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i + 5 <= s.size(); i += 5) {
            double hi = 0;
            double lo = Double.MAX_VALUE;
            double vol = 0;
            for (int k = i; k < i + 5; k++) {
                hi = Math.max(hi, s.high(k));
                lo = Math.min(lo, s.low(k));
                vol += s.volume(k);
            }
            out.add(new Candle("BTC-USD", 300, Instant.ofEpochSecond(s.time(i)), s.open(i), hi, lo, s.close(i + 4), vol));
        }
        return out;
    }

    private static double compileNs(String rule, RuleEnvironment env, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = Rules.compile(rule, env);
        }
        return (System.nanoTime() - t0) / (double) n;
    }

    private static double rulePass(List<Frame> frames, CompiledRule rule, int passes) {
        long hits = 0;
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (int i = 1; i < frames.size(); i++) {
                hits += rule.fires(frames.get(i), frames.get(i - 1)) ? 1 : 0;
            }
        }
        sink = hits;
        return perBar(t0, passes, frames.size() - 1);
    }

    private static double allRulesPass(List<Frame> frames, CompiledSpec spec, int passes) {
        long hits = 0;
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (int i = 1; i < frames.size(); i++) {
                for (CompiledTrigger t : spec.triggers()) {
                    hits += t.entry() != null && t.entry().fires(frames.get(i), frames.get(i - 1)) ? 1 : 0;
                    hits += t.exit() != null && t.exit().fires(frames.get(i), frames.get(i - 1)) ? 1 : 0;
                }
            }
        }
        sink = hits;
        return perBar(t0, passes, frames.size() - 1);
    }

    private static double specPass(List<Frame> frames, CompiledSpec spec, int passes) {
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (int i = 1; i < frames.size(); i++) {
                sink = spec.evaluate(frames.get(i), frames.get(i - 1));
            }
        }
        return perBar(t0, passes, frames.size() - 1);
    }

    private static double signalPass(List<Frame> frames, CompiledSpec spec, int passes) {
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (int i = 1; i < frames.size(); i++) {
                sink = SpecSignals.decide(spec, frames.get(i), frames.get(i - 1), null);
            }
        }
        return perBar(t0, passes, frames.size() - 1);
    }

    private static double perBar(long t0, int passes, int bars) {
        return Math.round((System.nanoTime() - t0) / (double) passes / bars * 10) / 10.0;
    }
}
