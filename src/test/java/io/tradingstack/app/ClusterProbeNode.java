package io.tradingstack.app;

import io.tradingstack.bus.Codecs;
import io.tradingstack.model.ComponentStatus;
import io.tradingstack.runtime.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node of the two-JVM cluster test, started as its own process. Node "a" answers requests and
 * listens to a topic; node "b" requests until "a" answers, then publishes. Both print what they saw.
 */
public final class ClusterProbeNode {
    static final String ECHO = "ts.test.echo";
    static final String TOPIC = "ts.test.broadcast";

    public static void main(String[] args) throws Exception {
        String role = args[0];
        int port = Integer.parseInt(args[1]);
        String members = args[2];
        AppConfig config = AppConfig.defaults(Map.of("CLUSTER_PORT", String.valueOf(port), "CLUSTER_MEMBERS", members,
                "HTTP_PORT", String.valueOf(port + 1000), "MCP_PORT", String.valueOf(port + 2000)));
        Vertx vertx = Clustering.clusteredVertx(config, new VertxOptions()).await(60, TimeUnit.SECONDS);
        Codecs.registerAll(vertx);
        if (role.equals("a")) {
            vertx.eventBus().<ComponentStatus>consumer(ECHO, m -> m.reply(
                    new ComponentStatus("a", "UP", "echo of " + m.body().component()))).completion().await();
            vertx.eventBus().<String>consumer(TOPIC, m -> say("A-GOT-PUBLISH " + m.body())).completion().await();
            say("A-READY");
        } else {
            requestUntilAnswered(vertx);
            vertx.eventBus().publish(TOPIC, "hello-from-b");
            say("B-PUBLISHED");
        }
    }

    private static void requestUntilAnswered(Vertx vertx) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                ComponentStatus reply = vertx.eventBus().<ComponentStatus>request(ECHO,
                        new ComponentStatus("b", "UP", null), new DeliveryOptions().setSendTimeout(2000))
                        .await(3, TimeUnit.SECONDS).body();
                say("B-GOT-REPLY " + reply.detail());
                return;
            } catch (Exception e) {
                Thread.sleep(200);
            }
        }
        say("B-NO-REPLY");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
