package io.tradingstack.testing;

import io.tradingstack.durable.WorkflowStateVerticle;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The workflow-state store on a test's Vert.x, over the shared PostgreSQL (what stateful workflows' activities call). */
public final class StateStore {
    private static Vertx shared;

    private StateStore() {
    }

    /** Deploys the store on {@code vertx}; returns it for chaining. */
    public static Vertx deploy(Vertx vertx) {
        try {
            vertx.deployVerticle(new WorkflowStateVerticle(TestInfra.context(vertx, Map.of()))).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("state store did not start", e);
        }
        return vertx;
    }

    /** A Vert.x of this JVM with the store deployed, for tests that need nothing else on the bus. */
    public static synchronized Vertx vertx() {
        if (shared == null) {
            shared = deploy(Vertx.vertx());
        }
        return shared;
    }
}
