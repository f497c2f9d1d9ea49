package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** The net result of one closing (sell) fill: realized PnL minus its fee. */
public record TradeResult(Instant time, BigDecimal net) {
}
