package io.tradingstack.mcp;

import io.tradingstack.bus.Doc;
import io.tradingstack.bus.Plain;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.risk.RiskAdjustment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers of get_limit_enforcement and get_risk_adjustments, read from the risk gate's bus
 * replies (whose day is the backtest report's limit_enforcement map): each record is the answer
 * and its published schema. Every {@code trades_blocked_by_<reason>} of risk.BlockReason is a
 * component (RiskAnswersTest checks none is missing).
 */
final class RiskAnswers {
    private RiskAnswers() {
    }

    private static final String BLOCKED = "orders refused for ";

    @Doc("the live risk gate's limit_enforcement of one UTC day, the limits in force, the day's equity anchor and the "
            + "approvals the ledger then refused")
    record Enforcement(@Doc("UTC day") LocalDate date,
                       @Doc(value = "orders judged", min = 0) long tradesAttempted,
                       @Doc(value = "orders approved", min = 0) long tradesExecuted,
                       @Doc(value = "executed / attempted; null when nothing was attempted", nullable = true) BigDecimal executionRate,
                       @Doc(value = BLOCKED + "max_trades_per_day", min = 0) long tradesBlockedByMaxTradesPerDay,
                       @Doc(value = BLOCKED + "max_daily_loss_pct", min = 0) long tradesBlockedByMaxDailyLossPct,
                       @Doc(value = BLOCKED + "symbol_veto", min = 0) long tradesBlockedBySymbolVeto,
                       @Doc(value = BLOCKED + "direction_veto", min = 0) long tradesBlockedByDirectionVeto,
                       @Doc(value = BLOCKED + "max_position_risk_pct", min = 0) long tradesBlockedByMaxPositionRiskPct,
                       @Doc(value = BLOCKED + "max_symbol_exposure_pct", min = 0) long tradesBlockedByMaxSymbolExposurePct,
                       @Doc(value = BLOCKED + "max_portfolio_exposure_pct", min = 0) long tradesBlockedByMaxPortfolioExposurePct,
                       @Doc(value = BLOCKED + "max_daily_risk_budget_pct", min = 0) long tradesBlockedByMaxDailyRiskBudgetPct,
                       @Doc(value = BLOCKED + "insufficient_cash", min = 0) long tradesBlockedByInsufficientCash,
                       @Doc(value = BLOCKED + "sizing_zero", min = 0) long tradesBlockedBySizingZero,
                       @Doc(value = BLOCKED + "spot_no_short", min = 0) long tradesBlockedBySpotNoShort,
                       @Doc(value = BLOCKED + "category", min = 0) long tradesBlockedByCategory,
                       @Doc(value = BLOCKED + "plan_limit", min = 0) long tradesBlockedByPlanLimit,
                       @Doc(value = BLOCKED + "trigger_budget", min = 0) long tradesBlockedByTriggerBudget,
                       @Doc(value = BLOCKED + "session", min = 0) long tradesBlockedBySession,
                       @Doc(value = "orders refused by a percentage risk limit", min = 0) long tradesBlockedByRiskLimits,
                       @Doc(value = "refusals per percentage risk limit", min = 0) Map<String, Long> riskBlockBreakdown,
                       @Doc("each refusal") List<Blocked> blockedDetails,
                       @Doc("approvals that came within 10 % of a limit") List<Hint> riskLimitHints,
                       @Doc(value = "equity the day's loss is measured from; null when the gate decided nothing that day",
                               nullable = true) BigDecimal anchor,
                       @Doc("the limits in force") Limits limits,
                       @Doc("approvals the ledger then refused (not counted)") List<Voided> voided) {

        static Enforcement of(RiskMessages.Enforcement e) {
            Map<String, Object> d = Plain.object(e.day());
            Function<String, Long> blocked = reason -> count(d.get("trades_blocked_by_" + reason));
            Map<String, Long> breakdown = new LinkedHashMap<>();
            map(d.get("risk_block_breakdown")).forEach((k, v) -> breakdown.put(k, count(v)));
            return new Enforcement(LocalDate.parse(String.valueOf(d.get("date"))), count(d.get("trades_attempted")),
                    count(d.get("trades_executed")), decimal(d.get("execution_rate")), blocked.apply("max_trades_per_day"),
                    blocked.apply("max_daily_loss_pct"), blocked.apply("symbol_veto"), blocked.apply("direction_veto"),
                    blocked.apply("max_position_risk_pct"), blocked.apply("max_symbol_exposure_pct"),
                    blocked.apply("max_portfolio_exposure_pct"), blocked.apply("max_daily_risk_budget_pct"),
                    blocked.apply("insufficient_cash"), blocked.apply("sizing_zero"), blocked.apply("spot_no_short"),
                    blocked.apply("category"), blocked.apply("plan_limit"), blocked.apply("trigger_budget"),
                    blocked.apply("session"), count(d.get("trades_blocked_by_risk_limits")), breakdown,
                    maps(d.get("blocked_details")).stream().map(Blocked::of).toList(),
                    maps(d.get("risk_limit_hints")).stream().map(Hint::of).toList(), e.anchor(), Limits.of(Plain.object(e.limits())),
                    maps(Plain.of(e.voided())).stream().map(Voided::of).toList());
        }
    }

    /** One refusal (the live gate stores no trigger id, so none is shown: docs/backtest.md). */
    record Blocked(@Doc("decision time") Instant time, @Doc("product") String symbol,
                   @Doc(value = "side", oneOf = {"buy", "sell"}) String side, @Doc("price judged at") BigDecimal price,
                   @Doc("limit key") String reason, @Doc("readable reason") String detail) {

        static Blocked of(Map<String, Object> m) {
            return new Blocked(Instant.parse(String.valueOf(m.get("time"))), text(m.get("symbol")), text(m.get("side")),
                    decimal(m.get("price")), text(m.get("reason")), text(m.get("detail")));
        }
    }

    /** An approval that came near a limit. */
    record Hint(@Doc("decision time") Instant time, @Doc("product") String symbol, @Doc("limit key") String limit,
                @Doc("used") BigDecimal used, @Doc("cap") BigDecimal cap, @Doc("qty, trades or pct") String unit,
                @Doc("used / cap") BigDecimal utilization) {

        static Hint of(Map<String, Object> m) {
            return new Hint(Instant.parse(String.valueOf(m.get("time"))), text(m.get("symbol")), text(m.get("limit")),
                    decimal(m.get("used")), decimal(m.get("cap")), text(m.get("unit")), decimal(m.get("utilization")));
        }
    }

    /** The gate's limits in force. */
    record Limits(@Doc("percent of equity at risk at a declared stop") BigDecimal maxPositionRiskPct,
                  @Doc("percent of equity in one symbol") BigDecimal maxSymbolExposurePct,
                  @Doc("percent of equity in all positions") BigDecimal maxPortfolioExposurePct,
                  @Doc("daily loss that stops entries") BigDecimal maxDailyLossPct,
                  @Doc(value = "daily risk budget; null = off", nullable = true) BigDecimal maxDailyRiskBudgetPct,
                  @Doc(value = "approved orders per day; null = off", nullable = true, min = 0) Long maxTradesPerDay,
                  @Doc("vetoed symbols") List<String> symbolVetoes,
                  @Doc("vetoed directions") List<String> directionVetoes) {

        static Limits of(Map<String, Object> m) {
            return new Limits(decimal(m.get("max_position_risk_pct")), decimal(m.get("max_symbol_exposure_pct")),
                    decimal(m.get("max_portfolio_exposure_pct")), decimal(m.get("max_daily_loss_pct")),
                    decimal(m.get("max_daily_risk_budget_pct")),
                    m.get("max_trades_per_day") == null ? null : count(m.get("max_trades_per_day")),
                    texts(m.get("symbol_vetoes")), texts(m.get("direction_vetoes")));
        }
    }

    /** An approval the ledger then refused. */
    record Voided(@Doc("decision time") Instant time, @Doc("order") String orderId, @Doc("product") String symbol,
                  @Doc(value = "side", oneOf = {"buy", "sell"}) String side, @Doc("quantity") BigDecimal qty,
                  @Doc(value = "the ledger's code", nullable = true) String code,
                  @Doc(value = "why", nullable = true) String detail) {

        static Voided of(Map<String, Object> m) {
            return new Voided(Instant.parse(String.valueOf(m.get("time"))), text(m.get("order_id")), text(m.get("symbol")),
                    text(m.get("side")), decimal(m.get("qty")), text(m.get("code")), text(m.get("detail")));
        }
    }

    @Doc("stored risk adjustments, newest first, and the multipliers they make now")
    record Adjustments(@Doc("when the multipliers were computed") Instant asOf,
                       @Doc("multiplier of every symbol's limits now") BigDecimal globalMultiplier,
                       @Doc("strictest multiplier per symbol now") Map<String, BigDecimal> symbolMultipliers,
                       @Doc("lowest multiplier applied") BigDecimal minMultiplier,
                       @Doc("highest multiplier applied") BigDecimal maxMultiplier,
                       @Doc("stored adjustments, newest first") List<RiskAdjustment> adjustments,
                       @Doc(value = "adjustments listed", min = 0) int count) {

        static Adjustments of(RiskMessages.Adjustments a) {
            return new Adjustments(a.asOf(), a.global(), a.symbols(), a.min(), a.max(), a.adjustments(), a.adjustments().size());
        }
    }

    private static long count(Object v) {
        return ((Number) v).longValue();
    }

    private static BigDecimal decimal(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static List<String> texts(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object v) {
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
