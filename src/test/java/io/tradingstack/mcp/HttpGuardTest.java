package io.tradingstack.mcp;

import io.tradingstack.runtime.HttpGuard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpGuardTest {
    @Test
    void loopbackIsAlwaysAllowedOthersOnlyWhenListed() {
        HttpGuard guard = new HttpGuard("127.0.0.1", List.of("https://Desk.Example.com"), "");
        assertTrue(guard.check(null, "127.0.0.1:8080", null).allowed());
        assertTrue(guard.check("http://localhost:5173", "localhost:8080", null).allowed());
        assertTrue(guard.check("http://[::1]:5173", "[::1]:8080", null).allowed());
        assertTrue(guard.check("https://desk.example.com", "desk.example.com", null).allowed());
        assertEquals(403, guard.check("https://evil.example", "127.0.0.1:8080", null).status());
        assertEquals(403, guard.check(null, "evil.example:8080", null).status());
        assertEquals(403, guard.check(null, null, null).status());
        assertEquals(403, guard.check("null", "localhost", null).status());
        assertEquals(403, guard.check("file:///etc/passwd", "localhost", null).status());
    }

    @Test
    void bearerTokenIsComparedExactly() {
        HttpGuard guard = new HttpGuard("0.0.0.0", List.of(), "tok");
        assertTrue(guard.authRequired());
        assertEquals(401, guard.check(null, "localhost", null).status());
        assertEquals(401, guard.check(null, "localhost", "Bearer to").status());
        assertEquals(401, guard.check(null, "localhost", "Bearer tokk").status());
        assertTrue(guard.check(null, "localhost", "Bearer tok").allowed());
        assertTrue(guard.check(null, "localhost", "bearer tok").allowed());
        assertFalse(new HttpGuard("127.0.0.1", List.of(), "").authRequired());
    }

    @Test
    void hostCheckComesBeforeAuthentication() {
        HttpGuard guard = new HttpGuard("127.0.0.1", List.of(), "tok");
        assertEquals(403, guard.check(null, "attacker.example", "Bearer tok").status());
    }
}
