package io.tradingstack.durable;

import io.temporal.activity.ActivityOptions;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import io.tradingstack.model.ComponentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay tests have teeth: a committed history replayed against a deliberately changed
 * implementation (test-only, same workflow type) fails with Temporal's NonDeterministicException,
 * while the real implementation replays it cleanly ({@link SystemCheckWorkflowTest}).
 */
class NonDeterminismReplayTest {

    /** Inserts a durable timer before the activity the history recorded first. */
    public static final class TimerFirst implements SystemCheckWorkflow {
        @Override
        public List<ComponentStatus> check() {
            Workflow.sleep(Duration.ofSeconds(1));
            return activities().componentStatuses();
        }
    }

    /** Returns without the activity the history recorded. */
    public static final class ActivityDropped implements SystemCheckWorkflow {
        @Override
        public List<ComponentStatus> check() {
            return List.of();
        }
    }

    /** Calls the activity twice where the history holds one call. */
    public static final class ActivityTwice implements SystemCheckWorkflow {
        @Override
        public List<ComponentStatus> check() {
            activities().componentStatuses();
            return activities().componentStatuses();
        }
    }

    private static SystemCheckActivities activities() {
        return Workflow.newActivityStub(SystemCheckActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {TimerFirst.class, ActivityDropped.class, ActivityTwice.class})
    void aChangedWorkflowIsCaughtByReplay(Class<?> changed) throws Exception {
        String history = Files.readString(Path.of("src/test/resources/histories/system-check.json"));
        WorkflowReplayer.replayWorkflowExecution(history, SystemCheckWorkflowImpl.class);
        Exception failure = assertThrows(Exception.class, () -> WorkflowReplayer.replayWorkflowExecution(history, changed));
        assertTrue(reports(failure, NonDeterministicException.class), () -> "expected a NonDeterministicException, got " + failure);
    }

    /** The replayer runs the history as a query, so it reports the exception in its failure's text (TMPRL1100). */
    private static boolean reports(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c) || String.valueOf(c.getMessage()).contains(type.getName() + ": [TMPRL1100]")) {
                return true;
            }
        }
        return false;
    }
}
