package io.tradingstack.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Plain;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result converted once (tree + text) says on the wire what the map said; the cached validator agrees with the SDK's. */
class StructuredJsonTest {
    private static Map<String, Object> result() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("quantity", new BigDecimal("0.0100"));
        detail.put("fee", new BigDecimal("1E-8"));
        detail.put("age_seconds", 3L);
        detail.put("note", null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cash", new BigDecimal("99701.69928377"));
        out.put("funding", new BigDecimal("1E+5"));
        out.put("ratio", 1.0E-5);
        out.put("live", true);
        out.put("count", 2);
        out.put("as_of", Instant.parse("2026-12-02T16:31:41.624Z"));
        out.put("details", Map.of("BTC-USD", detail));
        out.put("rejected", List.of());
        return Plain.object(out);
    }

    @Test
    void textIsTheMapsJsonAndTheWireCarriesItAsTheStructuredContent() throws Exception {
        Map<String, Object> structured = result();
        StructuredJson json = StructuredJson.of(structured);

        assertEquals(Json.MAPPER.writeValueAsString(structured), json.text());
        for (String exact : List.of("\"fee\":0.00000001", "\"funding\":100000", "\"quantity\":0.01", "\"ratio\":1.0E-5")) {
            assertTrue(json.text().contains(exact), exact + " in " + json.text());
        }
        String wire = McpServers.resultMapper().writeValueAsString(McpSchema.CallToolResult.builder()
                .structuredContent(json).addTextContent(json.text()).isError(false).build());
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wire);
        assertTrue(wire.contains("\"structuredContent\":" + json.text()), wire);
        assertEquals(json.text(), sent.get("content").get(0).get("text").asText());
    }

    @Test
    void compiledValidatorGivesTheSdkDefaultsVerdictsAndCompilesEachSchemaOnce() {
        Map<String, Object> schema = Schemas.resultOrError(Map.of("type", "object",
                "properties", Map.of("cash", Map.of("type", "number"), "live", Map.of("type", "boolean")),
                "required", List.of("cash", "live")));
        CompiledSchemaValidator compiled = new CompiledSchemaValidator();
        JsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        Map<String, Object> bad = new LinkedHashMap<>(result());
        bad.put("live", "yes");

        StructuredJson good = StructuredJson.of(result());
        JsonSchemaValidator.ValidationResponse ok = compiled.validate(schema, good);
        assertTrue(ok.valid(), ok.errorMessage());
        assertSame(good.text(), ok.jsonStructuredOutput());
        assertTrue(sdk.validate(schema, result()).valid());
        assertTrue(compiled.validate(schema, result()).valid());

        JsonSchemaValidator.ValidationResponse refused = compiled.validate(schema, StructuredJson.of(bad));
        assertFalse(sdk.validate(schema, bad).valid());
        assertFalse(refused.valid());
        assertTrue(refused.errorMessage().startsWith("Validation failed: JSON schema validation errors:")
                && refused.errorMessage().contains("live"), refused.errorMessage());
        Map<String, Object> noArguments = Schemas.empty();
        assertTrue(compiled.validate(noArguments, Map.of()).valid());
        assertEquals(sdk.validate(noArguments, Map.of("x", 1)).valid(), compiled.validate(noArguments, Map.of("x", 1)).valid());
        assertEquals(2, compiled.compiledCount());
    }
}
