package io.tradingstack.market;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Candle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase Exchange public REST API on vertx-web-client: products, candles, ticker, trades. The
 * base URL is the only thing that differs between Coinbase and the replay exchange.
 */
public final class CoinbaseRest implements AutoCloseable {
    /** Coinbase answers at most 300 candles per request. */
    public static final int MAX_CANDLES_PER_REQUEST = 300;
    private final WebClient client;
    private final String baseUrl;

    /** One page of trades, newest first, with Coinbase's pagination cursors. */
    public record TradePage(List<JsonObject> trades, Long cbBefore, Long cbAfter) {
    }

    public CoinbaseRest(Vertx vertx, String baseUrl) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("trading-stack")
                .setConnectTimeout(5_000).setIdleTimeout(30));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Future<JsonArray> products() {
        return send(client.getAbs(baseUrl + "/products")).map(HttpResponse::bodyAsJsonArray);
    }

    public Future<JsonObject> ticker(String product) {
        return send(client.getAbs(baseUrl + "/products/" + product + "/ticker")).map(HttpResponse::bodyAsJsonObject);
    }

    /** One candles request (at most 300 buckets between start and end inclusive); rows as sent, newest first. */
    public Future<CandlePage> candles(String product, int granularity, Instant start, Instant end) {
        HttpRequest<Buffer> req = client.getAbs(baseUrl + "/products/" + product + "/candles")
                .addQueryParam("granularity", String.valueOf(granularity))
                .addQueryParam("start", start.toString())
                .addQueryParam("end", end.toString());
        return send(req).map(resp -> parseCandles(product, granularity, resp.bodyAsJsonArray()));
    }

    /**
     * One page of trades. {@code after} asks for trades older than that id (Coinbase's cb-after
     * cursor), {@code before} for newer ones; both null = the newest page.
     */
    public Future<TradePage> trades(String product, Long before, Long after, int limit) {
        HttpRequest<Buffer> req = client.getAbs(baseUrl + "/products/" + product + "/trades")
                .addQueryParam("limit", String.valueOf(limit));
        if (before != null) {
            req.addQueryParam("before", before.toString());
        }
        if (after != null) {
            req.addQueryParam("after", after.toString());
        }
        return send(req).map(resp -> {
            List<JsonObject> trades = new ArrayList<>();
            resp.bodyAsJsonArray().forEach(o -> trades.add((JsonObject) o));
            return new TradePage(trades, header(resp, "cb-before"), header(resp, "cb-after"));
        });
    }

    private static Long header(HttpResponse<?> resp, String name) {
        String v = resp.getHeader(name);
        return v == null ? null : TickValidator.longValue(v);
    }

    /** Rows that are not valid candles are skipped; the loader's report counts them. */
    public static CandlePage parseCandles(String product, int granularity, JsonArray rows) {
        List<Candle> out = new ArrayList<>(rows.size());
        int invalid = 0;
        for (Object o : rows) {
            try {
                JsonArray r = (JsonArray) o;
                out.add(new Candle(product, granularity, Instant.ofEpochSecond(r.getLong(0)), r.getDouble(3),
                        r.getDouble(2), r.getDouble(1), r.getDouble(4), r.getDouble(5)));
            } catch (RuntimeException invalidRow) {
                invalid++;
            }
        }
        return new CandlePage(out, invalid);
    }

    private Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> req) {
        return req.timeout(10_000).send().compose(resp -> resp.statusCode() == 200
                ? Future.succeededFuture(resp)
                : Future.failedFuture(new CodedException(ErrorCode.MARKET_EXCHANGE_ERROR,
                "exchange answered " + resp.statusCode() + ": " + resp.bodyAsString())));
    }

    @Override
    public void close() {
        client.close();
    }
}
