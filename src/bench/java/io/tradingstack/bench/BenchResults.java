package io.tradingstack.bench;

import io.tradingstack.bus.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a benchmark's figures to {@code bench/results/<name>.json}, with the machine it ran on. */
public final class BenchResults {
    private BenchResults() {
    }

    public static Path write(String name, Map<String, Object> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", name);
        out.put("measured_at", Instant.now().toString());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("jvm", ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version"));
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.putAll(figures);
        Path file = Path.of("bench", "results", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Wrote " + file.toAbsolutePath());
        return file;
    }
}
