package io.tradingstack.market.replay;

import java.math.BigDecimal;

/**
 * One trade the replay exchange derives from a recorded candle. {@code takerSide} is the side of
 * the aggressor (Coinbase ticker semantics); the book around it is one price increment wide.
 */
public record SyntheticTrade(String product, long step, long tradeId, long sequence, BigDecimal price, BigDecimal size,
                             String takerSide, BigDecimal bestBid, BigDecimal bestAsk, long sourceEpochSecond) {

    /** Side of the resting (maker) order, which is what Coinbase puts in match messages. */
    public String makerSide() {
        return "buy".equals(takerSide) ? "sell" : "buy";
    }
}
