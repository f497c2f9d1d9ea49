package io.tradingstack.durable;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No input can make an activity retry forever: every RetryOptions built in the code base sets a
 * maximum number of attempts (Temporal's default is unlimited).
 */
class BoundedRetriesTest {
    private static final Pattern BUILDER = Pattern.compile("RetryOptions\\.newBuilder\\(\\)(.*?)\\.build\\(\\)", Pattern.DOTALL);

    @Test
    void everyRetryPolicyHasAMaximumNumberOfAttempts() throws Exception {
        List<String> unbounded = new ArrayList<>();
        int policies = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = BUILDER.matcher(Files.readString(f));
                while (m.find()) {
                    policies++;
                    if (!m.group(1).contains("setMaximumAttempts(")) {
                        unbounded.add(f.getFileName() + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertTrue(policies >= 6, "found the retry policies (" + policies + ")");
        assertTrue(unbounded.isEmpty(), "unbounded retry policies: " + unbounded);
    }
}
