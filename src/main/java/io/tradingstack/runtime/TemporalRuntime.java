package io.tradingstack.runtime;

import io.grpc.Deadline;
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

    private TemporalRuntime(TestServer.InProcessTestServer embedded, WorkflowServiceStubs stubs, String namespace, String location) {
        this.embedded = embedded;
        this.stubs = stubs;
        this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
        this.location = location;
    }

    /** Starts the embedded service when {@code address} is empty, else connects to it. Blocking. */
    public static TemporalRuntime start(String address, String namespace) {
        if (address == null || address.isEmpty()) {
            // lockTimeSkipping = true: the server runs in real time and never fast-forwards timers.
            TestServer.InProcessTestServer server = TestServer.createServer(true);
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.getChannel()).build());
            LOG.info("Embedded Temporal service started (in-process, real time, namespace {})", namespace);
            return new TemporalRuntime(server, stubs, namespace, "embedded (in-process, in memory)");
        }
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build(), java.time.Duration.ofSeconds(10));
        LOG.info("Connected to Temporal at {} (namespace {})", address, namespace);
        return new TemporalRuntime(null, stubs, namespace, address);
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
    }
}
