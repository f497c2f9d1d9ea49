package io.tradingstack.app;

import io.tradingstack.testing.Processes;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two JVM processes join the Hazelcast cluster on loopback; a request/reply and a publish cross. */
class ClusterTest {

    @Test
    void requestReplyAndPublishCrossBetweenTwoJvms() throws Exception {
        int portA = TestInfra.freePort();
        int portB = TestInfra.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        try (Processes.Proc a = Processes.java(ClusterProbeNode.class, "a", String.valueOf(portA), members);
             Processes.Proc b = Processes.java(ClusterProbeNode.class, "b", String.valueOf(portB), members)) {
            assertTrue(a.awaitLine("A-READY", Duration.ofSeconds(90)), a.output());
            assertTrue(b.awaitLine("B-GOT-REPLY echo of b", Duration.ofSeconds(90)), b.output());
            assertTrue(b.awaitLine("B-PUBLISHED", Duration.ofSeconds(10)), b.output());
            assertTrue(a.awaitLine("A-GOT-PUBLISH hello-from-b", Duration.ofSeconds(30)), a.output());
        }
    }
}
