package io.tradingstack.app;

import io.tradingstack.runtime.Meters;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Vert.x's own metrics (event bus, HTTP server and client, pools) into the node's registry. Labels
 * are kept bounded: bus addresses are ours (a handful per symbol) and reply addresses collapse into
 * one; HTTP paths are not labels (the route is).
 */
final class NodeMetrics {
    private NodeMetrics() {
    }

    static MicrometerMetricsOptions options() {
        return new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(false) // bound by Meters.withJvm, once per node
                .addLabels(Label.EB_ADDRESS, Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE)
                .addLabelMatch(new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
                        .setType(MatchType.REGEX).setValue("__vertx\\..*").setAlias("__vertx.reply"));
    }

    static VertxMetricsFactory factory(Meters meters) {
        return new MicrometerMetricsFactory(meters.registry());
    }
}
