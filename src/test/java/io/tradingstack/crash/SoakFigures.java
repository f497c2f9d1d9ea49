package io.tradingstack.crash;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the crash test measured; written to bench/results/crash-soak.json when -Dcrash.results is set. */
final class SoakFigures {
    final List<Double> readySeconds = new ArrayList<>();
    long sent;
    long answered;
    long ackedFills;
    long lost;
    long duplicated;
    long resent;
    long recoveredCancelled;
    long recoveredResting;

    void add(McpLoad load) {
        sent += load.sent.size();
        answered += load.answered.get();
        ackedFills += load.ackedFills.size();
    }

    void recovery(JsonObject health) {
        JsonObject r = health.getJsonObject("components").getJsonObject("ledger").getJsonObject("recovery", new JsonObject());
        recoveredCancelled += r.getInteger("cancelled", 0);
        recoveredResting += r.getInteger("resting", 0);
    }

    void write(int cycles) throws Exception {
        String target = System.getProperty("crash.results");
        if (target == null || target.isBlank()) {
            return;
        }
        List<Double> sorted = readySeconds.stream().sorted().toList();
        JsonObject out = new JsonObject()
                .put("measured", Instant.now().toString())
                .put("cycles", cycles)
                .put("kills", new JsonObject().put("jvm_alone", (cycles + 1) / 2).put("jvm_and_postgres", cycles / 2))
                .put("orders_sent", sent).put("orders_answered", answered).put("fills_acknowledged", ackedFills)
                .put("fills_lost", lost).put("fills_duplicated", duplicated).put("resent_client_order_ids", resent)
                .put("recovery_cancelled", recoveredCancelled).put("recovery_resting", recoveredResting)
                .put("time_to_ready_s", new JsonObject()
                        .put("median", sorted.get(sorted.size() / 2))
                        .put("max", sorted.get(sorted.size() - 1))
                        .put("all", new JsonArray(readySeconds.stream().map(d -> Math.round(d * 10) / 10.0).toList())));
        Path file = Path.of(target);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.encodePrettily() + "\n");
    }
}
