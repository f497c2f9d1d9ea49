package io.tradingstack.llm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-agent daily counters and caps (UTC days). A model call first reserves a slot: refused when the
 * agent has made its calls or used its tokens for the day. Tokens are only known after the answer,
 * so the call that crosses the token cap completes and the next one is refused. Seeded from the
 * call log at start, so a restart keeps the day's count.
 */
public final class UsageMeter {
    /** Daily limits of one agent. */
    public record Caps(long calls, long tokens) {
        public Caps {
            if (calls < 1 || tokens < 1) {
                throw new IllegalArgumentException("caps must be >= 1");
            }
        }
    }

    /** One agent's counts of one day (mutable, guarded by the meter). */
    static final class Day {
        long calls;
        long cacheHits;
        long refused;
        long inputTokens;
        long outputTokens;
        long unpricedTokens;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private final Caps defaults;
    private final Map<String, Caps> perAgent;
    private final Clock clock;
    private LocalDate day;
    private final Map<String, Day> agents = new TreeMap<>();

    public UsageMeter(Caps defaults, Map<String, Caps> perAgent, Clock clock) {
        this.defaults = defaults;
        this.perAgent = Map.copyOf(perAgent);
        this.clock = clock;
        this.day = today();
    }

    public Caps capsOf(String agent) {
        return perAgent.getOrDefault(agent, defaults);
    }

    /** Reserves one model call; empty when allowed, else why not. */
    public synchronized Optional<String> reserve(String agent) {
        Day d = day(agent);
        Caps caps = capsOf(agent);
        if (d.calls >= caps.calls()) {
            d.refused++;
            return Optional.of("agent " + agent + " made " + d.calls + " of " + caps.calls() + " model calls allowed today");
        }
        if (d.inputTokens + d.outputTokens >= caps.tokens()) {
            d.refused++;
            return Optional.of("agent " + agent + " used " + (d.inputTokens + d.outputTokens) + " of "
                    + caps.tokens() + " tokens allowed today");
        }
        d.calls++;
        return Optional.empty();
    }

    public synchronized void used(String agent, TokenUsage usage, BigDecimal cost, boolean priced) {
        Day d = day(agent);
        d.inputTokens += usage.inputTokens();
        d.outputTokens += usage.outputTokens();
        d.cost = d.cost.add(cost);
        if (!priced) {
            d.unpricedTokens += usage.total();
        }
    }

    public synchronized void cacheHit(String agent) {
        day(agent).cacheHits++;
    }

    /** Adds counts recorded earlier today (at start, from the call log). */
    synchronized void seed(String agent, long calls, long cacheHits, long refused, TokenUsage usage, BigDecimal cost) {
        Day d = day(agent);
        d.calls += calls;
        d.cacheHits += cacheHits;
        d.refused += refused;
        d.inputTokens += usage.inputTokens();
        d.outputTokens += usage.outputTokens();
        d.cost = d.cost.add(cost);
    }

    public synchronized LocalDate currentDay() {
        rollOver();
        return day;
    }

    public synchronized List<LlmUsageReport.AgentUsage> snapshot() {
        rollOver();
        List<LlmUsageReport.AgentUsage> out = new ArrayList<>();
        agents.forEach((name, d) -> out.add(usage(name, d, capsOf(name))));
        return out;
    }

    /** The sum over agents; caps shown are the defaults, capReached says whether any agent is capped. */
    public synchronized LlmUsageReport.AgentUsage total() {
        rollOver();
        Day sum = new Day();
        for (Day d : agents.values()) {
            sum.calls += d.calls;
            sum.cacheHits += d.cacheHits;
            sum.refused += d.refused;
            sum.inputTokens += d.inputTokens;
            sum.outputTokens += d.outputTokens;
            sum.unpricedTokens += d.unpricedTokens;
            sum.cost = sum.cost.add(d.cost);
        }
        LlmUsageReport.AgentUsage t = usage("*", sum, defaults);
        boolean anyCapped = agents.entrySet().stream().anyMatch(e -> usage(e.getKey(), e.getValue(), capsOf(e.getKey())).capReached());
        return new LlmUsageReport.AgentUsage(t.agent(), t.calls(), t.cacheHits(), t.refused(), t.inputTokens(),
                t.outputTokens(), t.costUsd(), t.unpricedTokens(), t.maxCalls(), t.maxTokens(), anyCapped);
    }

    private static LlmUsageReport.AgentUsage usage(String name, Day d, Caps caps) {
        boolean capped = d.calls >= caps.calls() || d.inputTokens + d.outputTokens >= caps.tokens();
        return new LlmUsageReport.AgentUsage(name, d.calls, d.cacheHits, d.refused, d.inputTokens, d.outputTokens,
                d.cost, d.unpricedTokens, caps.calls(), caps.tokens(), capped);
    }

    private Day day(String agent) {
        rollOver();
        return agents.computeIfAbsent(agent, a -> new Day());
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            agents.clear();
            day = now;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
