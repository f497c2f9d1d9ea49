package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Side;
import io.tradingstack.risk.AccountSnapshot;
import io.tradingstack.risk.BlockReason;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.RiskDecision;
import io.tradingstack.risk.RiskEngine;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.risk.TradeRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The pure rules of the live gate around {@link RiskEngine}: what an order is to the engine (a buy is
 * a long entry; a sale of what is held is an exit, which passes the daily caps; a sale of nothing is
 * a short, which a spot book refuses), the codes a refusal carries, and the difference between an
 * agent's intent (sized down to what the limits allow) and a client's order (refused, naming the
 * limit its quantity exceeds: a client asked for that quantity).
 */
final class GateRules {
    private GateRules() {
    }

    /** What the gate decided on one order or intent. */
    record Outcome(RiskDecision decision, ErrorCode code) {
        boolean approved() {
            return decision.approved();
        }
    }

    /** The engine's request for an order; {@code qty} null asks for as much as allowed. */
    static TradeRequest request(Instant now, String symbol, Side side, BigDecimal qty, BigDecimal price, BigDecimal stopPrice,
                                BigDecimal held) {
        if (side == Side.BUY) {
            BigDecimal stop = stopPrice == null ? null : price.subtract(stopPrice);
            return new TradeRequest(now, symbol, side, Direction.LONG, price, qty, stop != null && stop.signum() > 0 ? stop : null, false);
        }
        Direction d = held.signum() > 0 ? Direction.EXIT : Direction.SHORT;
        return new TradeRequest(now, symbol, side, d, price, qty, null, d == Direction.EXIT);
    }

    /** {@code r} as asked by a spec trigger (unchanged when there is none). */
    static TradeRequest withTrigger(TradeRequest r, String triggerId, String triggerCategory) {
        return triggerId == null && triggerCategory == null ? r : new TradeRequest(r.time(), r.symbol(), r.side(), r.direction(),
                r.price(), r.desiredQty(), r.stopDistance(), r.emergency(), triggerId, triggerCategory);
    }

    /**
     * The verdict on {@code r}. With {@code resize}, an approval may be smaller than asked (an agent's
     * sizing); without, a smaller approval refuses the order with the limit it exceeds.
     */
    static Outcome decide(RiskEngine engine, TradeRequest r, AccountSnapshot account, UnaryOperator<RiskLimits> tighten,
                          boolean resize) {
        RiskDecision d = engine.check(r, account, tighten);
        if (!d.approved()) {
            return new Outcome(d, code(d.reason(), r));
        }
        if (resize || r.desiredQty() == null || d.qty().compareTo(r.desiredQty()) >= 0) {
            return new Outcome(d, null);
        }
        RiskDecision refused = refuse(r, d, account);
        return new Outcome(refused, code(refused.reason(), r));
    }

    private static RiskDecision refuse(TradeRequest r, RiskDecision d, AccountSnapshot a) {
        String q = r.desiredQty().stripTrailingZeros().toPlainString();
        if (r.isExit()) {
            return RiskDecision.block(BlockReason.SPOT_NO_SHORT, "Sell " + q + " " + r.symbol() + " exceeds the "
                    + a.position().stripTrailingZeros().toPlainString() + " held and free to sell; a spot book cannot go short");
        }
        BigDecimal cash = d.caps().get("cash");
        if (cash != null && cash.compareTo(r.desiredQty()) < 0) {
            return RiskDecision.block(BlockReason.INSUFFICIENT_CASH, "Insufficient cash " + money(a.cash()) + " for " + q + " "
                    + r.symbol() + " at " + r.price().stripTrailingZeros().toPlainString() + " with fees; at most "
                    + cash.setScale(8, RoundingMode.DOWN).stripTrailingZeros().toPlainString());
        }
        BlockReason limit = d.limitedBy() == null ? BlockReason.SIZING_ZERO : d.limitedBy();
        return RiskDecision.block(limit, "Qty " + q + " " + r.symbol() + " exceeds " + limit.key() + ": at most "
                + d.qty().stripTrailingZeros().toPlainString() + " (" + d.limitDetail() + ")");
    }

    /** The code an order refused for {@code reason} carries. */
    static ErrorCode code(BlockReason reason, TradeRequest r) {
        return switch (reason) {
            case MAX_TRADES_PER_DAY -> ErrorCode.RISK_TRADES_PER_DAY;
            case MAX_DAILY_LOSS -> ErrorCode.RISK_DAILY_LOSS;
            case SYMBOL_VETO -> ErrorCode.RISK_SYMBOL_VETO;
            case DIRECTION_VETO -> ErrorCode.RISK_DIRECTION_VETO;
            case MAX_POSITION_RISK -> ErrorCode.RISK_POSITION_RISK;
            case MAX_SYMBOL_EXPOSURE -> ErrorCode.RISK_SYMBOL_EXPOSURE;
            case MAX_PORTFOLIO_EXPOSURE -> ErrorCode.RISK_PORTFOLIO_EXPOSURE;
            case MAX_DAILY_RISK_BUDGET -> ErrorCode.RISK_DAILY_BUDGET;
            case INSUFFICIENT_CASH -> ErrorCode.ORDER_INSUFFICIENT_CASH;
            case SPOT_NO_SHORT -> ErrorCode.ORDER_INSUFFICIENT_HOLDINGS;
            case CATEGORY -> ErrorCode.RISK_CATEGORY;
            case PLAN_LIMIT -> ErrorCode.RISK_PLAN_LIMIT;
            case TRIGGER_BUDGET -> ErrorCode.RISK_TRIGGER_BUDGET;
            case SESSION -> ErrorCode.RISK_SESSION;
            case SIZING_ZERO -> r.isExit() ? ErrorCode.ORDER_INSUFFICIENT_HOLDINGS : ErrorCode.RISK_SIZE_TOO_SMALL;
        };
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
