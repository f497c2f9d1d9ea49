package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.market.CandleCache;
import io.tradingstack.market.CandleLoader;
import io.tradingstack.market.CoinbaseCandleSource;
import io.tradingstack.market.CoinbaseRest;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Candles for {@code --pair --start --end} through the market adapter: {@link CandleLoader} over the
 * Coinbase Exchange REST client, cached under {@code DATA_DIR/backtesting} so a rerun needs no
 * network. Timeframes the exchange does not serve are fetched at the largest granularity that
 * divides them and resampled.
 */
public final class ExchangeCandles implements AutoCloseable {
    private static final int[] EXCHANGE_GRANULARITIES = {86_400, 21_600, 3_600, 900, 300, 60};
    private final Vertx vertx;
    private final CoinbaseRest rest;
    private final CandleLoader loader;
    private final String restUrl;

    public ExchangeCandles(String restUrl, Path dataDir) {
        this.restUrl = restUrl;
        this.vertx = Vertx.vertx();
        this.rest = new CoinbaseRest(vertx, restUrl);
        this.loader = new CandleLoader(new CoinbaseCandleSource(rest), new CandleCache(dataDir.resolve("backtesting")),
                Clock.systemUTC());
    }

    /** Candles of [start, end) (UTC days), through the data policy like a file. */
    public Dataset load(String pair, String timeframe, LocalDate start, LocalDate end) {
        int target = Timeframes.seconds(timeframe);
        int granularity = fetchGranularity(target);
        CandleLoader.Load load;
        try {
            load = loader.load(pair, granularity, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    end.atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.getMessage());
        }
        Rows rows = new Rows(load.candles().size());
        long line = 0;
        for (var c : load.candles()) {
            rows.add(c.start().getEpochSecond(), c.open(), c.high(), c.low(), c.close(), c.volume(), ++line);
        }
        DataIssues issues = new DataIssues();
        issues.rowsRead = rows.size();
        issues.invalidRows = load.report().invalidRows();
        String source = restUrl + " " + pair + " " + Timeframes.label(granularity) + " " + start + ".." + end
                + " (requests " + load.report().requests() + ", cached bars " + load.report().cachedBars()
                + ", fetched bars " + load.report().fetchedBars() + ")";
        Dataset d = DataPolicy.apply(pair, Timeframes.label(granularity), rows, issues, source);
        if (d.candles().isEmpty()) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_DATA, "the exchange returned no candles for " + pair
                    + " between " + start + " and " + end);
        }
        return granularity == target ? d : Resampler.resample(d, timeframe);
    }

    static int fetchGranularity(int target) {
        for (int g : EXCHANGE_GRANULARITIES) {
            if (g <= target && target % g == 0) {
                return g;
            }
        }
        throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "timeframe of " + target + " s is not a multiple of 1m");
    }

    @Override
    public void close() {
        rest.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
