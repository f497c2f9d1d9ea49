package io.tradingstack.ledger;

import io.vertx.core.Future;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Where the ledger's marks come from: the latest mid of each symbol; a symbol without one is absent. Never fails. */
@FunctionalInterface
public interface PriceSource {
    Future<Map<String, BigDecimal>> mids(Collection<String> symbols);
}
