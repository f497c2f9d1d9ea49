package io.tradingstack.runtime;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.grpc.Deadline;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The Temporal service connection: the embedded test server (in-process channel, real time,
 * nothing listening) or an external cluster at TEMPORAL_ADDRESS. Owns the stubs and the client.
 */
public final class TemporalRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TemporalRuntime.class);

    private final TestServer.InProcessTestServer embedded;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final String location;
    private final Scope metrics;

    private TemporalRuntime(TestServer.InProcessTestServer embedded, WorkflowServiceStubs stubs, String namespace, String location,
                            Scope metrics) {
        this.embedded = embedded;
        this.metrics = metrics;
        this.stubs = stubs;
        this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
        this.location = location;
    }

    /** Starts the embedded service when {@code address} is empty, else connects to it. Blocking. */
    public static TemporalRuntime start(String address, String namespace) {
        return start(address, namespace, null);
    }

    /**
     * The same, with the SDK's client and worker metrics (requests, polls, task latencies, slots)
     * reported to {@code registry} every second; null reports nothing.
     */
    public static TemporalRuntime start(String address, String namespace, MeterRegistry registry) {
        Scope scope = registry == null ? new NoopScope() : new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry)).reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
        if (address == null || address.isEmpty()) {
            // lockTimeSkipping = true: the server runs in real time and never fast-forwards timers.
            TestServer.InProcessTestServer server = TestServer.createServer(true);
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.getChannel()).setMetricsScope(scope).build());
            LOG.info("Embedded Temporal service started (in-process, real time, namespace {})", namespace);
            return new TemporalRuntime(server, stubs, namespace, "embedded (in-process, in memory)", scope);
        }
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).setMetricsScope(scope).build(),
                java.time.Duration.ofSeconds(10));
        LOG.info("Connected to Temporal at {} (namespace {})", address, namespace);
        return new TemporalRuntime(null, stubs, namespace, address, scope);
    }

    public WorkflowClient client() {
        return client;
    }

    public WorkflowServiceStubs stubs() {
        return stubs;
    }

    public String location() {
        return location;
    }

    /** Health probe: a GetSystemInfo round trip with a short deadline. Blocking. */
    public String probe() {
        return stubs.blockingStub()
                .withDeadline(Deadline.after(2, TimeUnit.SECONDS))
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                .getServerVersion();
    }

    @Override
    public void close() {
        stubs.shutdown();
        stubs.awaitTermination(3, TimeUnit.SECONDS);
        if (embedded != null) {
            embedded.close();
            LOG.info("Embedded Temporal service stopped");
        }
        try {
            metrics.close(); // flushes the last report
        } catch (com.uber.m3.tally.ScopeCloseException e) {
            LOG.debug("Temporal metrics scope did not close cleanly: {}", e.getMessage());
        }
    }
}
