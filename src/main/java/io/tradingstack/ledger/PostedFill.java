package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderStatus;

import java.math.BigDecimal;

/**
 * A fill as stored in the journal. {@code duplicate} is true when the fill id had been posted
 * before, in which case {@code fill} is the original, not the one just submitted.
 */
public record PostedFill(Fill fill, long entryId, boolean duplicate, BigDecimal realizedPnl, OrderStatus orderStatus) {
}
