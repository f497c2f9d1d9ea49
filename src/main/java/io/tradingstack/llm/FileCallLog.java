package io.tradingstack.llm;

import io.tradingstack.bus.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The call log of a process without PostgreSQL (the backtest command line): one JSON line per
 * {@link CallRecord} in a file, read back when opened, so a re-run of a deterministic request is
 * answered from the file. Appends are flushed line by line; a torn last line (a killed run) is
 * skipped when read. Single process: two processes appending to one file may interleave lines.
 */
public final class FileCallLog implements CallLog, AutoCloseable {
    private final Path file;
    private final Map<String, Answer> byHash = new HashMap<>();
    private final Map<String, Answer> byKey = new HashMap<>();
    private final Map<UUID, CallRecord> byId = new LinkedHashMap<>();
    private final BufferedWriter out;

    private FileCallLog(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                read(line).ifPresent(this::index);
            }
        } else if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Opens (or creates) the log at {@code file}. */
    public static FileCallLog open(Path file) {
        try {
            return new FileCallLog(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the LLM call log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    private static Optional<CallRecord> read(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(line, CallRecord.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void index(CallRecord r) {
        byId.put(r.id(), r);
        if (CallRecord.OK.equals(r.status()) && r.response() != null) {
            byHash.putIfAbsent(r.requestHash(), new Answer(r.id(), r.response()));
            if (r.callKey() != null) {
                byKey.putIfAbsent(r.callKey(), new Answer(r.id(), r.response()));
            }
        }
    }

    @Override
    public synchronized void append(CallRecord record) {
        try {
            out.write(Json.write(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the LLM call log " + file, e);
        }
        index(record);
    }

    @Override
    public synchronized Optional<Answer> answerFor(String requestHash) {
        return Optional.ofNullable(byHash.get(requestHash));
    }

    @Override
    public synchronized Optional<Answer> answerForKey(String callKey) {
        return Optional.ofNullable(byKey.get(callKey));
    }

    /** Per agent since {@code from}, as {@link PgCallLog} counts them (model calls, cache hits, cap refusals). */
    @Override
    public synchronized Map<String, Totals> totalsSince(Instant from) {
        Map<String, Totals> out = new LinkedHashMap<>();
        for (CallRecord r : byId.values()) {
            if (r.ts().isBefore(from)) {
                continue;
            }
            Totals t = out.getOrDefault(r.agent(), new Totals(0, 0, 0, TokenUsage.NONE, BigDecimal.ZERO));
            boolean hit = CallRecord.CACHE_HIT.equals(r.status());
            boolean refused = "LLM_CAP_REACHED".equals(r.status());
            out.put(r.agent(), new Totals(t.calls() + (r.modelCalled() ? 1 : 0), t.cacheHits() + (hit ? 1 : 0),
                    t.refused() + (refused ? 1 : 0), t.usage().plus(r.usage() == null ? TokenUsage.NONE : r.usage()),
                    t.costUsd().add(r.costUsd() == null ? BigDecimal.ZERO : r.costUsd())));
        }
        return out;
    }

    @Override
    public synchronized Optional<CallRecord> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every record read or appended, oldest first. */
    public synchronized List<CallRecord> records() {
        return List.copyOf(byId.values());
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
