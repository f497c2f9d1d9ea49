package io.tradingstack.backtest;

import io.tradingstack.model.Candle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Candles fetched for {@code --pair/--start/--end}, kept under {@code DATA_DIR/backtesting} as
 * generic CSV ({@code timestamp,open,high,low,close,volume}, epoch seconds) so a rerun reads the
 * same bars without the network.
 */
public final class CandleCache {
    private final Path dir;

    public CandleCache(Path dataDir) {
        this.dir = dataDir.resolve("backtesting");
    }

    public Path file(String symbol, String timeframe, LocalDate start, LocalDate end) {
        return dir.resolve(symbol + "_" + timeframe + "_" + start + "_" + end + ".csv");
    }

    public Optional<Dataset> read(String symbol, String timeframe, LocalDate start, LocalDate end) {
        Path f = file(symbol, timeframe, start, end);
        return Files.exists(f) ? Optional.of(DatasetLoader.load(f, symbol, timeframe)) : Optional.empty();
    }

    public Path write(String symbol, String timeframe, LocalDate start, LocalDate end, List<Candle> candles) {
        Path f = file(symbol, timeframe, start, end);
        StringBuilder s = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Candle c : candles) {
            s.append(c.start().getEpochSecond()).append(',').append(c.open()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, s);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }
}
