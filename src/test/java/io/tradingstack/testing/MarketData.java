package io.tradingstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The real market files the tests and benchmarks use, shipped gzip-compressed in
 * {@code src/test/resources/market} (provenance and checksums in the README there).
 */
public final class MarketData {
    /** Relative to the project directory, where Maven runs tests and benchmarks. */
    public static final Path DIR = Path.of("src", "test", "resources", "market");

    private MarketData() {
    }

    /** The compressed file of a data set named as published, e.g. {@code binance_BTC_USDT-1m.json}. */
    public static Path file(String name) {
        Path p = DIR.resolve(name + ".gz");
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no market file " + p.toAbsolutePath());
        }
        return p;
    }

    /** The uncompressed content of a data set. */
    public static InputStream open(String name) {
        try {
            return new GZIPInputStream(Files.newInputStream(file(name)), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
