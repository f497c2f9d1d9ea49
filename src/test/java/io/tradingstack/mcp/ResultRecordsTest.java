package io.tradingstack.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.tradingstack.backtest.BacktestSummary;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.RuleEnvironment;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The states of a result the contract run does not reach (an agent that does not run, a report file
 * that is gone, a spec that does not parse) still match the schema derived from their record.
 */
class ResultRecordsTest {
    private static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();

    private static Map<String, Object> checked(Type type, Object value) {
        Map<String, Object> plain = Plain.object(value);
        JsonSchemaValidator.ValidationResponse r = VALIDATOR.validate(PlainSchema.of(type), plain);
        assertTrue(r.valid(), r.errorMessage() + " in " + plain);
        return plain;
    }

    @Test
    void anExecutionAgentThatDoesNotRunHasNullsWhereItsStateWouldBe() {
        Map<String, Object> state = checked(ExecutionTools.State.class, ExecutionTools.State.notRunning(false, "execution-agent-q"));
        assertEquals(false, state.get("running"));
        assertTrue(state.containsKey("last_decisions"));
        assertNull(state.get("mode"));
    }

    @Test
    void aBacktestWhoseReportIsGoneSaysWhyItsMetricsAreMissing() {
        BacktestSummary s = new BacktestSummary("BTC-USD", "1h", 72, 0, new BigDecimal("1400.00000000"), BigDecimal.ZERO,
                BigDecimal.ZERO, 9000, "/nonexistent/report.json", "/nonexistent/report.html");
        Map<String, Object> done = checked(BacktestTools.Answer.class, BacktestTools.done("backtest-mcp-0", s));
        assertNull(done.get("counts"));
        assertTrue(String.valueOf(done.get("report_note")).startsWith("report file unreadable"), done.toString());
        checked(BacktestTools.Answer.class, new BacktestTools.Progress("backtest-mcp-0", "RUNNING", 10, 72, 10 / 72.0));
    }

    @Test
    void anInvalidSpecHasNoneOfTheKeysOfAValidOne() {
        Map<String, Object> invalid = checked(SpecTools.Validation.class, SpecTools.Validation.of(
                StrategySpecs.validate("{\"id\": 1}", RuleEnvironment.defaultTimeframes(), null)));
        assertEquals(false, invalid.get("valid"));
        assertFalse(invalid.containsKey("timeframes_read"), invalid.toString());
        assertFalse(((java.util.List<?>) invalid.get("errors")).isEmpty());
    }
}
