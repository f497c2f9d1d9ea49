package io.tradingstack.llm;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.time.Duration;

/**
 * How workflows call the model: as an activity, so the answer is recorded in the workflow history
 * and a replay reads it from there instead of calling the model again. Create the stub with
 * {@link LlmActivityOptions#options()}:
 * <pre>{@code
 * LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, LlmActivityOptions.options());
 * LlmResult r = llm.chat(request);
 * if (!r.ok()) { ... decide by rules, record r.code() ... }
 * }</pre>
 * Caps reached, unusable answers and refused requests come back as coded results (never retried);
 * only transport failures (the llm component unreachable, a worker lost) are retried, a bounded
 * number of times.
 */
@ActivityInterface
public interface LlmActivities {
    /** Activity type name (unique in the worker). */
    String CHAT = "LlmChat";
    /** Longest a chat may take; {@link LlmSettings#bound()} must fit (checked at start). */
    Duration START_TO_CLOSE = Duration.ofMinutes(15);

    @ActivityMethod(name = CHAT)
    LlmResult chat(LlmRequest request);
}
