package io.tradingstack.agents.judge;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/** The judge workflow's effects: reads of the ledger and the prompt store, signals, the gate's adjustments, the store. */
@ActivityInterface(namePrefix = "Judge")
public interface JudgeActivities {
    /** The memory of the latest stored evaluation of {@code judgeId} (a restart rebuilds from it), or FRESH. */
    @ActivityMethod
    JudgeMemory restore(String judgeId);

    /** The window's figures, the execution agent's prompt in force and the user's pending feedback. */
    @ActivityMethod
    JudgeInputs gather(int windowDays);

    /** Ends the judge's "until N winning days" adjustments that reached their count. */
    @ActivityMethod
    List<JudgeAction> settleAdjustments();

    /** Signals the execution agent (update_system_prompt or rollback_prompt), then consumes the feedback used. */
    @ActivityMethod
    JudgeAction changePrompt(JudgeRequests.PromptRequest request);

    /** Stores adjustments through the risk gate, replacing the judge's earlier one of the same scope. */
    @ActivityMethod
    List<JudgeAction> adjust(JudgeRequests.AdjustRequest request);

    /** Stores the evaluation and the memory after it (idempotent on the evaluation's id). */
    @ActivityMethod
    void record(JudgeMessages.Store store);
}
