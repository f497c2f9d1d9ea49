package io.tradingstack.risk;

import java.math.BigDecimal;

/**
 * What the risk engine needs to know about the account at decision time, in the quote currency.
 * {@code position} is the signed quantity held in the request's symbol; exposures are absolute
 * notionals at the current marks.
 */
public record AccountSnapshot(BigDecimal equity, BigDecimal cash, BigDecimal position,
                              BigDecimal symbolExposure, BigDecimal portfolioExposure) {
}
