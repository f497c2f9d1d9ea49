package io.tradingstack.mcp;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A tool's schema is derived from its result type, so an answer of another type is refused, not published. */
class ToolResultTypeTest {
    private static final ToolSpec STOP = ToolSpec.of("stop_market_stream", Tier.MARKET, "stop", Schemas.empty(),
            MarketTools.StreamState.class, ToolSpec.Hints.READ, call -> Future.succeededFuture());

    @Test
    void theDeclaredRecordPassesAndItsSchemaIsDerivedFromIt() {
        ToolResult ok = ToolResult.ok(new MarketTools.StreamState(DurableNames.MarketStream.ID, "run-1", "stopped", List.of()));
        assertSame(ok, ToolCatalogue.declared(STOP, ok));
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) STOP.outputSchema().get("properties");
        assertEquals(List.copyOf(ok.structured().keySet()), List.copyOf(props.keySet()));
    }

    @Test
    void aMapWithTheSameKeysIsStillNotTheDeclaredType() {
        Map<String, Object> lookalike = new LinkedHashMap<>();
        lookalike.put("workflow_id", DurableNames.MarketStream.ID);
        lookalike.put("run_id", "run-1");
        lookalike.put("status", "stopped");
        lookalike.put("symbols", List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ToolCatalogue.declared(STOP, ToolResult.ok(lookalike)));
        assertEquals(true, e.getMessage().contains("declares its result as"), e.getMessage());
    }

    @Test
    void errorsAreNeverTypeChecked() {
        ToolResult error = ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, "bad");
        assertSame(error, ToolCatalogue.declared(STOP, error));
    }
}
