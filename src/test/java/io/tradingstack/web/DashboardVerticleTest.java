package io.tradingstack.web;

import io.tradingstack.app.HttpVerticle;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class DashboardVerticleTest {

    @Test
    void servesASelfContainedPage(Vertx vertx, VertxTestContext test) {
        AppContext ctx = new AppContext(TestInfra.config(Map.of()), vertx);
        int port = ctx.config().httpPort();
        vertx.deployVerticle(new DashboardVerticle(ctx))
                .compose(id -> vertx.deployVerticle(new HttpVerticle(ctx)))
                .compose(id -> WebClient.create(vertx).get(port, "127.0.0.1", "/").send())
                .onComplete(test.succeeding(r -> test.verify(() -> {
                    assertEquals(200, r.statusCode());
                    String html = r.bodyAsString();
                    assertTrue(html.contains("<title>Trading Stack</title>"));
                    assertTrue(html.contains("/ws/ticker"));
                    assertFalse(html.contains("<script src="), "no external scripts");
                })))
                .compose(r -> WebClient.create(vertx).get(port, "127.0.0.1", "/api/portfolio").send())
                .onComplete(test.succeeding(r -> test.verify(() -> {
                    assertEquals(404, r.statusCode(), "no ledger on this node");
                    assertEquals(1101, r.bodyAsJsonObject().getInteger("code"));
                    test.completeNow();
                })));
    }
}
