package io.tradingstack.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code limit_enforcement} telemetry of the reference design (§6d), one entry per UTC day:
 * attempts, executions, a {@code trades_blocked_by_<reason>} counter for every constraint,
 * {@code risk_block_breakdown} per risk parameter, {@code blocked_details} and
 * {@code risk_limit_hints}. Output maps keep insertion order so reports are byte-stable.
 */
public final class LimitEnforcement {
    private final List<Day> days = new ArrayList<>();
    private Day current;

    void startDay(LocalDate date) {
        current = new Day(date);
        days.add(current);
    }

    void record(TradeRequest request, RiskDecision decision) {
        current.record(request, decision);
    }

    public long totalBlocked() {
        return days.stream().mapToLong(d -> d.attempted - d.executed).sum();
    }

    /** Blocks per reason over the whole run. */
    public Map<String, Long> blockedTotals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (BlockReason r : BlockReason.values()) {
            totals.put(r.key(), days.stream().mapToLong(d -> d.blocked.get(r)).sum());
        }
        return totals;
    }

    /** A decision as a live gate stored it: the request and what the engine decided. */
    public record Recorded(TradeRequest request, RiskDecision decision) {
    }

    /**
     * One day's entry rebuilt from stored decisions, with exactly the fields a backtest report
     * shows for a day (a live gate keeps its decisions in PostgreSQL and renders them here).
     */
    public static Map<String, Object> ofDay(LocalDate date, List<Recorded> decisions) {
        Day day = new Day(date);
        decisions.forEach(d -> day.record(d.request(), d.decision()));
        return day.toJson();
    }

    /** One JSON-ready map per day, in day order. */
    public List<Map<String, Object>> toJson() {
        return days.stream().map(Day::toJson).toList();
    }

    private record Blocked(TradeRequest request, RiskDecision decision) {
    }

    private record Hinted(TradeRequest request, LimitHint hint) {
    }

    private static final class Day {
        private final LocalDate date;
        private final Map<BlockReason, Long> blocked = new LinkedHashMap<>();
        private final List<Blocked> details = new ArrayList<>();
        private final List<Hinted> hints = new ArrayList<>();
        private long attempted;
        private long executed;

        Day(LocalDate date) {
            this.date = date;
            for (BlockReason r : BlockReason.values()) {
                blocked.put(r, 0L);
            }
        }

        void record(TradeRequest request, RiskDecision decision) {
            attempted++;
            if (decision.approved()) {
                executed++;
                for (LimitHint h : decision.hints()) {
                    hints.add(new Hinted(request, h));
                }
                return;
            }
            blocked.merge(decision.reason(), 1L, Long::sum);
            details.add(new Blocked(request, decision));
        }

        private static Map<String, Object> detail(TradeRequest request, RiskDecision decision) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("time", request.time().toString());
            d.put("symbol", request.symbol());
            d.put("side", request.side().name().toLowerCase(java.util.Locale.ROOT));
            d.put("price", request.price());
            if (request.triggerId() != null) {
                d.put("trigger_id", request.triggerId());
            }
            if (request.triggerCategory() != null) {
                d.put("trigger_category", request.triggerCategory());
            }
            d.put("reason", decision.reason().key());
            d.put("detail", decision.detail());
            return d;
        }

        private static Map<String, Object> hint(TradeRequest request, LimitHint h) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", request.time().toString());
            m.put("symbol", request.symbol());
            m.put("limit", h.limit());
            m.put("used", h.used().stripTrailingZeros());
            m.put("cap", h.cap().round(RiskEngine.MC).stripTrailingZeros());
            m.put("unit", h.unit());
            m.put("utilization", h.utilization());
            return m;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", date.toString());
            m.put("trades_attempted", attempted);
            m.put("trades_executed", executed);
            m.put("execution_rate", attempted == 0 ? null
                    : BigDecimal.valueOf(executed).divide(BigDecimal.valueOf(attempted), 4, java.math.RoundingMode.HALF_EVEN));
            long riskBlocks = 0;
            Map<String, Long> breakdown = new LinkedHashMap<>();
            for (Map.Entry<BlockReason, Long> e : blocked.entrySet()) {
                m.put("trades_blocked_by_" + e.getKey().key(), e.getValue());
                if (e.getKey().riskParameter()) {
                    breakdown.put(e.getKey().key(), e.getValue());
                    riskBlocks += e.getValue();
                }
            }
            m.put("trades_blocked_by_risk_limits", riskBlocks);
            m.put("risk_block_breakdown", breakdown);
            m.put("blocked_details", details.stream().map(b -> detail(b.request(), b.decision())).toList());
            m.put("risk_limit_hints", hints.stream().map(h -> hint(h.request(), h.hint())).toList());
            return m;
        }
    }
}
