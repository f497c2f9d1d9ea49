package io.tradingstack.durable;

import io.tradingstack.testing.TestInfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records a finished workflow's history under src/test/resources/histories for replay tests.
 * Run a test with -Dts.recordHistories=true to refresh the committed files.
 */
public final class Histories {
    private Histories() {
    }

    public static void record(String workflowId, String name) {
        record(TestInfra.temporal().client().fetchHistory(workflowId), name);
    }

    /** Records a history fetched by the test (e.g. one run of several under the same workflow id). */
    public static void record(io.temporal.common.WorkflowExecutionHistory history, String name) {
        String json = history.toJson(true);
        Path file = Path.of("src/test/resources/histories", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
