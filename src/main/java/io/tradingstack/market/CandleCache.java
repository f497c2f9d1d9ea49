package io.tradingstack.market;

import io.tradingstack.model.Candle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Candle files under {@code <root>/<product>/<granularity>/<start>_<end>.csv}: one file per
 * fetched range [start, end) in epoch seconds, rows exactly as received (duplicates included, so a
 * cached load reports the same quality as the first). Ranges never overlap: the loader only
 * fetches what no file covers.
 */
public final class CandleCache {
    private final Path root;

    /** A cached range [start, end) in epoch seconds. */
    public record Range(long start, long end) {
        boolean overlaps(long a, long b) {
            return start < b && a < end;
        }
    }

    public CandleCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public List<Range> ranges(String product, int granularity) {
        Path dir = dir(product, granularity);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+_\\d+\\.csv"))
                    .map(n -> n.substring(0, n.length() - 4).split("_"))
                    .map(p -> new Range(Long.parseLong(p[0]), Long.parseLong(p[1])))
                    .sorted((x, y) -> Long.compare(x.start(), y.start())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String product, int granularity, Range range, List<Candle> candles) {
        StringBuilder sb = new StringBuilder("time,open,high,low,close,volume\n");
        for (Candle c : candles) {
            sb.append(c.start().getEpochSecond()).append(',').append(c.open()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        Path dir = dir(product, granularity);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "write-", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(range.start() + "_" + range.end() + ".csv"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Candle> read(String product, int granularity, Range range) {
        Path file = dir(product, granularity).resolve(range.start() + "_" + range.end() + ".csv");
        List<Candle> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Candle(product, granularity, Instant.ofEpochSecond(Long.parseLong(f[0])), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Path dir(String product, int granularity) {
        if (!product.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("bad product id " + product);
        }
        return root.resolve(product).resolve(String.valueOf(granularity));
    }
}
