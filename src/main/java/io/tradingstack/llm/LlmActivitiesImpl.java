package io.tradingstack.llm;

import io.tradingstack.bus.Addresses;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.BusBridge;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;

import java.time.Duration;

/**
 * Bridges {@link LlmActivities} to the llm component over the bus (it may run on another node),
 * waiting at most the configured chat bound on the activity thread.
 */
public final class LlmActivitiesImpl implements LlmActivities {
    /** What the bus wait allows beyond the chat bound: queueing at the llm component and transport. */
    static final Duration SLACK = Duration.ofSeconds(30);
    private final BusBridge bus;

    public LlmActivitiesImpl(AppContext ctx) {
        LlmCodecs.register(ctx.vertx());
        this.bus = new BusBridge(ctx.vertx(), LlmSettings.from(ctx.config()).bound().plus(SLACK));
    }

    @Override
    public LlmResult chat(LlmRequest request) {
        ActivityInfo info = Activity.getExecutionContext().getInfo();
        String key = info.getWorkflowId() + "/" + info.getRunId() + "/" + info.getActivityId();
        return chat(key, request);
    }

    /**
     * A chat for an activity that asks several times (the LLM backtest): {@code key} names the one
     * logical call, so a retried activity gets the answers its first attempt stored.
     */
    public LlmResult chat(String key, LlmRequest request) {
        return bus.request(Addresses.LLM_CHAT, new LlmCall(key, request), LlmResult.class);
    }
}
