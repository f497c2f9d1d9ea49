package io.tradingstack.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(VertxExtension.class)
class RepliesTest {

    @Test
    void codedFailuresCrossTheBus(Vertx vertx, VertxTestContext test) {
        vertx.eventBus().<String>consumer("ts.test.replies", msg -> {
            assertEquals("corr-1", Headers.correlationId(msg.headers()));
            assertEquals("probe", Headers.messageType(msg.headers()));
            Replies.fail(msg, new CodedException(ErrorCode.ORDER_INSUFFICIENT_CASH, "need 10, have 5"));
        });
        vertx.eventBus().request("ts.test.replies", "x", Headers.of("probe", Instant.EPOCH, "corr-1"))
                .onComplete(test.failing(err -> test.verify(() -> {
                    assertEquals(ErrorCode.ORDER_INSUFFICIENT_CASH, Replies.codeOf(err));
                    assertEquals("need 10, have 5", err.getMessage());
                    test.completeNow();
                })));
    }

    @Test
    void transportFailuresMapToBusCodes(Vertx vertx, VertxTestContext test) {
        vertx.eventBus().request("ts.test.nobody", "x", new DeliveryOptions().setSendTimeout(200))
                .onComplete(test.failing(err -> test.verify(() -> {
                    assertEquals(ErrorCode.BUS_NO_HANDLER, Replies.codeOf(err));
                    test.completeNow();
                })));
    }

    @Test
    void codesAreUniqueAndInTheirComponentRange() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(true, seen.add(c.code()), "duplicate " + c.code());
            assertEquals(c, ErrorCode.of(c.code()).orElseThrow());
        }
        assertEquals("ledger", ErrorCode.LEDGER_UNBALANCED.component());
        assertEquals("mcp", ErrorCode.MCP_BAD_ARGUMENTS.component());
        assertEquals("strategy", ErrorCode.STRATEGY_RULE_SYNTAX.component());
        assertEquals("strategy", ErrorCode.STRATEGY_STORAGE.component());
        assertEquals("agents", ErrorCode.AGENT_BAD_REQUEST.component());
    }

    /** A Temporal failure's code travels as its type: as the failure itself, or as its rendering (the embedded server's query failures). */
    @Test
    void aFailureTypeIsReadAsItsCode() {
        io.temporal.failure.ApplicationFailure notReady =
                io.temporal.failure.ApplicationFailure.newNonRetryableFailure("still loading, type='x'", ErrorCode.NOT_READY.name());
        assertEquals(ErrorCode.NOT_READY, ErrorCode.of(new RuntimeException("query failed", notReady)));
        assertEquals(ErrorCode.NOT_READY, ErrorCode.of(new RuntimeException("INVALID_ARGUMENT: " + notReady)));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.of(new RuntimeException("NOT_READY: an untyped message names no code")));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.of(new RuntimeException(
                io.temporal.failure.ApplicationFailure.newFailure("x", "SOMEONE_ELSES_TYPE").toString())));
    }
}
