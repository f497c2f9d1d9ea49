package io.tradingstack.market;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A blocking {@link CandleSource} over {@link CoinbaseRest}. Call it from a worker thread or a
 * plain thread, never from an event loop (it waits for the HTTP response).
 */
public final class CoinbaseCandleSource implements CandleSource {
    private static final long TIMEOUT_MS = 20_000;
    private final CoinbaseRest rest;

    public CoinbaseCandleSource(CoinbaseRest rest) {
        this.rest = rest;
    }

    @Override
    public CandlePage page(String product, int granularity, Instant start, Instant endInclusive) {
        try {
            return rest.candles(product, granularity, start, endInclusive).toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodedException(ErrorCode.MARKET_EXCHANGE_ERROR, "interrupted while fetching candles");
        } catch (ExecutionException e) {
            throw new CodedException(ErrorCode.MARKET_EXCHANGE_ERROR, String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new CodedException(ErrorCode.MARKET_EXCHANGE_ERROR, "no candles within " + TIMEOUT_MS + " ms");
        }
    }
}
