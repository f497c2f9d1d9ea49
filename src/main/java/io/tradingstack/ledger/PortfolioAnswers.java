package io.tradingstack.ledger;

import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answers {@link PortfolioShapes} renders of the ledger's book (get_portfolio_status,
 * get_pnl_status_with_quality, get_risk_metrics) and the performance metrics of {@link Analytics}:
 * each record is both the answer and, through bus.PlainSchema, its published schema. Money is an
 * exact decimal in the quote currency; ratios are doubles.
 */
public final class PortfolioAnswers {
    private PortfolioAnswers() {
    }

    private static final String MONEY = " (quote currency, exact decimal)";

    @Doc("cash, positions at live marks, P&L gross and net of fees, reserve and price-data quality")
    public record Status(@Doc("cash" + MONEY) BigDecimal cash,
                         @Doc("quantity per product") Map<String, BigDecimal> positions,
                         @Doc("average cost per product") Map<String, BigDecimal> entryPrices,
                         @Doc("per product") Map<String, PositionDetail> positionDetails,
                         @Doc("sum of current values" + MONEY) BigDecimal totalPositionValue,
                         @Doc("cash + reserve + positions at their marks" + MONEY) BigDecimal totalPortfolioValue,
                         @Doc("capital paid in" + MONEY) BigDecimal funding,
                         @Doc("realized P&L of closed quantities, gross of fees" + MONEY) BigDecimal realizedPnl,
                         @Doc("unrealized P&L at the marks, gross of fees" + MONEY) BigDecimal unrealizedPnl,
                         @Doc("every fee paid" + MONEY) BigDecimal feesPaid,
                         @Doc("realized + unrealized, before fees" + MONEY) BigDecimal totalPnlGross,
                         @Doc("net of fees: total_portfolio_value - funding" + MONEY) BigDecimal totalPnl,
                         @Doc("same as total_pnl (reference name)" + MONEY) BigDecimal pnl,
                         @Doc("reserve: share of profits set aside, not tradeable" + MONEY) BigDecimal scrapedProfits,
                         @Doc("cash not held for open orders" + MONEY) BigDecimal availableCash,
                         @Doc("cash + reserve" + MONEY) BigDecimal totalCashValue,
                         @Doc("how many positions are marked live") PriceQuality priceDataQuality,
                         @Doc(value = "positions marked at a live price", min = 0) int livePricesUsed,
                         @Doc("currency of every amount") String quoteCurrency,
                         @Doc("when this answer was computed") Instant asOf,
                         @Doc(value = "time of the ledger snapshot behind cash and positions; null before the first",
                                 nullable = true) Instant ledgerAsOf,
                         @Doc("fills the ledger refused, as \"fill id: reason\"") List<String> rejectedFills,
                         @Doc(value = "ok", oneOf = "ok") String status) {
    }

    /** One position at its mark. */
    public record PositionDetail(@Doc("position size in the base currency") BigDecimal quantity,
                                 @Doc("average cost per unit, fees excluded" + MONEY) BigDecimal entryPrice,
                                 @Doc(value = "mark: mid of the latest tick; null when no price is known" + MONEY,
                                         nullable = true) BigDecimal currentPrice,
                                 @Doc(value = "time of the mark; null without one", nullable = true) Instant priceTime,
                                 @Doc(value = "age of the mark in seconds; null without one", nullable = true, min = 0)
                                 Long priceAgeSeconds,
                                 @Doc(value = "live_feed, ledger_snapshot (last sample) or none",
                                         oneOf = {"live_feed", "ledger_snapshot", "none"}) String priceSource,
                                 @Doc("the mark is from the feed and at most 60 s old") boolean priceIsLive,
                                 @Doc(value = "why the price is not live; null when it is", nullable = true) String priceNote,
                                 @Doc("cost basis" + MONEY) BigDecimal entryValue,
                                 @Doc("quantity x mark, or the cost basis when there is no mark" + MONEY) BigDecimal currentValue,
                                 @Doc("unrealized P&L, gross of fees" + MONEY) BigDecimal positionPnl,
                                 @Doc(value = "unrealized P&L in percent of the cost basis; null at zero cost", nullable = true)
                                 BigDecimal positionPnlPct) {
    }

    /** How many positions are marked at a live price. */
    public record PriceQuality(@Doc(value = "positions marked at a live price", min = 0) int livePricesUsed,
                               @Doc(value = "open positions", min = 0) int totalPositions,
                               @Doc("some position is not marked at a live price") boolean usingStaleFallback,
                               @Doc(value = "positions without a live price", min = 0) int priceFetchErrors) {
    }

    @Doc("realized and unrealized P&L, gross and net of fees, with the freshness of the prices behind them")
    public record PnlQuality(@Doc("net of fees" + MONEY) BigDecimal totalPnl,
                             @Doc("before fees" + MONEY) BigDecimal totalPnlGross,
                             @Doc("gross of fees" + MONEY) BigDecimal realizedPnl,
                             @Doc("gross of fees, at the marks" + MONEY) BigDecimal unrealizedPnl,
                             @Doc("every fee paid" + MONEY) BigDecimal feesPaid,
                             @Doc(value = "P&L when some position is marked live; null when none is", nullable = true)
                             LivePnl livePnlData,
                             @Doc("which marks are live and how old each is") Staleness priceStalenessInfo,
                             @Doc("products marked live and why the others are not") LivePriceStatus livePriceStatus,
                             @Doc("some position is not marked live") boolean accuracyWarning,
                             @Doc("when this answer was computed") Instant asOf) {
    }

    /** The P&L figures when at least one position is marked live. */
    public record LivePnl(@Doc("net of fees" + MONEY) BigDecimal totalPnl,
                          @Doc("gross of fees" + MONEY) BigDecimal unrealizedPnl,
                          @Doc("products marked live") List<String> symbolsWithLivePrices) {
    }

    /** Freshness of each position's mark. */
    public record Staleness(@Doc("products not marked live") List<String> staleSymbols,
                            @Doc("products marked live") List<String> freshSymbols,
                            @Doc(value = "age of each mark in seconds; null when there is none", nullableValues = true, min = 0)
                            Map<String, Long> priceAges,
                            @Doc(value = "live threshold in seconds", min = 0) int stalenessThresholdSeconds) {
    }

    /** Products marked live, and why the others are not. */
    public record LivePriceStatus(@Doc("products marked live") List<String> availableSymbols,
                                  @Doc(value = "open positions", min = 0) int totalSymbols,
                                  @Doc("\"product: reason\" for each product not marked live") List<String> errors) {
    }

    @Doc("risk of the book at the same live marks as get_portfolio_status; a ratio without a positive equity is null with its reason")
    public record Risk(@Doc("equity at the marks" + MONEY) BigDecimal totalPortfolioValue,
                       @Doc(value = "(cash + reserve) / equity", nullable = true) Double cashRatio,
                       @Doc(value = "largest |market value| / equity", nullable = true) Double maxPositionConcentration,
                       @Doc(value = "|market value| / equity per product", nullableValues = true) Map<String, Double> concentration,
                       @Doc(value = "open positions", min = 0) int numPositions,
                       @Doc(value = "sum |market value| / equity", nullable = true) Double grossExposure,
                       @Doc(value = "sum market value / equity", nullable = true) Double netExposure,
                       @Doc(value = "gross exposure (no borrowing)", nullable = true) Double leverage,
                       @Doc("how many positions are marked live") PriceQuality priceDataQuality,
                       @Doc("reason for every null metric, keyed by its name") Map<String, String> reasons,
                       @Doc("when this answer was computed") Instant asOf) {
    }

    @Doc("performance of the equity curve and closed trades over a window; a figure without enough data is null with its reason")
    public record Performance(@Doc(value = "equity samples in the window", min = 0) int samples,
                              @Doc(value = "sampling interval in seconds", min = 0) long intervalSeconds,
                              @Doc(value = "last / first equity - 1", nullable = true) Double totalReturn,
                              @Doc(value = "equity change over the window, net of fees" + MONEY, nullable = true) BigDecimal totalPnl,
                              @Doc(value = "annualized return; null below one day of samples", nullable = true) Double annualizedReturn,
                              @Doc(value = "annualized volatility; null below one day of samples", nullable = true) Double volatility,
                              @Doc(value = "sharpe ratio; null below one day of samples", nullable = true) Double sharpeRatio,
                              @Doc(value = "sortino ratio; null below one day of samples", nullable = true) Double sortinoRatio,
                              @Doc(value = "largest fall from a peak, fraction", nullable = true) Double maxDrawdown,
                              @Doc(value = "longest time below a peak", nullable = true, min = 0) Long maxDrawdownDurationSeconds,
                              @Doc(value = "closing (sell) fills", min = 0) int totalTrades,
                              @Doc(value = "winning trades / trades", nullable = true) Double winRate,
                              @Doc(value = "mean trade result, net of the closing fee" + MONEY, nullable = true) BigDecimal avgTradePnl,
                              @Doc(value = "sum of wins / |sum of losses|", nullable = true) Double profitFactor,
                              @Doc(value = "mean winning trade" + MONEY, nullable = true) BigDecimal averageWin,
                              @Doc(value = "mean losing trade" + MONEY, nullable = true) BigDecimal averageLoss,
                              @Doc(value = "share of samples with an open position", nullable = true) Double exposure,
                              @Doc("reason for every null metric, keyed by its name") Map<String, String> reasons,
                              @Doc(value = "window in days", min = 0) int windowDays) {

        /**
         * The answer of the ledger workflow's performance query ({@link Analytics#performance}, money as
         * text so Temporal does not round it) for a window of {@code windowDays}.
         */
        public static Performance of(Map<String, Object> m, int windowDays) {
            Object ddDuration = m.get("max_drawdown_duration_seconds");
            return new Performance(Math.toIntExact(whole(m.get("samples"))), whole(m.get("interval_seconds")),
                    ratio(m.get("total_return")), money(m.get("total_pnl")), ratio(m.get("annualized_return")),
                    ratio(m.get("volatility")), ratio(m.get("sharpe_ratio")), ratio(m.get("sortino_ratio")),
                    ratio(m.get("max_drawdown")), ddDuration == null ? null : whole(ddDuration),
                    Math.toIntExact(whole(m.get("total_trades"))), ratio(m.get("win_rate")), money(m.get("avg_trade_pnl")),
                    ratio(m.get("profit_factor")), money(m.get("average_win")), money(m.get("average_loss")),
                    ratio(m.get("exposure")), reasons(m.get("reasons")), windowDays);
        }

        private static long whole(Object v) {
            return ((Number) v).longValue();
        }

        private static Double ratio(Object v) {
            return v == null ? null : ((Number) v).doubleValue();
        }

        private static BigDecimal money(Object v) {
            return v == null ? null : PortfolioShapes.dec(v);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> reasons(Object v) {
            return v == null ? Map.of() : (Map<String, String>) v;
        }
    }
}
