package io.tradingstack.ledger;

import java.util.List;
import java.util.Map;

/**
 * What the ledger workflow holds between refreshes: the current status and risk (as rendered by
 * {@link PortfolioView}), and the fills and equity samples after the given marks.
 */
public record LedgerSnapshot(Map<String, Object> status, Map<String, Object> risk, List<PostedFill> fills,
                             List<EquitySample> samples, long sampleSeconds) {
}
