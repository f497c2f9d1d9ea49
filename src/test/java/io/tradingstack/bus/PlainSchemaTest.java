package io.tradingstack.bus;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record is the one source of a result and its schema: what Plain makes of it matches what PlainSchema says. */
class PlainSchemaTest {
    private static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();

    enum Side { BUY, SELL }

    record Leg(@Doc("product") String symbol, @Doc("side") Side side, @Doc(value = "quantity", min = 0) long units) {
    }

    @Doc("a sample result")
    record Sample(@Doc("cash") BigDecimal cashValue,
                  @Doc(value = "mark, null when unknown", nullable = true) BigDecimal markPrice,
                  @Doc("when") Instant asOf,
                  @Doc("day") LocalDate tradingDay,
                  @Doc(value = "state", oneOf = {"ok", "degraded"}) String status,
                  @Doc(value = "side of the last order, null before the first", nullable = true) Side lastSide,
                  @Doc("legs") List<Leg> legs,
                  @Doc("per product") Map<String, Leg> bySymbol,
                  @Doc("flag") boolean live,
                  @Doc("ratio") double ratio) {
    }

    @Doc("a run: its progress, or its outcome once done")
    sealed interface Run permits Running, Done {
    }

    record Running(@Doc(value = "bars done", min = 0) long barsDone) implements Run {
    }

    record Done(@Doc("final equity") BigDecimal finalEquity, @Doc("legs") List<Leg> legs) implements Run {
    }

    record Ratios(@Doc(value = "share per product; null where undefined", nullableValues = true) Map<String, Double> share,
                  @Doc(value = "counts", min = 0) Map<String, Integer> counts) {
    }

    record Open(@Doc("a known key") String style,
                @Doc(value = "a key that is a Java keyword", key = "default") int byDefault,
                @Doc(value = "any other key", spread = true) Map<String, Object> others) {
    }

    record Undocumented(@Doc("a") String a, String b) {
    }

    private static Sample sample(BigDecimal mark, String status) {
        Leg leg = new Leg("BTC-USD", Side.BUY, 2);
        return new Sample(new BigDecimal("1000.50"), mark, Instant.parse("2026-05-01T12:00:00Z"), LocalDate.of(2026, 5, 1),
                status, null, List.of(leg), Map.of("BTC-USD", leg), true, 0.25);
    }

    private static boolean valid(Class<? extends Record> type, Object value) {
        return VALIDATOR.validate(PlainSchema.of(type), Plain.of(value)).valid();
    }

    @Test
    void theConvertedRecordMatchesItsSchema() {
        assertTrue(valid(Sample.class, sample(new BigDecimal("64000.1"), "ok")));
        assertTrue(valid(Sample.class, sample(null, "degraded")));
        Map<String, Object> schema = PlainSchema.of(Sample.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        assertEquals(List.of("cash_value", "mark_price", "as_of", "trading_day", "status", "last_side", "legs", "by_symbol",
                "live", "ratio"), List.copyOf(props.keySet()));
        assertEquals(List.copyOf(props.keySet()), schema.get("required"));
        assertEquals(false, schema.get("additionalProperties"));
        assertEquals("a sample result", schema.get("description"));
        assertEquals(Plain.object(sample(null, "ok")).keySet(), props.keySet());
    }

    @Test
    void valuesOutsideTheSchemaAreRefused() {
        assertFalse(valid(Sample.class, sample(null, "broken")), "a string outside oneOf");
        Map<String, Object> converted = Plain.object(sample(null, "ok"));
        converted.put("cash_value", null);
        assertFalse(VALIDATOR.validate(PlainSchema.of(Sample.class), converted).valid(), "null where not nullable");
        converted = Plain.object(sample(null, "ok"));
        converted.put("extra", 1);
        assertFalse(VALIDATOR.validate(PlainSchema.of(Sample.class), converted).valid(), "an undeclared key");
        converted = Plain.object(sample(null, "ok"));
        converted.remove("ratio");
        assertFalse(VALIDATOR.validate(PlainSchema.of(Sample.class), converted).valid(), "a missing key");
    }

    @Test
    void keyedResultsAndUndocumentedFields() {
        Map<String, Object> keyed = PlainSchema.of(PlainSchema.mapOf(PlainSchema.listOf(Leg.class)));
        assertTrue(VALIDATOR.validate(keyed, Plain.of(Map.of("ETH-USD", List.of(new Leg("ETH-USD", Side.SELL, 1))))).valid());
        assertFalse(VALIDATOR.validate(keyed, Map.of("ETH-USD", List.of(Map.of("symbol", "ETH-USD")))).valid());
        assertTrue(PlainSchema.accepts(PlainSchema.mapOf(Leg.class), java.util.LinkedHashMap.class));
        assertFalse(PlainSchema.accepts(Sample.class, Leg.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlainSchema.of(Undocumented.class));
        assertTrue(e.getMessage().contains("Undocumented.b has no @Doc"), e.getMessage());
    }

    @Test
    void aSealedInterfaceOfRecordsIsAnyOneOfThem() {
        Map<String, Object> schema = PlainSchema.of(Run.class);
        assertEquals("object", schema.get("type"));
        assertTrue(VALIDATOR.validate(schema, Plain.of(new Running(3))).valid());
        assertTrue(VALIDATOR.validate(schema, Plain.of(new Done(BigDecimal.TEN, List.of()))).valid());
        assertFalse(VALIDATOR.validate(schema, Map.of("bars_done", 3, "final_equity", 10)).valid(), "keys of both");
        assertTrue(PlainSchema.accepts(Run.class, Done.class));
        Map<String, Object> optional = PlainSchema.of(Nested.class);
        assertTrue(VALIDATOR.validate(optional, Plain.object(new Nested(null))).valid(), "a nullable alternative");
        assertFalse(VALIDATOR.validate(optional, Map.of("run", Map.of())).valid());
    }

    record Nested(@Doc(value = "the run, null before it starts", nullable = true) Run run) {
    }

    @Test
    void mapValuesAreNullableOnlyWhenDocumentedSoAndKeepTheirMinimum() {
        Map<String, Object> share = new java.util.HashMap<>();
        share.put("BTC-USD", null);
        Map<String, Object> counts = new java.util.HashMap<>();
        assertTrue(VALIDATOR.validate(PlainSchema.of(Ratios.class), Map.of("share", share, "counts", counts)).valid());
        counts.put("BTC-USD", -1);
        assertFalse(VALIDATOR.validate(PlainSchema.of(Ratios.class), Map.of("share", share, "counts", counts)).valid(),
                "the minimum applies to the values");
        counts.put("BTC-USD", null);
        assertFalse(VALIDATOR.validate(PlainSchema.of(Ratios.class), Map.of("share", share, "counts", counts)).valid());
    }

    @Test
    void spreadKeysJoinTheObjectAndKeysMayBeNamed() {
        Map<String, Object> others = new java.util.LinkedHashMap<>();
        others.put("scrapeShare", new BigDecimal("0.20"));
        others.put("style", "ignored: the component wins");
        Map<String, Object> converted = Plain.object(new Open("balanced", 3, others));
        assertEquals(Map.of("style", "balanced", "default", 3, "scrape_share", new BigDecimal("0.2")), converted);
        assertTrue(VALIDATOR.validate(PlainSchema.of(Open.class), converted).valid());
        converted.remove("style");
        assertFalse(VALIDATOR.validate(PlainSchema.of(Open.class), converted).valid(), "the known key stays required");
    }
}
