package io.tradingstack.execution;

import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.Tick;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.math.BigDecimal;
import java.util.List;

/**
 * The side effects of order workflows. Every call is idempotent: order ids and fill ids are
 * derived from the request, and the ledger posts an order or a fill id at most once.
 */
@ActivityInterface
public interface ExecutionActivities {
    /** Pre-trade checks on the latest book and holding of funds in the ledger. */
    @ActivityMethod
    List<Prepared> prepare(String requestId, List<OrderIntent> intents, boolean allOrNothing);

    /** Fills a market order at the latest book and posts the fill; returns the stored fill. */
    @ActivityMethod
    Fill fillMarket(String orderId, OrderIntent intent, int seq);

    /**
     * Fills up to {@code remaining} of a limit order if the tick (or, when null, the latest tick)
     * touches its price; returns the stored fill or null when it does not touch.
     */
    @ActivityMethod
    Fill fillLimit(String orderId, OrderIntent intent, BigDecimal remaining, int seq, Tick tick);

    /** Closes an order (CANCELLED or FILLED) and releases its hold; returns the final status. */
    @ActivityMethod
    OrderStatus close(String orderId, OrderStatus status);

    /** The current result of an existing order (for a repeated client order id). */
    @ActivityMethod
    OrderResult existing(String orderId, OrderIntent intent);

    /** Starts or stops the market watch of a resting order. */
    @ActivityMethod
    void watch(String orderId, OrderIntent intent, boolean on);

    /** Signals {@code record_fill} to the ledger workflow (starting it if needed). */
    @ActivityMethod
    void recordFill(Fill fill);
}
