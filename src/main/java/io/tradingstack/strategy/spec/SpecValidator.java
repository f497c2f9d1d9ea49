package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a spec in JSON in four steps, stopping at the first that fails: size and syntax (strict:
 * duplicate keys refused), the JSON Schema, binding to {@link StrategySpec} (its constructors'
 * checks), and compiling every rule. Never throws for bad input: everything becomes a
 * {@link Problem} in the {@link ValidationReport}.
 */
public final class SpecValidator {
    /** A spec is small; this bounds the work done on a hostile one. */
    public static final int MAX_CHARS = 65_536;
    /** The project's mapper, reading strictly: duplicate keys, unknown properties, trailing tokens and deep nesting refused. */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build())
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SpecValidator() {
    }

    public static ValidationReport validate(String json, List<String> timeframes, Instant now) {
        if (json == null || json.isBlank()) {
            return ValidationReport.invalid(List.of(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "", "empty spec")));
        }
        if (json.length() > MAX_CHARS) {
            return ValidationReport.invalid(List.of(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "",
                    "spec has " + json.length() + " characters; at most " + MAX_CHARS + " are accepted")));
        }
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (Exception e) {
            return ValidationReport.invalid(List.of(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "",
                    "not valid JSON: " + firstLine(e.getMessage()))));
        }
        return validate(node, timeframes, now);
    }

    public static ValidationReport validate(JsonNode node, List<String> timeframes, Instant now) {
        List<Problem> schema = SpecSchema.check(node);
        if (!schema.isEmpty()) {
            return ValidationReport.invalid(schema);
        }
        StrategySpec spec;
        try {
            spec = bind(node);
        } catch (SpecException e) {
            return ValidationReport.invalid(e.problems());
        }
        return validate(spec, timeframes, now);
    }

    /**
     * Binds JSON to the record without the schema: the record's own checks only (tests use it to
     * show the schema and the record agree).
     */
    public static StrategySpec bind(JsonNode node) {
        try {
            return STRICT.forType(StrategySpec.class).readValue(node);
        } catch (Exception e) {
            throw new SpecException(List.of(bindingProblem(e)));
        }
    }

    /** Compiles an already built spec and adds the warnings. */
    public static ValidationReport validate(StrategySpec spec, List<String> timeframes, Instant now) {
        CompiledSpec compiled;
        try {
            compiled = CompiledSpec.compile(spec, timeframes);
        } catch (SpecException e) {
            return ValidationReport.invalid(e.problems());
        }
        return new ValidationReport(true, spec, compiled, List.of(), warnings(compiled, now));
    }

    private static List<Problem> warnings(CompiledSpec compiled, Instant now) {
        List<Problem> out = new ArrayList<>();
        StrategySpec spec = compiled.spec();
        for (int i = 0; i < spec.triggers().size(); i++) {
            Trigger t = spec.triggers().get(i);
            if (t.direction() == TriggerDirection.SHORT) {
                out.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "triggers[" + i + "].direction",
                        "short entries need a book that can go short; the paper book is spot, so the risk gate refuses them"));
            }
        }
        for (CompiledTrigger t : compiled.triggers()) {
            if (t.entry() != null && t.entry().constant()) {
                out.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "trigger " + t.id() + " entry_rule",
                        "the entry rule reads no feature: it gives the same answer on every bar"));
            }
        }
        if (spec.validUntil() != null && now != null && !now.isBefore(spec.validUntil())) {
            out.add(Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, "valid_until",
                    "valid_until " + spec.validUntil() + " has passed: the spec allows no new entries"));
        }
        return out;
    }

    private static Problem bindingProblem(Exception e) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CodedException)) {
            cause = cause.getCause();
        }
        String message = cause instanceof CodedException ? cause.getMessage() : firstLine(e.getMessage());
        return Problem.of(ErrorCode.STRATEGY_SPEC_INVALID, path, message);
    }

    private static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    /** A spec as JSON (snake_case, absent fields omitted). */
    public static String toJson(StrategySpec spec) {
        return Json.write(spec);
    }
}
