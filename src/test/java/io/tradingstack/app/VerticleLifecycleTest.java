package io.tradingstack.app;

import io.tradingstack.bus.Addresses;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.PgUrl;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every verticle of verticles.json deployed, then undeployed: no bus consumer, health check or
 * HTTP route is left behind (each stop() releases what its start() took). Timers are released
 * through the same runtime.Lifecycle (LifecycleTest), which the architecture test makes the only
 * way a verticle takes them.
 */
class VerticleLifecycleTest {

    @Test
    void undeployingEveryVerticleLeavesNothingBehind() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // a database of its own: the shipped specs this stack seeds stay out of the shared one
            AppContext ctx = new AppContext(TestInfra.config(Map.of("TASK_QUEUE", TestInfra.uniqueQueue("lifecycle"),
                    "REPLAY_PORT", String.valueOf(TestInfra.freePort()))), vertx);
            ctx.postgresReady(freshDatabase());
            ctx.temporalReady(TestInfra.temporal());
            Stack stack = new Stack(ctx, VerticleSpec.load(), Set.of());
            stack.start().await(120, TimeUnit.SECONDS);
            List<String> addresses = addresses(ctx.config().marketSymbols());
            assertTrue(ctx.health().names().containsAll(Set.of("ledger", "execution", "features", "feed", "mcp", "temporal")),
                    ctx.health().names().toString());
            assertTrue(ctx.routes().size() >= 3, "dashboard, ticker and features contribute routes");

            stack.undeploy();

            assertEquals(Set.of("postgres", "telemetry"), ctx.health().names(), "only the node's own checks (PostgreSQL, telemetry) are left");
            assertEquals(List.of(), ctx.routes(), "no contributed route left");
            List<String> answered = new ArrayList<>();
            for (String address : addresses) {
                try {
                    vertx.eventBus().request(address, "probe", new DeliveryOptions().setSendTimeout(2000)).await(5, TimeUnit.SECONDS);
                    answered.add(address);
                } catch (ReplyException e) {
                    if (e.failureType() != ReplyFailure.NO_HANDLERS) {
                        answered.add(address + " (" + e.failureType() + ")");
                    }
                }
            }
            assertEquals(List.of(), answered, "addresses with a consumer left after undeploy");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static PostgresRuntime freshDatabase() {
        PgUrl url = LedgerDb.on(TestInfra.postgres()).url();
        String external = "postgresql://" + URLEncoder.encode(url.user(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(url.password(), StandardCharsets.UTF_8) + "@" + url.host() + ":" + url.port() + "/" + url.database();
        return PostgresRuntime.start(TestInfra.config(Map.of("PG_URL", external)));
    }

    /** Every address constant of the registry, and the per-symbol topics of the configured symbols. */
    private static List<String> addresses(List<String> symbols) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : Addresses.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        for (String s : symbols) {
            out.add(Addresses.marketTick(s));
            out.add(Addresses.featuresVector(s));
        }
        return out;
    }
}
