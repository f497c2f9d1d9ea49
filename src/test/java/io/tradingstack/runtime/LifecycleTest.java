package io.tradingstack.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Lifecycle took is given back: consumers gone, timers cancelled, checks unregistered, resources released in reverse. */
class LifecycleTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void releaseGivesBackEverythingTaken() throws Exception {
        HealthRegistry health = new HealthRegistry();
        Lifecycle held = new Lifecycle(vertx, health);
        held.<String>consumer("lifecycle.test", m -> m.reply("pong")).await(5, TimeUnit.SECONDS);
        assertEquals("pong", vertx.eventBus().request("lifecycle.test", "ping").await(5, TimeUnit.SECONDS).body());
        long periodic = held.periodic(60_000, id -> { });
        held.timer(60_000, id -> { });
        held.health("lifecycle", () -> Future.succeededFuture(HealthRegistry.up()));
        List<String> released = new ArrayList<>();
        held.onStop(() -> {
            released.add("first taken");
            return Future.succeededFuture();
        });
        held.onStop(() -> {
            released.add("last taken");
            return Future.failedFuture("a release that fails does not stop the others");
        });
        assertEquals(Set.of("lifecycle"), health.names());

        held.release().await(5, TimeUnit.SECONDS);

        assertEquals(Set.of(), health.names());
        assertFalse(vertx.cancelTimer(periodic), "the periodic timer was already cancelled");
        assertEquals(List.of("last taken", "first taken"), released);
        ReplyException gone = assertThrows(ReplyException.class,
                () -> vertx.eventBus().request("lifecycle.test", "ping").await(5, TimeUnit.SECONDS));
        assertEquals(ReplyFailure.NO_HANDLERS, gone.failureType());
        assertTrue(held.stopping());
        held.timer(1, id -> released.add("a timer set while stopping"));
        assertEquals(2, released.size());
    }
}
