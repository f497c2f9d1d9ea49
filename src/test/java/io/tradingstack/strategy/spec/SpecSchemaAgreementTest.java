package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingstack.bus.Json;
import io.tradingstack.risk.RiskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped JSON Schema and the {@link StrategySpec} records describe the same thing: the same
 * property names, the same enum values, and on a table of edits to a valid spec both accept or both
 * refuse.
 */
class SpecSchemaAgreementTest {
    static final JsonNode SCHEMA = read(SpecSchema.text());

    /** A spec using every field. */
    static final String FULL = """
            {"id": "btc-full", "version": 3, "market": "BTC-USD", "timeframe": "5m",
             "triggers": [
               {"id": "t_long", "category": "trend_continuation", "direction": "long", "confidence_grade": "A",
                "entry_rule": "rsi_14 crosses_above 50", "exit_rule": "rsi_14 > 75", "rationale": "why"},
               {"id": "t_exit", "category": "emergency_exit", "direction": "exit", "exit_rule": "vol_state == 'extreme'"}],
             "stop_loss": {"type": "atr", "value": 2.5}, "take_profit": {"type": "pct", "value": 3},
             "sizing": {"rule": "vol_target", "target_vol_pct": 2, "max_fraction": 0.5},
             "risk_overrides": {"max_position_risk_pct": 1, "max_symbol_exposure_pct": 20, "max_portfolio_exposure_pct": 50,
               "max_daily_loss_pct": 2, "max_daily_risk_budget_pct": 4, "max_trades_per_day": 10, "direction_vetoes": ["short"]},
             "valid_until": "2030-01-01T00:00:00Z", "allow_auto_execute": true, "rationale": "r", "notes": "n",
             "author": "user", "created_at": "2026-01-01T00:00:00Z"}
            """;

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void propertyNamesAgree() {
        assertEquals(jsonNames(StrategySpec.class), names(SCHEMA.get("properties")));
        JsonNode defs = SCHEMA.get("$defs");
        assertEquals(jsonNames(Trigger.class), names(defs.get("trigger").get("properties")));
        assertEquals(jsonNames(Level.class), names(defs.get("level").get("properties")));
        assertEquals(jsonNames(RiskOverrides.class), names(defs.get("risk_overrides").get("properties")));
        Set<String> sizing = new TreeSet<>();
        defs.get("sizing").get("oneOf").forEach(branch -> sizing.addAll(names(branch.get("properties"))));
        assertEquals(jsonNames(Sizing.class), sizing);
    }

    @Test
    void riskOverridesUseTheReferenceRiskKeys() {
        Set<String> keys = names(SCHEMA.get("$defs").get("risk_overrides").get("properties"));
        assertTrue(RiskConfig.KEYS.containsAll(keys), keys.toString());
    }

    @Test
    void enumValuesAgree() {
        JsonNode defs = SCHEMA.get("$defs");
        assertEquals(keys(TriggerCategory.values()), values(defs.get("trigger").get("properties").get("category")));
        assertEquals(keys(TriggerDirection.values()), values(defs.get("trigger").get("properties").get("direction")));
        assertEquals(keys(ConfidenceGrade.values()), values(defs.get("trigger").get("properties").get("confidence_grade")));
        assertEquals(keys(LevelType.values()), values(defs.get("level").get("properties").get("type")));
        assertEquals(keys(Author.values()), values(SCHEMA.get("properties").get("author")));
        Set<String> rules = new TreeSet<>();
        defs.get("sizing").get("oneOf").forEach(b -> rules.add(b.get("properties").get("rule").get("const").asText()));
        assertEquals(keys(SizingRule.values()), rules);
    }

    @Test
    void theFullSpecPassesBothAndRoundTrips() {
        JsonNode node = read(FULL);
        assertEquals(java.util.List.of(), SpecSchema.check(node));
        StrategySpec spec = SpecValidator.bind(node);
        String again = SpecValidator.toJson(spec);
        assertEquals(java.util.List.of(), SpecSchema.check(read(again)));
        assertEquals(spec, SpecValidator.bind(read(again)));
    }

    /** Each row edits FULL (a JSON pointer and a new JSON value, or "-" to remove) and says whether it stays valid. */
    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /id                                 | "Bad Id"                        | false
            /id                                 | -                               | false
            /version                            | -                               | true
            /version                            | 0                               | false
            /market                             | "btc-usd"                       | false
            /market                             | -                               | false
            /timeframe                          | "5x"                            | false
            /timeframe                          | "1h"                            | true
            /triggers                           | []                              | false
            /triggers/0/direction               | "sideways"                      | false
            /triggers/0/category                | "risk_off"                      | false
            /triggers/0/entry_rule              | -                               | false
            /triggers/0/exit_rule               | -                               | true
            /triggers/0/confidence_grade        | -                               | true
            /triggers/0/confidence_grade        | "D"                             | false
            /triggers/0/rationale               | -                               | true
            /triggers/1/entry_rule              | "close > 1"                     | false
            /triggers/1/exit_rule               | -                               | false
            /triggers/1/category                | "trend_continuation"            | false
            /triggers/1/category                | "other"                         | true
            /triggers/0/extra                   | 1                               | false
            /stop_loss                          | -                               | false
            /stop_loss/value                    | 0                               | false
            /stop_loss/value                    | 20                              | true
            /stop_loss/value                    | 21                              | false
            /stop_loss/type                     | "pct"                           | true
            /take_profit                        | {"type": "pct", "value": 50}    | true
            /take_profit                        | {"type": "pct", "value": 51}    | false
            /take_profit                        | {"type": "ticks", "value": 5}   | false
            /take_profit                        | -                               | true
            /sizing                             | {"rule": "fixed_fraction", "fraction": 1} | true
            /sizing                             | {"rule": "fixed_fraction", "fraction": 1.5} | false
            /sizing                             | {"rule": "fixed_fraction"}      | false
            /sizing                             | {"rule": "risk_at_stop", "risk_pct": 0.5} | true
            /sizing                             | {"rule": "risk_at_stop", "risk_pct": 0} | false
            /sizing                             | {"rule": "risk_at_stop", "risk_pct": 11} | false
            /sizing                             | {"rule": "risk_at_stop", "risk_pct": 1, "fraction": 0.2} | false
            /sizing                             | {"rule": "vol_target", "target_vol_pct": 2} | true
            /sizing                             | {"rule": "vol_target", "target_vol_pct": 2, "max_fraction": 2} | false
            /sizing                             | {"rule": "kelly"}               | false
            /sizing                             | -                               | false
            /risk_overrides                     | -                               | true
            /risk_overrides                     | {}                              | true
            /risk_overrides/max_position_risk_pct | 0                             | false
            /risk_overrides/max_position_risk_pct | 101                           | false
            /risk_overrides/max_trades_per_day  | -1                              | false
            /risk_overrides/direction_vetoes    | ["sideways"]                    | false
            /risk_overrides/symbol_vetoes       | ["BTC-USD"]                     | false
            /allow_auto_execute                 | -                               | true
            /allow_auto_execute                 | "yes"                           | false
            /author                             | "robot"                         | false
            /author                             | -                               | false
            /valid_until                        | -                               | true
            /created_at                         | -                               | true
            /rationale                          | -                               | true
            /notes                              | -                               | true
            /unknown_field                      | 1                               | false
            """)
    void schemaAndRecordAgree(String pointer, String value, boolean valid) {
        ObjectNode doc = (ObjectNode) read(FULL);
        edit(doc, pointer, value);
        boolean bySchema = SpecSchema.check(doc).isEmpty();
        boolean byRecord;
        try {
            SpecValidator.bind(doc);
            byRecord = true;
        } catch (SpecException e) {
            byRecord = false;
        }
        assertEquals(valid, bySchema, "schema on " + doc);
        assertEquals(valid, byRecord, "record on " + doc);
    }

    @Test
    void tooManyTriggersAreRefusedByBoth() {
        ObjectNode doc = (ObjectNode) read(FULL);
        ArrayNode triggers = (ArrayNode) doc.get("triggers");
        for (int i = 0; i < 15; i++) {
            ObjectNode t = triggers.get(0).deepCopy();
            t.put("id", "t" + i);
            triggers.add(t);
        }
        assertTrue(SpecSchema.check(doc).stream().anyMatch(p -> p.path().equals("triggers")), SpecSchema.check(doc).toString());
        assertEquals(false, bindable(doc));
        triggers.remove(16);
        assertTrue(SpecSchema.check(doc).isEmpty());
        assertTrue(bindable(doc));
    }

    private static boolean bindable(JsonNode doc) {
        try {
            SpecValidator.bind(doc);
            return true;
        } catch (SpecException e) {
            return false;
        }
    }

    static void edit(ObjectNode doc, String pointer, String value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = doc.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), read(value));
            return;
        }
        ObjectNode o = (ObjectNode) parent;
        if ("-".equals(value)) {
            o.remove(last);
        } else {
            o.set(last, read(value));
        }
    }

    private static Set<String> jsonNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(SpecSchemaAgreementTest::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        if (p == null && c.getAccessor().getAnnotation(JsonProperty.class) != null) {
            p = c.getAccessor().getAnnotation(JsonProperty.class);
        }
        return p != null ? p.value() : c.getName();
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        Iterator<String> it = properties.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> values(JsonNode enumSchema) {
        Set<String> out = new TreeSet<>();
        enumSchema.get("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<String> keys(Enum<?>[] values) {
        Set<String> out = new TreeSet<>();
        for (Enum<?> e : values) {
            out.add(e instanceof ConfidenceGrade g ? g.key() : e.name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }
}
