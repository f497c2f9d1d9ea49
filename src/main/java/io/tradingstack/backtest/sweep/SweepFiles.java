package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of a sweep: the ranked table on the console, {@code sweep.csv} (every run, ranked),
 * {@code walk_forward.csv} (one row per window) and {@code sweep.json} (the whole result).
 */
public final class SweepFiles {
    public static final String CSV = "sweep.csv";
    public static final String WINDOWS_CSV = "walk_forward.csv";
    public static final String JSON = "sweep.json";
    private static final List<String> CONSOLE_METRICS = List.of("total_return", "sharpe", "max_drawdown", "win_rate", "trades");

    private SweepFiles() {
    }

    /** Writes the files under {@code dir} and returns their paths. */
    public static List<Path> write(SweepRequest request, SweepResult result, Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            out.add(Files.writeString(dir.resolve(CSV), csv(result)));
            if (!result.windows().isEmpty()) {
                out.add(Files.writeString(dir.resolve(WINDOWS_CSV), windowsCsv(result)));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("request", request);
            json.put("result", result);
            out.add(Files.writeString(dir.resolve(JSON), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's files under " + dir, e);
        }
        return out;
    }

    /** Every run ranked: rank, phase, window, set, parameters, every metric, bars, worker, engine time. */
    public static String csv(SweepResult result) {
        List<String> params = paramNames(result.ranked());
        StringBuilder b = new StringBuilder("rank,phase,window,set,");
        b.append(String.join(",", params)).append(',').append(String.join(",", Ranking.METRICS)).append(",bars,worker,elapsed_ms\n");
        int rank = 0;
        int window = Integer.MIN_VALUE;
        for (RunResult r : result.ranked()) {
            rank = r.window() == window ? rank + 1 : 1;
            window = r.window();
            b.append(rank).append(',').append(r.phase()).append(',').append(r.window()).append(',').append(r.index());
            params.forEach(p -> b.append(',').append(plain(r.params().get(p))));
            Ranking.METRICS.forEach(m -> b.append(',').append(plain(r.metric(m))));
            b.append(',').append(r.bars()).append(',').append(r.worker()).append(',').append(r.elapsedMillis()).append('\n');
        }
        return b.toString();
    }

    static String windowsCsv(SweepResult result) {
        StringBuilder b = new StringBuilder("window,train_from,train_to,test_from,test_to,set,params,train_" + result.metric());
        Ranking.METRICS.forEach(m -> b.append(",test_").append(m));
        b.append('\n');
        for (WindowResult w : result.windows()) {
            Window x = w.window();
            b.append(x.index()).append(',').append(time(x.trainFrom())).append(',').append(time(x.trainTo())).append(',')
                    .append(time(x.testFrom())).append(',').append(time(x.testTo())).append(',').append(w.chosenIndex())
                    .append(",\"").append(new ParameterSet(w.chosenIndex(), w.chosen()).key()).append("\",")
                    .append(plain(w.trainMetric()));
            Ranking.METRICS.forEach(m -> b.append(',').append(plain(w.test().metric(m))));
            b.append('\n');
        }
        return b.toString();
    }

    /** The console table: the best {@code limit} runs, or the windows for walk-forward, and the workers. */
    public static String table(SweepResult result, int limit) {
        StringBuilder b = new StringBuilder();
        if (result.windows().isEmpty()) {
            b.append(String.format("%-5s %-48s", "rank", "parameters"));
            CONSOLE_METRICS.forEach(m -> b.append(String.format(" %13s", m)));
            b.append('\n');
            List<RunResult> rows = result.ranked().subList(0, Math.min(limit, result.ranked().size()));
            for (int i = 0; i < rows.size(); i++) {
                b.append(String.format("%-5d %-48s", i + 1, rows.get(i).set().key()));
                RunResult r = rows.get(i);
                CONSOLE_METRICS.forEach(m -> b.append(String.format(" %13s", figure(r.metric(m)))));
                b.append('\n');
            }
        } else {
            b.append(String.format("%-6s %-20s %-20s %-48s %24s %12s%n", "window", "train from", "test from", "chosen on train",
                    result.metric() + " on train", "test return"));
            for (WindowResult w : result.windows()) {
                b.append(String.format("%-6d %-20s %-20s %-48s %24s %12s%n", w.window().index(), time(w.window().trainFrom()),
                        time(w.window().testFrom()), new ParameterSet(0, w.chosen()).key(), figure(w.trainMetric()),
                        figure(w.test().metric("total_return"))));
            }
            b.append("out-of-sample return, compounded over the test spans: ").append(figure(result.outOfSampleReturn())).append('\n');
        }
        b.append(result.runs()).append(" runs ranked by ").append(result.metric()).append("; runs per worker: ")
                .append(result.runsByWorker()).append('\n');
        return b.toString();
    }

    private static List<String> paramNames(List<RunResult> runs) {
        return runs.isEmpty() ? List.of() : new ArrayList<>(runs.get(0).params().keySet());
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String figure(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        return v.scale() <= 0 ? v.toPlainString() : v.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String time(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }
}
