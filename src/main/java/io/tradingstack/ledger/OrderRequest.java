package io.tradingstack.ledger;

import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;

import java.math.BigDecimal;

/**
 * An order that passed the stateless pre-trade checks and asks the ledger to set aside what it
 * may spend: {@code holdCash} (quote currency, buys: notional plus fee at the checked price) or
 * {@code holdQty} (base asset, sells).
 */
public record OrderRequest(String requestId, String orderId, String clientOrderId, String symbol, Side side, OrderType type,
                           TimeInForce timeInForce, BigDecimal qty, BigDecimal limitPrice,
                           BigDecimal holdCash, BigDecimal holdQty) {
}
