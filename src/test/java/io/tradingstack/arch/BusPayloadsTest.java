package io.tradingstack.arch;

import io.tradingstack.app.BusMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Internal bus payloads are records with codecs; JsonObject bodies only where the endpoint is an
 * edge that takes JSON as it comes (the reference-shaped intents of execution; listed here, so
 * adding one is a decision).
 */
class BusPayloadsTest {
    private static final Pattern CONSUMER = Pattern.compile("<([A-Za-z.]+)>consumer\\((Addresses\\.\\w+)");
    /** Endpoints that still take JSON bodies. */
    private static final Set<String> JSON_ENDPOINTS = Set.of(
            "Addresses.EXECUTION_PLACE", "Addresses.EXECUTION_CANCEL");
    /** Bodies that need no codec of ours: ignored bodies, strings, and the LLM's records (registered by the llm component). */
    private static final Set<String> NO_CODEC = Set.of("Object", "String", "JsonObject", "LlmCall");

    @Test
    void consumersTakeRecordsWithCodecs() throws IOException {
        Set<String> registered = new TreeSet<>();
        BusMessages.ALL.forEach(t -> registered.add(t.getName().substring(t.getPackageName().length() + 1).replace('$', '.')));
        List<String> json = new ArrayList<>();
        List<String> uncoded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONSUMER.matcher(Files.readString(f));
                while (m.find()) {
                    String type = m.group(1);
                    if (type.equals("JsonObject") && !JSON_ENDPOINTS.contains(m.group(2))) {
                        json.add(m.group(2));
                    }
                    if (!NO_CODEC.contains(type) && !registered.contains(type)) {
                        uncoded.add(m.group(2) + " takes " + type);
                    }
                }
            }
        }
        assertEquals(List.of(), json, "internal endpoints taking JsonObject");
        assertEquals(List.of(), uncoded, "consumer bodies without a registered codec");
    }
}
