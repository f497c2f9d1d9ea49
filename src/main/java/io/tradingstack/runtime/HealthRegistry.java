package io.tradingstack.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Named health checks. Each check answers a JSON object with {@code status} UP or DOWN plus
 * details; a check that fails or takes longer than the timeout counts as DOWN.
 */
public final class HealthRegistry {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final Map<String, Supplier<Future<JsonObject>>> checks = new LinkedHashMap<>();

    public synchronized void register(String name, Supplier<Future<JsonObject>> check) {
        checks.put(name, check);
    }

    /** Registers unless a check of that name exists; true when this one was registered. */
    public synchronized boolean registerIfAbsent(String name, Supplier<Future<JsonObject>> check) {
        return checks.putIfAbsent(name, check) == null;
    }

    /** The names of the registered checks. */
    public synchronized java.util.Set<String> names() {
        return java.util.Set.copyOf(checks.keySet());
    }

    public synchronized void unregister(String name) {
        checks.remove(name);
    }

    public static JsonObject up() {
        return new JsonObject().put("status", "UP");
    }

    public static JsonObject down(String reason) {
        return new JsonObject().put("status", "DOWN").put("error", reason);
    }

    /** Runs every check; the overall status is UP only when all components are UP. */
    public Future<JsonObject> report(io.vertx.core.Vertx vertx) {
        Map<String, Supplier<Future<JsonObject>>> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(checks);
        }
        List<String> names = new ArrayList<>(snapshot.keySet());
        List<Future<JsonObject>> results = names.stream().map(n -> guarded(vertx, snapshot.get(n))).toList();
        return Future.join(results).transform(ignored -> {
            JsonObject components = new JsonObject();
            List<String> failing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                JsonObject r = results.get(i).result();
                components.put(names.get(i), r);
                if (!"UP".equals(r.getString("status"))) {
                    failing.add(names.get(i));
                }
            }
            JsonObject out = new JsonObject().put("status", failing.isEmpty() ? "UP" : "DOWN");
            if (!failing.isEmpty()) {
                out.put("failing", failing);
            }
            return Future.succeededFuture(out.put("components", components));
        });
    }

    private static Future<JsonObject> guarded(io.vertx.core.Vertx vertx, Supplier<Future<JsonObject>> check) {
        Future<JsonObject> f;
        try {
            f = check.get();
        } catch (RuntimeException e) {
            return Future.succeededFuture(down(String.valueOf(e.getMessage())));
        }
        return f.timeout(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(err -> Future.succeededFuture(down(err instanceof TimeoutException
                        ? "no answer within " + TIMEOUT.toSeconds() + " s" : String.valueOf(err.getMessage()))));
    }
}
