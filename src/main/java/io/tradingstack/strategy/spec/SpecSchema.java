package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tradingstack.bus.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shipped JSON Schema of a spec ({@value #RESOURCE}), loaded once and applied before binding. */
public final class SpecSchema {
    public static final String RESOURCE = "/strategy/strategy-spec.schema.json";
    private static final int MAX_PROBLEMS = 20;
    private static final Schema SCHEMA = load();

    private SpecSchema() {
    }

    private static Schema load() {
        try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema text, for tools that hand it to clients or models. */
    public static String text() {
        try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema violations of {@code node}, at most {@value #MAX_PROBLEMS}; empty when it conforms. */
    public static List<Problem> check(JsonNode node) {
        List<Problem> out = new ArrayList<>();
        for (Error e : SCHEMA.validate(node)) {
            if (out.size() == MAX_PROBLEMS) {
                break;
            }
            out.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, path(e.getInstanceLocation().toString()), e.getMessage()));
        }
        return out;
    }

    /** "/triggers/0/entry_rule" (or "$.triggers[0]...") as "triggers[0].entry_rule", the form rule problems use. */
    static String path(String location) {
        if (location.startsWith("$")) {
            return location.startsWith("$.") ? location.substring(2) : location.substring(1);
        }
        StringBuilder b = new StringBuilder();
        for (String part : location.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }
}
