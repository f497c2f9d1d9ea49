package io.tradingstack.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingstack.bus.Json;

/** The tests' reader of report.json (decimals exact, written plain when a test re-serializes). */
final class ReportMapper {
    static final ObjectMapper MAPPER = Json.MAPPER.copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ReportMapper() {
    }
}
