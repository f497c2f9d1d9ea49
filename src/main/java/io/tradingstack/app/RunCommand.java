package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.Meters;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a node of the stack until SIGTERM/SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the stack (the default command).")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--roles", split = ",", description = "deploy only the verticles of these roles (default: all)")
    List<String> roles = List.of();

    @Option(names = "--cluster", description = "join the Hazelcast cluster listed in CLUSTER_MEMBERS")
    boolean cluster;

    @Option(names = "--config", description = "configuration file (default: conf/application.json)")
    Path configFile;

    @Option(names = {"-s", "--set"}, description = "configuration override KEY=VALUE (repeatable)")
    Map<String, String> overrides = new HashMap<>();

    @Option(names = "--http-port", description = "same as --set HTTP_PORT=...")
    Integer httpPort;

    @Option(names = "--data-dir", description = "same as --set DATA_DIR=...")
    String dataDir;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (httpPort != null) {
            overrides.put("HTTP_PORT", String.valueOf(httpPort));
        }
        if (dataDir != null) {
            overrides.put("DATA_DIR", dataDir);
        }
        AppConfig config = AppConfig.fromCommandLine(configFile, overrides);
        // LLM settings combine several keys (provider and key, timeout x retries within the activity bound):
        // checked here so a bad combination stops start-up with one line, like any bad value.
        io.tradingstack.llm.LlmSettings.from(config);
        LogLayout.configure(config.get(ConfigKey.LOG_FORMAT), config.get(ConfigKey.LOG_LEVEL));
        Set<String> selected = new LinkedHashSet<>(roles);
        List<VerticleSpec> specs = VerticleSpec.load();
        // The hook is in place before anything starts, so a SIGTERM during start-up still stops
        // whatever was started (PostgreSQL included).
        Node node = Node.create(config, specs, selected, cluster);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            node.stop();
            LOG.info("Stopped");
            stopped.countDown();
        }, "shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            // one line naming what failed (a port, a file); the node stops what it had started
            System.err.println("Start-up failed: " + rootMessage(e));
            node.stop();
            return 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info(Banner.render(config, node.stack(), seconds, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        stopped.await();
        return 0;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** A node: its Vert.x and its stack. */
    public record Node(Stack stack, AppConfig config) {
        public static Node create(AppConfig config, List<VerticleSpec> specs, Set<String> roles, boolean cluster)
                throws Exception {
            VertxOptions options = new VertxOptions().setPreferNativeTransport(false)
                    .setMetricsOptions(NodeMetrics.options());
            Meters meters = Meters.withJvm();
            Vertx vertx = cluster
                    ? Clustering.clusteredVertx(config, options, meters).await(60, TimeUnit.SECONDS)
                    : Vertx.builder().with(options).withMetrics(NodeMetrics.factory(meters)).build();
            return new Node(new Stack(new AppContext(config, vertx, meters), specs, roles), config);
        }

        public void start() throws Exception {
            try {
                stack.start(nodeName(config)).await(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.error("Start-up failed: {}", rootMessage(e));
                throw e;
            }
        }

        public void stop() {
            stack.stop();
        }

        private static String nodeName(AppConfig config) {
            return ManagementFactory.getRuntimeMXBean().getName() + "@" + config.bindHost() + ":" + config.httpPort();
        }
    }

}
