package io.tradingstack.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * One Coinbase WebSocket message reduced to the fields the adapter uses, read with Jackson's
 * streaming parser (no tree, no reflection: the ingest path runs at hundreds of thousands of
 * messages per second). Numbers stay text until validation so no digit is lost. Reusable.
 */
public final class FeedMessage {
    private static final JsonFactory JSON = new JsonFactory();
    public String type;
    public String productId;
    public String price;
    public String bestBid;
    public String bestAsk;
    public String size;
    public String time;
    public String replayTime;
    public String tradeId;
    public String sequence;
    public String message;
    public String reason;

    /** Parses {@code text} into this holder; false when it is not a JSON object. */
    public boolean parse(String text) {
        clear();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    assign(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void assign(String name, String value) {
        switch (name) {
            case "type" -> type = value;
            case "product_id" -> productId = value;
            case "price" -> price = value;
            case "best_bid" -> bestBid = value;
            case "best_ask" -> bestAsk = value;
            case "last_size", "size" -> size = value;
            case "time" -> time = value;
            case "replay_time" -> replayTime = value;
            case "trade_id" -> tradeId = value;
            case "sequence" -> sequence = value;
            case "message" -> message = value;
            case "reason" -> reason = value;
            default -> {
            }
        }
    }

    private void clear() {
        type = productId = price = bestBid = bestAsk = size = time = replayTime = tradeId = sequence = message = reason = null;
    }
}
