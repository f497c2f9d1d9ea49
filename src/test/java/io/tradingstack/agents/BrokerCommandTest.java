package io.tradingstack.agents;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker command's endpoint defaults, and one readable coded line when no stack answers there. */
class BrokerCommandTest {

    @Test
    void theDefaultEndpointIsTheLocalStacksOnLoopbackForAWildcardBind() {
        assertEquals("http://127.0.0.1:7001/mcp", BrokerCommand.defaultUrl(TestInfra.config(Map.of("BIND_HOST", "0.0.0.0", "MCP_AUTH_TOKEN", "t",
                "MCP_PORT", "7001"))));
        assertEquals("http://[::1]:7002/mcp", BrokerCommand.defaultUrl(TestInfra.config(Map.of("BIND_HOST", "::1",
                "MCP_PORT", "7002"))));
        assertEquals("http://127.0.0.1:7003/mcp", BrokerCommand.defaultUrl(TestInfra.config(Map.of("BIND_HOST", "127.0.0.1",
                "MCP_PORT", "7003"))));
    }

    @Test
    void noStackAtTheEndpointIsOneCodedLineWithoutTheToken() {
        String token = "secret-token-never-shown";
        String url = "http://127.0.0.1:" + TestInfra.freePort() + "/mcp";
        CodedException e = assertThrows(CodedException.class, () -> StackClient.connect(url, token));
        assertEquals(ErrorCode.BROKER_STACK_UNREACHABLE, e.code());
        assertTrue(e.getMessage().startsWith("cannot reach the stack's MCP server at " + url), e.getMessage());
        assertFalse(e.getMessage().contains(token));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
