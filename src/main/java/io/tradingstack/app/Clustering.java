package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Clustered event bus on Hazelcast: TCP-IP join with the members listed one by one (port ranges
 * are rejected), multicast off, bound to CLUSTER_HOST (loopback by default).
 */
public final class Clustering {
    private Clustering() {
    }

    public static Config hazelcastConfig(AppConfig config) {
        String host = config.get(ConfigKey.CLUSTER_HOST);
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName("trading-stack");
        hz.setProperty("hazelcast.wait.seconds.before.join", "0");
        boolean literal = host.matches("[0-9.]+") || host.contains(":");
        if (literal) {
            // Pin Hazelcast to the configured interface; host names (compose) are resolved by Hazelcast.
            hz.setProperty("hazelcast.local.localAddress", host);
        }
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(config.clusterPort()).setPortAutoIncrement(false);
        if (literal) {
            network.getInterfaces().setEnabled(true).addInterface(host);
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterMembers());
        return hz;
    }

    /** A clustered Vert.x whose event bus binds to CLUSTER_HOST. */
    public static Future<Vertx> clusteredVertx(AppConfig config, VertxOptions options) {
        return clusteredVertx(config, options, null);
    }

    /** The same, reporting Vert.x metrics to the node's registry when one is given. */
    public static Future<Vertx> clusteredVertx(AppConfig config, VertxOptions options, io.tradingstack.runtime.Meters meters) {
        options.getEventBusOptions().setHost(config.get(ConfigKey.CLUSTER_HOST)).setPort(0);
        io.vertx.core.VertxBuilder builder = Vertx.builder().with(options);
        if (meters != null) {
            builder.withMetrics(NodeMetrics.factory(meters));
        }
        return builder
                .withClusterManager(new HazelcastClusterManager(hazelcastConfig(config)))
                .buildClustered();
    }
}
