package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** The portfolio marked to market at one sampling instant; {@code exposure} is the gross position value. */
public record EquitySample(Instant time, BigDecimal equity, BigDecimal cash, BigDecimal reserve, BigDecimal exposure) {
}
