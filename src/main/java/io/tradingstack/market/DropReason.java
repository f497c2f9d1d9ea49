package io.tradingstack.market;

/** Why the adapter dropped an incoming message; each reason has its own counter in /health. */
public enum DropReason {
    MALFORMED_JSON("malformed_json"),
    MISSING_FIELD("missing_field"),
    BAD_PRICE("bad_price"),
    BAD_SIZE("bad_size"),
    BID_ABOVE_ASK("bid_above_ask"),
    DUPLICATE_TRADE_ID("duplicate_trade_id"),
    OUT_OF_ORDER_TRADE_ID("out_of_order_trade_id"),
    STALE("stale"),
    FUTURE("future"),
    UNKNOWN_PRODUCT("unknown_product"),
    UNKNOWN_TYPE("unknown_type");

    private final String key;

    DropReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
